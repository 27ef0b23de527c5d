package org.gengbao.server.cases;

import org.gengbao.server.accounts.Role;

/** A step of a case that has a legal or working period, and who must act by its due date. */
enum DeadlineStep {
    VERIFY("线索核查", "verification of the clue", Role.OFFICER),
    STOP_COMPLIANCE("责令停止违法行为整改期限", "compliance with the stop order", Role.OFFICER),
    PARTY_STATEMENT("当事人陈述申辩、申请听证期限", "party's statement or hearing request", Role.OFFICER),
    HEARING("组织听证期限", "holding the requested hearing", Role.OFFICER),
    PERFORMANCE("处罚决定履行期限", "performance of the penalty decision", Role.OFFICER),
    APPEAL_WINDOW("申请复议、提起诉讼期限", "window for reconsideration and lawsuit", Role.OFFICER),
    DEMAND_RESPONSE("催告履行期限", "performance after the demand", Role.OFFICER),
    COURT_APPLICATION("申请法院强制执行期限", "application to the court for enforcement", Role.OFFICER),
    COURT_REVIEW("法院审查裁定期限", "court review and ruling", Role.COURT),
    EXECUTION("乡镇组织实施期限", "execution by the town", Role.TOWN),
    POLICE_REVIEW("公安机关审查受理期限", "police review of the transfer", Role.POLICE);

    final String zh;
    final String en;
    final Role responsible;

    DeadlineStep(String zh, String en, Role responsible) {
        this.zh = zh;
        this.en = en;
        this.responsible = responsible;
    }
}
