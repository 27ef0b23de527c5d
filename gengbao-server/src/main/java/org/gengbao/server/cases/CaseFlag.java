package org.gengbao.server.cases;

/** Parallel tracks of a case, beside its status. */
enum CaseFlag {
    /** 已移送公安. */
    TRANSFERRED,
    /** 公安已受理. */
    POLICE_ACCEPTED,
    /** 已向法院申请强制执行 (the court sees the case from then on). */
    COURT_APPLIED,
    /** 当事人在失信名单中. */
    BLACKLISTED
}
