package org.gengbao.server.documents;

/** The documents a case produces, with their Chinese titles and the short word used in their numbers. */
public enum DocumentType {
    WARNING_INTERVIEW_RECORD("预警约谈记录", "Record of the warning interview", "约"),
    STOP_ORDER("责令停止违法行为通知书", "Order to stop the violation", "停"),
    FILING_FORM("立案审批表", "Case filing approval form", "立"),
    SURVEY_RECORD("现场勘测笔录", "Record of the on-site survey", "勘"),
    INQUIRY_RECORD("询问笔录", "Record of an inquiry", "询"),
    PENALTY_NOTICE("行政处罚告知书", "Notice of the proposed penalty", "告"),
    PENALTY_DECISION("行政处罚决定书", "Penalty decision", "罚"),
    DEMAND("催告书", "Demand for performance", "催"),
    ENFORCEMENT_APPLICATION("强制执行申请书", "Application for court enforcement", "执申"),
    EXECUTION_REPORT("执行情况报告", "Report on the execution", "执报");

    private final String titleZh;
    private final String titleEn;
    private final String numberWord;

    DocumentType(String titleZh, String titleEn, String numberWord) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.numberWord = numberWord;
    }

    /** The document's title: documents are issued in Chinese only. */
    public String titleZh() {
        return titleZh;
    }

    /** An English name of the document for the English console (the document itself stays Chinese). */
    public String titleEn() {
        return titleEn;
    }

    /** The word in the document number, e.g. 停 in "耕保示范县自然资源局停字〔2026〕第3号". */
    public String numberWord() {
        return numberWord;
    }
}
