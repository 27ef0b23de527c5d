package org.gengbao.server.cases;

/**
 * Conditions beyond status and flags, checked against the case's deadlines and events. A guard over a period
 * ({@link #period}) holds after the period's due date — both today (else the action is not due yet, 409) and on the
 * date of the act itself (else the act would be dated inside the period, 422). An action's guards are checked in
 * the order declared here, and a refusal names the first that fails.
 */
enum Guard {
    /** The decision's performance deadline has passed (the party did not perform in time). */
    PERFORMANCE_OVERDUE(
            DeadlineStep.PERFORMANCE,
            false,
            "处罚决定的履行期限尚未届满",
            "the performance deadline of the decision has not passed yet"),
    /** The period given by the demand has passed. */
    DEMAND_PERIOD_PASSED(
            DeadlineStep.DEMAND_RESPONSE, false, "催告书规定的履行期限尚未届满", "the period given by the demand has not passed yet"),
    /** The windows for reconsideration and lawsuit have passed (the decision can no longer be contested). */
    APPEAL_WINDOW_PASSED(
            DeadlineStep.APPEAL_WINDOW,
            false,
            "申请复议、提起诉讼的期限尚未届满",
            "the windows for reconsideration and lawsuit have not passed yet"),
    /** The notice of the proposed penalty offered a hearing (checked before the other hearing guards). */
    HEARING_OFFERED(null, false, "行政处罚告知书未告知听证权利", "the notice of the proposed penalty offered no hearing"),
    /**
     * No hearing the party requested is pending: every {@link CaseAction#RECORD_HEARING_REQUEST} was followed by the
     * hearing, the party's withdrawal of the request or its written waiver (APL art. 63–65: a requested hearing is
     * held before the decision). Declared before {@link #STATEMENT_PERIOD_ENDED} so that a refused decision names
     * the pending hearing first.
     */
    NO_HEARING_PENDING(
            null,
            false,
            "当事人已申请听证，应当先举行听证（当事人撤回听证申请的除外）",
            "the party has requested a hearing, which must be held first (unless the party withdraws the request)"),
    /** A hearing request of the party is pending (neither held nor withdrawn nor waived). */
    HEARING_PENDING(null, false, "当事人没有尚待举行听证的申请", "no hearing request of the party is pending"),
    /**
     * The party was not heard yet and did not waive: the statement period after the notice was not met by a
     * hearing or a waiver (it may have run out: a request made in time may be recorded later).
     */
    NOT_YET_HEARD(
            null,
            false,
            "当事人已经听证或已书面放弃陈述、申辩和听证",
            "the party has already been heard or has waived statement, defence and hearing"),
    /**
     * The party's period for statement, defence and a hearing request after the notice has ended: it has run out,
     * or the party was heard or waived it (the step was met).
     */
    STATEMENT_PERIOD_ENDED(
            DeadlineStep.PARTY_STATEMENT,
            true,
            "当事人陈述、申辩和申请听证的期限尚未届满，当事人也未放弃或举行听证",
            "the party's period for statement, defence and a hearing request has not ended, and the party has"
                    + " neither waived it nor been heard"),
    /** An on-site survey was recorded (the court needs it as evidence). */
    SURVEYED(null, false, "尚未制作现场勘测笔录", "no on-site survey has been recorded yet"),
    /** The decision imposed measures or a fine and no performance of it has been recorded since. */
    UNPERFORMED(null, false, "处罚决定已履行或未设定须履行的事项", "the decision imposed nothing or has been performed"),
    /** The court's latest ruling allowed enforcement. */
    ENFORCEMENT_ALLOWED_BY_COURT(null, false, "法院未裁定准予强制执行", "the court has not allowed enforcement"),
    /** The party performed after being blacklisted. */
    PERFORMED_SINCE_LISTING(null, false, "列入失信名单后尚未记录当事人履行", "the party has not performed since being blacklisted");

    /** The period that must have passed, or null for a guard that is not about a period. */
    final DeadlineStep period;
    /** Whether the period also ends when its step was met before the due date (a hearing, a waiver). */
    final boolean endsWhenMet;

    final String zh;
    final String en;

    Guard(DeadlineStep period, boolean endsWhenMet, String zh, String en) {
        this.period = period;
        this.endsWhenMet = endsWhenMet;
        this.zh = zh;
        this.en = en;
    }
}
