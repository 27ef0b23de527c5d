package org.gengbao.server.cases;

/** The actions of the case workflow (api.md "Case workflow"), with their names for people. */
enum CaseAction {
    VERIFY("核查", "Verify the clue"),
    WARNING_INTERVIEW("预警约谈", "Warning interview"),
    STOP_ORDER("责令停止违法行为", "Order to stop the violation"),
    FILE("立案", "File the case"),
    RECORD_SURVEY("现场勘测", "Record the on-site survey"),
    RECORD_INQUIRY("询问调查", "Record an inquiry"),
    NOTIFY_PENALTY("行政处罚告知", "Notify the proposed penalty"),
    RECORD_HEARING_REQUEST("当事人申请听证", "Record the party's hearing request"),
    HOLD_HEARING("举行听证", "Hold a hearing"),
    RECORD_HEARING_WITHDRAWAL("当事人撤回听证申请", "Record the party's withdrawal of the hearing request"),
    RECORD_WAIVER("记录当事人放弃陈述申辩和听证", "Record the party's waiver of statement and hearing"),
    DECIDE_PENALTY("作出行政处罚决定", "Decide the penalty"),
    RECORD_PERFORMANCE("记录履行情况", "Record performance"),
    SEND_DEMAND("催告", "Send a formal demand"),
    APPLY_COURT_ENFORCEMENT("申请法院强制执行", "Apply to the court for enforcement"),
    COURT_HEARING("法院审查听证", "Court hearing"),
    COURT_RULING("法院裁定", "Court ruling"),
    RECORD_EXECUTION("记录组织实施情况", "Record the execution"),
    TRANSFER_TO_POLICE("移送公安机关", "Transfer to the police"),
    POLICE_ACCEPT("公安机关受理", "Police accept the transfer"),
    JOINT_ACTION("联合执法", "Joint enforcement action"),
    BLACKLIST("纳入失信名单", "Put the party on the credit blacklist"),
    LIFT_BLACKLIST("信用修复、移出失信名单", "Lift the blacklisting (credit repair)"),
    CLOSE("结案", "Close the case"),
    ARCHIVE("归档", "Archive the case");

    final String zh;
    final String en;

    CaseAction(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
