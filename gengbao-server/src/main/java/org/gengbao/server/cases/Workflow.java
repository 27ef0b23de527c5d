package org.gengbao.server.cases;

import static org.gengbao.server.cases.CaseStatus.*;
import static org.gengbao.server.cases.Schemas.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.documents.DocumentType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case workflow of domain.md §5 as a table: for each action, the statuses it is allowed in, the roles that take
 * it, the flags it needs or may not have, further conditions ({@link Guard}), the status it leads to (fixed, or chosen
 * by a field of its data), the flags it sets and clears, the document it issues, the deadlines it meets and opens, and
 * the JSON Schema of its data. {@link Cases} applies the table and nothing else decides a transition.
 */
final class Workflow {

    /** One row of the table. */
    record Rule(
            CaseAction action,
            Set<CaseStatus> from,
            Set<Role> roles,
            CaseStatus to,
            String outcomeField,
            Map<String, CaseStatus> outcomes,
            Set<CaseFlag> requires,
            Set<CaseFlag> forbids,
            Set<CaseFlag> sets,
            Set<CaseFlag> clears,
            Set<Guard> guards,
            DocumentType document,
            Set<DeadlineStep> meets,
            List<DeadlineStep> opens,
            String dateField,
            ObjectNode schema) {

        /** The status after this action with this data (the same status for actions that keep it). */
        CaseStatus result(CaseStatus current, JsonNode data) {
            if (outcomeField != null) {
                return outcomes.get(data.path(outcomeField).asString(""));
            }
            return to == null ? current : to;
        }

        boolean allowedFor(Role role) {
            return roles.contains(role);
        }
    }

