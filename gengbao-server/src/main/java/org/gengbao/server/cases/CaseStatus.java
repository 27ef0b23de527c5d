package org.gengbao.server.cases;

/** Where a case stands in the workflow (domain.md §5). */
enum CaseStatus {
    NEW("待核查", "to be verified"),
    VERIFIED("已核查", "verified"),
    DISMISSED("核查排除", "dismissed"),
    STOP_ORDERED("已责令停止", "stop ordered"),
    FILED("已立案", "filed"),
    INVESTIGATING("调查取证", "under investigation"),
    NOTIFIED("已告知", "penalty notified"),
    DECIDED("已作出处罚决定", "penalty decided"),
    PERFORMED("已履行", "performed"),
    DEMANDED("已催告", "demand sent"),
    APPLIED("已申请强制执行", "court enforcement applied for"),
    ENFORCEMENT_ALLOWED("准予强制执行", "enforcement allowed"),
    ENFORCEMENT_REFUSED("不准予强制执行", "enforcement refused"),
    EXECUTED("已执行", "executed"),
    CLOSED("已结案", "closed"),
    ARCHIVED("已归档", "archived");

    final String zh;
    final String en;

    CaseStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** No step of the workflow is pending any more: deadlines still open are cancelled. */
    boolean ended() {
        return this == DISMISSED || this == CLOSED || this == ARCHIVED;
    }
}
