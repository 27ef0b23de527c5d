package org.gengbao.server.documents;

/** The documents a case produces, with their Chinese titles and the short word used in their numbers. */
public enum DocumentType {
    WARNING_INTERVIEW_RECORD("预警约谈记录", "约"),
    STOP_ORDER("责令停止违法行为通知书", "停"),
    FILING_FORM("立案审批表", "立"),
    SURVEY_RECORD("现场勘测笔录", "勘"),
    INQUIRY_RECORD("询问笔录", "询"),
    PENALTY_NOTICE("行政处罚告知书", "告"),
    PENALTY_DECISION("行政处罚决定书", "罚"),
    DEMAND("催告书", "催"),
    ENFORCEMENT_APPLICATION("强制执行申请书", "执申"),
    EXECUTION_REPORT("执行情况报告", "执报");

    private final String titleZh;
    private final String numberWord;

    DocumentType(String titleZh, String numberWord) {
        this.titleZh = titleZh;
        this.numberWord = numberWord;
    }

    public String titleZh() {
        return titleZh;
    }

    /** The word in the document number, e.g. 停 in "耕保示范县自然资源局停字〔2026〕第3号". */
    public String numberWord() {
        return numberWord;
    }
}