    private static final Set<Role> BUREAU = EnumSet.of(Role.OFFICER, Role.ADMIN);
    private static final Set<CaseStatus> BEFORE_DECISION =
            EnumSet.of(VERIFIED, STOP_ORDERED, FILED, INVESTIGATING, NOTIFIED);
    private static final Set<CaseStatus> AFTER_DECISION =
            EnumSet.of(DECIDED, DEMANDED, APPLIED, ENFORCEMENT_ALLOWED, ENFORCEMENT_REFUSED, EXECUTED);
    private static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.of(DISMISSED, CLOSED, ARCHIVED));

    static final Map<String, Name> MEASURES = values(
            "RETURN_LAND",
            "责令退还非法占用的土地",
            "Order the illegally occupied land returned",
            "DEMOLISH_WITHIN_DEADLINE",
            "限期拆除在非法占用的土地上新建的建筑物和其他设施",
            "Order the new buildings and facilities demolished within a deadline",
            "CONFISCATE",
            "没收在非法占用的土地上新建的建筑物和其他设施",
            "Confiscate the new buildings and facilities",
            "RESTORE_LAND",
            "恢复土地原状",
            "Order the land restored");
    static final Map<String, Name> BLACKLIST_MEASURES = values(
            "LUXURY_SPENDING",
            "限制高消费",
            "Restriction on high consumption",
            "FLIGHTS_AND_HIGH_SPEED_RAIL",
            "限制乘坐飞机、高铁",
            "No travel by air or high-speed rail",
            "FINANCING_AND_CREDIT",
            "限制融资信贷",
            "Restriction on financing and credit",
            "GOVERNMENT_SUBSIDIES",
            "限制申请政府补贴",
            "Restriction on applying for government subsidies",
            "PUBLIC_PROCUREMENT",
            "限制参与政府采购、招标投标",
            "Exclusion from government procurement and public tenders",
            "PUBLIC_DISCLOSURE",
            "通过信用平台公示",
            "Public disclosure on the credit platform");

    private static final Map<CaseAction, Rule> RULES = build();

    private Workflow() {}

    static Rule rule(CaseAction action) {
        return RULES.get(action);
    }

    static List<Rule> rules() {
        return List.copyOf(RULES.values());
    }

    /**
     * The date of an act as its data states it (the {@code *On} field its row names); empty for an action outside the
     * table (the opening of a case) or data without a readable date.
     */
    static Optional<LocalDate> actDate(String action, JsonNode data) {
        return parse(action)
                .map(a -> data.path(rule(a).dateField()))
                .filter(JsonNode::isString)
                .flatMap(v -> {
                    try {
                        return Optional.of(LocalDate.parse(v.asString()));
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                });
    }

    static Optional<CaseAction> parse(String name) {
        try {
            return Optional.of(CaseAction.valueOf(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<CaseAction, Rule> build() {
        Map<CaseAction, Rule> t = new EnumMap<>(CaseAction.class);
        add(
                t,
                on(CaseAction.VERIFY)
                        .from(NEW)
                        .by(BUREAU)
                        .outcome("result", Map.of("CONFIRMED", VERIFIED, "DISMISSED", DISMISSED))
                        .meets(DeadlineStep.VERIFY)
                        .date("verifiedOn")
                        .schema(object(
                                "线索核查",
                                "Verification of the clue on site",
                                req(
                                        "result",
                                        choice(
                                                "核查结论",
                                                "Finding",
                                                values(
                                                        "CONFIRMED",
                                                        "违法事实成立",
                                                        "Violation established",
                                                        "DISMISSED",
                                                        "不构成违法，排除",
                                                        "No violation; clue dismissed"))),
                                req("verifiedOn", date("核查日期", "Verified on")),
                                req("verifiedBy", text("核查人员", "Verified by", 200)),
                                req("findings", text("核查情况", "Findings on site", 4000)))));
        add(
                t,
                on(CaseAction.WARNING_INTERVIEW)
                        .from(VERIFIED, STOP_ORDERED)
                        .by(BUREAU)
                        .document(DocumentType.WARNING_INTERVIEW_RECORD)
                        .date("interviewedOn")
                        .schema(object(
                                "预警约谈记录",
                                "Record of the warning interview",
                                req("interviewedOn", date("约谈日期", "Interviewed on")),
                                req("interviewee", text("被约谈人", "Interviewee", 100)),
                                req("interviewers", text("约谈人员", "Interviewers", 200)),
                                opt("place", text("约谈地点", "Place of the interview", 200)),
                                req("content", text("约谈内容", "Content of the interview", 4000)),
                                opt("commitment", text("当事人承诺", "Commitment of the party", 2000)))));
        add(
                t,
                on(CaseAction.STOP_ORDER)
                        .from(VERIFIED)
                        .to(STOP_ORDERED)
                        .by(BUREAU)
                        .document(DocumentType.STOP_ORDER)
                        .opens(DeadlineStep.STOP_COMPLIANCE)
                        .date("orderedOn")
                        .schema(object(
                                "责令停止违法行为通知书",
                                "Order to stop the violation",
                                req("orderedOn", date("通知日期", "Ordered on")),
                                req("party", text("当事人", "Party", 100)),
                                req("facts", text("违法事实", "Facts of the violation", 4000)),
                                req("requirements", text("责令事项", "What the party is ordered to do", 2000)))));
        add(
                t,
                on(CaseAction.FILE)
                        .from(VERIFIED, STOP_ORDERED)
                        .to(FILED)
                        .by(BUREAU)
                        .document(DocumentType.FILING_FORM)
                        .meets(DeadlineStep.STOP_COMPLIANCE)
                        .date("filedOn")
                        .schema(object(
                                "立案审批",
                                "Filing of the case",
                                req("filedOn", date("立案日期", "Filed on")),
                                req("partyName", text("当事人姓名或名称", "Name of the party (person or organisation)", 100)),
                                opt(
                                        "partyIdNumber",
                                        pattern("当事人身份证号码", "Resident ID number of the party", ID_NUMBER, 18)),
                                opt(
                                        "partyPhone",
                                        pattern("当事人联系电话", "Phone number of the party", "^[0-9+\\- ]{5,20}$", 20)),
                                req("cause", text("案由", "Cause of action", 500)),
                                req("approvedBy", text("审批人", "Approved by", 100)))));
        add(
                t,
                on(CaseAction.RECORD_SURVEY)
                        .from(FILED, INVESTIGATING)
                        .to(INVESTIGATING)
                        .by(BUREAU)
                        .document(DocumentType.SURVEY_RECORD)
                        .date("surveyedOn")
                        .schema(object(
                                "现场勘测笔录",
                                "Record of the on-site survey",
                                req("surveyedOn", date("勘测日期", "Surveyed on")),
                                req("surveyors", text("勘测人员", "Surveyors", 200)),
                                opt("present", text("在场人员", "Persons present", 200)),
                                req("measuredAreaM2", number("实测面积（平方米）", "Measured area (m²)", 0)),
                                req("description", text("现场情况", "Situation on site", 4000)))));
        add(
                t,
                on(CaseAction.RECORD_INQUIRY)
                        .from(FILED, INVESTIGATING)
                        .to(INVESTIGATING)
                        .by(BUREAU)
                        .document(DocumentType.INQUIRY_RECORD)
                        .date("inquiredOn")
                        .schema(object(
                                "询问笔录",
                                "Record of an inquiry",
                                req("inquiredOn", date("询问日期", "Questioned on")),
                                req("interviewee", text("被询问人", "Person questioned", 100)),
                                req("inquirers", text("询问人", "Questioned by", 200)),
                                req("transcript", text("询问内容", "Transcript of the questioning", 8000)))));
        add(
                t,
                on(CaseAction.NOTIFY_PENALTY)
                        .from(INVESTIGATING)
                        .to(NOTIFIED)
                        .by(BUREAU)
                        .guards(Guard.SURVEYED)
                        .document(DocumentType.PENALTY_NOTICE)
                        .opens(DeadlineStep.PARTY_STATEMENT)
                        .date("notifiedOn")
                        .schema(object(
                                "行政处罚告知",
                                "Notice of the proposed penalty",
                                req("notifiedOn", date("告知日期", "Notified on")),
                                req("proposedMeasures", choices("拟处罚种类", "Proposed penalties", MEASURES)),
                                req("proposedFineYuan", number("拟罚款金额（元）", "Proposed fine (yuan)", 0)),
                                req(
                                        "hearingRight",
                                        bool(
                                                "告知听证权利（拟较大数额罚款等依法应当告知）",
                                                "Party informed of the right to a hearing (required by law, e.g. for a large fine)")),
                                req("facts", text("违法事实及依据", "Facts of the violation and legal basis", 4000)))));
        add(
                t,
                // APL art. 64(1): a party notified of its right asks for a hearing within the period; the request must
                // be dated inside it (Cases.checkData, 422). It opens the period for holding the hearing, and the
                // decision waits until the hearing is held or the request withdrawn (Guard.NO_HEARING_PENDING).
                on(CaseAction.RECORD_HEARING_REQUEST)
                        .from(NOTIFIED)
                        .by(BUREAU)
                        .guards(Guard.HEARING_OFFERED, Guard.NOT_YET_HEARD, Guard.NO_HEARING_PENDING)
                        .opens(DeadlineStep.HEARING)
                        .date("requestedOn")
                        .schema(object(
                                "当事人申请听证",
                                "The party's request for a hearing",
                                req("requestedOn", date("申请听证日期", "Hearing requested on")),
                                req("requestedBy", text("申请人（当事人或其代理人）", "Requested by (the party or its agent)", 100)),
                                opt("note", text("备注", "Note", 2000)))));
        add(
                t,
                // Without a recorded request, the hearing's own requestedOn is the request (checked against the
                // period). With a pending request, requestedOn must be that request's date (Cases.checkData, 422).
                on(CaseAction.HOLD_HEARING)
                        .from(NOTIFIED)
                        .by(BUREAU)
                        .guards(Guard.HEARING_OFFERED)
                        .meets(DeadlineStep.PARTY_STATEMENT, DeadlineStep.HEARING)
                        .date("heldOn")
                        .schema(object(
                                "听证",
                                "Hearing",
                                req("requestedOn", date("当事人申请听证日期", "Hearing requested by the party on")),
                                req("heldOn", date("听证日期", "Hearing held on")),
                                req("presidedBy", text("听证主持人", "Presiding officer of the hearing", 100)),
                                req("summary", text("听证情况", "Summary of the hearing", 4000)))));
        add(
                t,
                // The party withdraws its hearing request in writing (the APL does not name withdrawal; art. 64(8)
                // ends a hearing the party stays away from — verify local hearing rules): no hearing is owed any more,
                // but the statement period still runs — the decision waits for it or for a waiver.
                on(CaseAction.RECORD_HEARING_WITHDRAWAL)
                        .from(NOTIFIED)
                        .by(BUREAU)
                        .guards(Guard.HEARING_PENDING)
                        .meets(DeadlineStep.HEARING)
                        .date("withdrawnOn")
                        .schema(object(
                                "当事人撤回听证申请",
                                "The party's withdrawal of the hearing request",
                                req("withdrawnOn", date("撤回日期", "Withdrawn on")),
                                req("party", text("当事人（签名）", "Party (signature)", 100)),
                                req(
                                        "statement",
                                        text(
                                                "当事人撤回听证申请的书面声明",
                                                "The party's written withdrawal of the hearing request",
                                                2000)))));
        add(
                t,
                // a written waiver of statement, defence and hearing also gives up a pending hearing request
                on(CaseAction.RECORD_WAIVER)
                        .from(NOTIFIED)
                        .by(BUREAU)
                        .meets(DeadlineStep.PARTY_STATEMENT, DeadlineStep.HEARING)
                        .date("waivedOn")
                        .schema(object(
                                "当事人放弃陈述、申辩和听证",
                                "The party's written waiver of statement, defence and hearing",
                                req("waivedOn", date("放弃日期", "Waived on")),
                                req("party", text("当事人（签名）", "Party (signature)", 100)),
                                req("statement", text("当事人书面声明", "Written declaration of the party", 2000)))));
        add(
                t,
                on(CaseAction.DECIDE_PENALTY)
                        .from(NOTIFIED)
                        .to(DECIDED)
                        .by(BUREAU)
                        // the party is heard first: its period runs out, or it was heard or waived it (APL art. 44-45,
                        // 62); and a hearing it requested is held (or the request withdrawn) first (art. 63-65)
                        .guards(Guard.NO_HEARING_PENDING, Guard.STATEMENT_PERIOD_ENDED)
                        .document(DocumentType.PENALTY_DECISION)
                        .meets(DeadlineStep.PARTY_STATEMENT)
                        .opens(DeadlineStep.PERFORMANCE, DeadlineStep.APPEAL_WINDOW)
                        .date("decidedOn")
                        .schema(object(
                                "行政处罚决定",
                                "Penalty decision",
                                req("decidedOn", date("决定日期", "Decided on")),
                                req("measures", choices("处罚种类", "Penalties", MEASURES)),
                                req("fineYuan", number("罚款金额（元）", "Fine (yuan)", 0)),
                                req("performBy", date("履行期限", "Deadline for performance")),
                                req("reasons", text("处罚理由及依据", "Reasons and legal basis of the penalty", 4000)))));
        add(
                t,
                on(CaseAction.RECORD_PERFORMANCE)
                        .from(AFTER_DECISION)
                        .to(PERFORMED)
                        .by(BUREAU)
                        .meets(
                                DeadlineStep.PERFORMANCE,
                                DeadlineStep.APPEAL_WINDOW,
                                DeadlineStep.DEMAND_RESPONSE,
                                DeadlineStep.COURT_APPLICATION,
                                // performed while the application is pending: the court no longer needs to rule
                                DeadlineStep.COURT_REVIEW,
                                DeadlineStep.EXECUTION)
                        .date("performedOn")
                        .schema(object(
                                "履行情况",
                                "Performance by the party",
                                req("performedOn", date("履行日期", "Performed on")),
                                req("description", text("履行情况", "Details of the performance", 4000)),
                                opt("paidYuan", number("已缴罚款（元）", "Fine paid (yuan)", 0)),
                                opt("photos", photos("履行照片", "Photos of the performance", 0)))));
        add(
                t,
                on(CaseAction.SEND_DEMAND)
                        .from(DECIDED)
                        .to(DEMANDED)
                        .by(BUREAU)
                        // domain.md §5: the demand follows the appeal and lawsuit windows (Compulsion Law art. 53-54)
                        .guards(Guard.PERFORMANCE_OVERDUE, Guard.APPEAL_WINDOW_PASSED, Guard.UNPERFORMED)
                        .document(DocumentType.DEMAND)
                        .meets(DeadlineStep.PERFORMANCE)
                        .opens(DeadlineStep.DEMAND_RESPONSE, DeadlineStep.COURT_APPLICATION)
                        .date("demandedOn")
                        .schema(object(
                                "催告书",
                                "Formal demand",
                                req("demandedOn", date("催告日期", "Demand issued on")),
                                req("content", text("催告事项", "Obligations demanded", 4000)))));
        add(
                t,
                on(CaseAction.APPLY_COURT_ENFORCEMENT)
                        .from(DEMANDED)
                        .to(APPLIED)
                        .by(BUREAU)
                        .guards(
                                Guard.DEMAND_PERIOD_PASSED,
                                Guard.APPEAL_WINDOW_PASSED,
                                Guard.SURVEYED,
                                Guard.UNPERFORMED)
                        .sets(CaseFlag.COURT_APPLIED)
                        .document(DocumentType.ENFORCEMENT_APPLICATION)
                        .meets(DeadlineStep.DEMAND_RESPONSE, DeadlineStep.COURT_APPLICATION, DeadlineStep.APPEAL_WINDOW)
                        .opens(DeadlineStep.COURT_REVIEW)
                        .date("appliedOn")
                        .schema(object(
                                "强制执行申请",
                                "Application for non-litigation enforcement",
                                req("appliedOn", date("申请日期", "Applied on")),
                                req("court", text("受理法院", "Court applied to", 200)),
                                req("requests", text("申请执行事项", "Matters to be enforced", 4000)))));
        add(
                t,
                on(CaseAction.COURT_HEARING)
                        .from(APPLIED)
                        .by(EnumSet.of(Role.COURT))
                        .date("heardOn")
                        .schema(object(
                                "法院审查听证",
                                "Hearing of the court",
                                req("heardOn", date("听证（审查）日期", "Court hearing (review) held on")),
                                req("participants", text("参加人员", "Participants", 500)),
                                req("summary", text("听证（审查）情况", "Summary of the court hearing (review)", 4000)))));
        add(
                t,
                on(CaseAction.COURT_RULING)
                        .from(APPLIED)
                        .by(EnumSet.of(Role.COURT))
                        .outcome("decision", Map.of("ALLOW", ENFORCEMENT_ALLOWED, "REFUSE", ENFORCEMENT_REFUSED))
                        .meets(DeadlineStep.COURT_REVIEW)
                        .opens(DeadlineStep.EXECUTION)
                        .date("ruledOn")
                        .schema(object(
                                "法院裁定",
                                "Ruling of the court",
                                req(
                                        "decision",
                                        choice(
                                                "裁定结果",
                                                "Ruling",
                                                values(
                                                        "ALLOW",
                                                        "准予强制执行",
                                                        "Enforcement allowed",
                                                        "REFUSE",
                                                        "不准予强制执行",
                                                        "Enforcement refused"))),
                                req("ruledOn", date("裁定日期", "Ruled on")),
                                req("rulingNumber", text("裁定书文号", "Number of the ruling", 100)),
                                req("reason", text("裁定理由", "Reasons for the ruling", 4000)))));
        add(
                t,
                on(CaseAction.RECORD_EXECUTION)
                        .from(ENFORCEMENT_ALLOWED)
                        .to(EXECUTED)
                        .by(EnumSet.of(Role.TOWN))
                        .guards(Guard.ENFORCEMENT_ALLOWED_BY_COURT)
                        .document(DocumentType.EXECUTION_REPORT)
                        .meets(DeadlineStep.EXECUTION)
                        .date("executedOn")
                        .schema(object(
                                "组织实施情况",
                                "Execution by the town",
                                req("executedOn", date("实施日期", "Executed on")),
                                req("executedBy", text("实施单位及人员", "Executed by (units and persons)", 200)),
                                req("description", text("实施情况", "Details of the execution", 4000)),
                                req("photos", photos("实施后现场照片", "Photos of the site after execution", 1)))));
        add(
                t,
                on(CaseAction.TRANSFER_TO_POLICE)
                        .from(EnumSet.complementOf(EnumSet.of(NEW, DISMISSED, CLOSED, ARCHIVED)))
                        .by(BUREAU)
                        .forbids(CaseFlag.TRANSFERRED)
                        .sets(CaseFlag.TRANSFERRED)
                        .opens(DeadlineStep.POLICE_REVIEW)
                        .date("transferredOn")
                        .schema(object(
                                "移送公安机关",
                                "Transfer to the police",
                                req("transferredOn", date("移送日期", "Transferred on")),
                                req("receivingUnit", text("接收单位", "Receiving unit", 200)),
                                req("reason", text("移送理由", "Reasons for the transfer", 4000)))));
        add(
                t,
                on(CaseAction.POLICE_ACCEPT)
                        .from(EnumSet.complementOf(EnumSet.of(ARCHIVED)))
                        .by(EnumSet.of(Role.POLICE))
                        .requires(CaseFlag.TRANSFERRED)
                        .forbids(CaseFlag.POLICE_ACCEPTED)
                        .sets(CaseFlag.POLICE_ACCEPTED)
                        .meets(DeadlineStep.POLICE_REVIEW)
                        .date("acceptedOn")
                        .schema(object(
                                "公安机关受理",
                                "Acceptance by the police",
                                req("acceptedOn", date("受理日期", "Accepted on")),
                                req("policeCaseNumber", text("公安案件编号", "Police case number", 100)),
                                opt("note", text("备注", "Note", 2000)))));
        add(
                t,
                on(CaseAction.JOINT_ACTION)
                        .from(OPEN)
                        .by(EnumSet.of(Role.POLICE, Role.OFFICER, Role.ADMIN))
                        .requires(CaseFlag.TRANSFERRED)
                        .date("actedOn")
                        .schema(object(
                                "联合执法",
                                "Joint enforcement action",
                                req("actedOn", date("行动日期", "Action taken on")),
                                req("participants", text("参加单位及人员", "Participating units and persons", 500)),
                                req("description", text("行动情况", "Details of the action", 4000)))));
        add(
                t,
                on(CaseAction.BLACKLIST)
                        .from(AFTER_DECISION)
                        .by(BUREAU)
                        // refusal to perform a decision that can no longer be contested
                        .guards(Guard.PERFORMANCE_OVERDUE, Guard.APPEAL_WINDOW_PASSED, Guard.UNPERFORMED)
                        .forbids(CaseFlag.BLACKLISTED)
                        .sets(CaseFlag.BLACKLISTED)
                        .date("listedOn")
                        .schema(object(
                                "纳入失信名单",
                                "Listing on the credit blacklist",
                                req("listedOn", date("列入日期", "Listed on")),
                                req("party", text("失信当事人", "Party to be listed", 100)),
                                req("idNumber", pattern("身份证号码", "Resident ID number", ID_NUMBER, 18)),
                                req("measures", choices("惩戒措施", "Sanctions", BLACKLIST_MEASURES)),
                                req("reason", text("列入理由", "Reasons for the listing", 2000)))));
        add(
                t,
                on(CaseAction.LIFT_BLACKLIST)
                        .from(EnumSet.complementOf(EnumSet.of(ARCHIVED)))
                        .by(BUREAU)
                        .requires(CaseFlag.BLACKLISTED)
                        .guards(Guard.PERFORMED_SINCE_LISTING)
                        .clears(CaseFlag.BLACKLISTED)
                        .date("liftedOn")
                        .schema(object(
                                "信用修复",
                                "Credit repair: lifting the listing",
                                req("liftedOn", date("移出日期", "Removed from the list on")),
                                req("reason", text("移出理由", "Reasons for the removal", 2000)))));
        add(
                t,
                on(CaseAction.CLOSE)
                        .from(PERFORMED, EXECUTED, ENFORCEMENT_REFUSED)
                        .to(CLOSED)
                        .by(BUREAU)
                        // a listed party must be able to have the listing lifted: lift first, then close
                        .forbids(CaseFlag.BLACKLISTED)
                        .date("closedOn")
                        .schema(object(
                                "结案",
                                "Closing the case",
                                req("closedOn", date("结案日期", "Closed on")),
                                req("summary", text("结案情况", "Summary at closing", 4000)))));
        add(
                t,
                on(CaseAction.ARCHIVE)
                        .from(CLOSED, DISMISSED)
                        .to(ARCHIVED)
                        .by(BUREAU)
                        .date("archivedOn")
                        .schema(object(
                                "归档",
                                "Archiving",
                                req("archivedOn", date("归档日期", "Archived on")),
                                req("archiveNumber", text("档案号", "Archive number", 100)))));
        return Collections.unmodifiableMap(t);
    }

    private static void add(Map<CaseAction, Rule> t, Builder b) {
        Rule r = b.build();
        if (r.schema() == null
                || r.dateField() == null
                || r.roles().isEmpty()
                || r.from().isEmpty()) {
            throw new IllegalStateException("incomplete workflow rule " + r.action());
        }
        t.put(r.action(), r);
    }

    private static Builder on(CaseAction action) {
        return new Builder(action);
    }

    private static final class Builder {
        private final CaseAction action;
        private Set<CaseStatus> from = EnumSet.noneOf(CaseStatus.class);
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private CaseStatus to;
        private String outcomeField;
        private Map<String, CaseStatus> outcomes = Map.of();
        private final Set<CaseFlag> requires = EnumSet.noneOf(CaseFlag.class);
        private final Set<CaseFlag> forbids = EnumSet.noneOf(CaseFlag.class);
        private final Set<CaseFlag> sets = EnumSet.noneOf(CaseFlag.class);
        private final Set<CaseFlag> clears = EnumSet.noneOf(CaseFlag.class);
        private final Set<Guard> guards = EnumSet.noneOf(Guard.class);
        private DocumentType document;
        private final Set<DeadlineStep> meets = EnumSet.noneOf(DeadlineStep.class);
        private final List<DeadlineStep> opens = new ArrayList<>();
        private String dateField;
        private ObjectNode schema;

        Builder(CaseAction action) {
            this.action = action;
        }

        Builder from(CaseStatus... s) {
            from = EnumSet.copyOf(List.of(s));
            return this;
        }

        Builder from(Set<CaseStatus> s) {
            from = EnumSet.copyOf(s);
            return this;
        }

        Builder by(Set<Role> r) {
            roles = EnumSet.copyOf(r);
            return this;
        }

        Builder to(CaseStatus s) {
            to = s;
            return this;
        }

        Builder outcome(String field, Map<String, CaseStatus> byValue) {
            outcomeField = field;
            outcomes = new LinkedHashMap<>(byValue);
            return this;
        }

        Builder requires(CaseFlag f) {
            requires.add(f);
            return this;
        }

        Builder forbids(CaseFlag f) {
            forbids.add(f);
            return this;
        }

        Builder sets(CaseFlag f) {
            sets.add(f);
            return this;
        }

        Builder clears(CaseFlag f) {
            clears.add(f);
            return this;
        }

        Builder guards(Guard... g) {
            guards.addAll(List.of(g));
            return this;
        }

        Builder document(DocumentType d) {
            document = d;
            return this;
        }

        Builder meets(DeadlineStep... s) {
            meets.addAll(List.of(s));
            return this;
        }

        Builder opens(DeadlineStep... s) {
            opens.addAll(List.of(s));
            return this;
        }

        Builder date(String field) {
            dateField = field;
            return this;
        }

        Builder schema(ObjectNode s) {
            schema = s;
            return this;
        }

        Rule build() {
            return new Rule(
                    action,
                    Collections.unmodifiableSet(from),
                    Collections.unmodifiableSet(roles),
                    to,
                    outcomeField,
                    Collections.unmodifiableMap(outcomes),
                    Collections.unmodifiableSet(requires),
                    Collections.unmodifiableSet(forbids),
                    Collections.unmodifiableSet(sets),
                    Collections.unmodifiableSet(clears),
                    Collections.unmodifiableSet(guards),
                    document,
                    Collections.unmodifiableSet(meets),
                    List.copyOf(opens),
                    dateField,
                    schema);
        }
    }
}
