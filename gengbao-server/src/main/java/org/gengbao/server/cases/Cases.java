package org.gengbao.server.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.clues.Clues;
import org.gengbao.server.county.Counties;
import org.gengbao.server.documents.Documents;
import org.gengbao.server.documents.IssuedDocument;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.CanonicalJson;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens cases from clues and moves them along the {@link Workflow}. A transition locks the case row, checks in this
 * order visibility (404), role (403), an earlier request with the same idempotency key (its answer again, or 409), the
 * events the client expected (409), status, flags and guards (409), data (422) and the date of the act (422: not before
 * the case's latest act, not inside a period a guard waits for), then — in one transaction — issues the document,
 * appends the event, updates status and flags, meets and opens deadlines and applies the side effects (clue status,
 * party, blacklist), and audits it.
 */
@Service
class Cases {
    private final JdbcClient jdbc;
    private final Clues clues;
    private final Analyses analyses;
    private final Counties counties;
    private final Documents documents;
    private final Deadlines deadlines;
    private final CaseDocuments caseDocuments;
    private final Blacklist blacklist;
    private final PenaltyOptions penalties;
    private final CaseEvents events;
    private final CaseEvidence caseEvidence;
    private final AuditLog audit;

    private final org.springframework.transaction.support.TransactionTemplate savepoint;

    Cases(
            JdbcClient jdbc,
            Clues clues,
            Analyses analyses,
            Counties counties,
            Documents documents,
            Deadlines deadlines,
            CaseDocuments caseDocuments,
            Blacklist blacklist,
            PenaltyOptions penalties,
            CaseEvents events,
            CaseEvidence caseEvidence,
            AuditLog audit,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.clues = clues;
        this.analyses = analyses;
        this.counties = counties;
        this.documents = documents;
        this.deadlines = deadlines;
        this.caseDocuments = caseDocuments;
        this.blacklist = blacklist;
        this.penalties = penalties;
        this.events = events;
        this.caseEvidence = caseEvidence;
        this.audit = audit;
    }

    static LocalDate today() {
        return LocalDate.now(Analyses.COUNTY_TIME);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    // ------------------------------------------------------------------------------------------------ opening a case

    /**
     * Opens a case from clues of one village that are in the caller's scope, open and in no case yet. The case takes
     * the village, the union of the outlines, the analysis of the first clue that has one (verdict, areas) and the
     * criminal flag when any clue's analysis crosses a criminal threshold.
     */
    @Transactional
    public String create(CurrentUser user, List<String> clueIds) {
        if (clueIds.isEmpty() || clueIds.size() > 20) {
            throw invalid("/clueIds", "应给出 1 到 20 个线索编号", "must name 1 to 20 clues");
        }
        GridScope scope = GridScope.of(user);
        List<Clues.CaseClue> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(clueIds)) {
            Clues.CaseClue c = clues.lockForCase(id)
                    .filter(x -> scope.countyWide() || scope.covers(x.gridCode()))
                    .orElseThrow(() -> Problem.notFound("CLUE_NOT_FOUND", "找不到线索 " + id, "No clue with id " + id));
            if (Clues.CLOSED_STATUSES.contains(c.status())) {
                throw Problem.conflict(
                        "CLUE_CLOSED",
                        "线索 " + id + " 已办结或已排除，不能立案",
                        "Clue " + id + " is closed or dismissed; it cannot become a case");
            }
            Optional<String> inCase = jdbc.sql("SELECT case_id FROM case_clue WHERE clue_id = ?")
                    .param(id)
                    .query(String.class)
                    .optional();
            if (inCase.isPresent()) {
                throw Problem.conflict(
                                "CLUE_IN_CASE",
                                "线索 " + id + " 已在案件 " + inCase.get() + " 中",
                                "Clue " + id + " already belongs to case " + inCase.get())
                        .with("caseId", inCase.get());
            }
            if (c.gridCode() == null) {
                throw Problem.conflict(
                        "CLUE_OUTSIDE_GRID", "线索 " + id + " 不在任何村级网格内", "Clue " + id + " lies in no village cell");
            }
            found.add(c);
        }
        String grid = found.get(0).gridCode();
        if (found.stream().anyMatch(c -> !c.gridCode().equals(grid))) {
            throw invalid("/clueIds", "一个案件的线索应在同一个村", "the clues of one case must lie in one village");
        }
        Geometry outline = found.get(0).geometry();
        for (Clues.CaseClue c : found.subList(1, found.size())) {
            outline = outline.union(c.geometry());
        }
        Clues.CaseClue primary =
                found.stream().filter(c -> c.analysisId() != null).findFirst().orElse(found.get(0));
        boolean criminal = false;
        Double basic = null;
        Double otherCultivated = null;
        for (Clues.CaseClue c : found) {
            if (c.analysisId() == null) {
                continue;
            }
            ObjectNode a = analyses.find(c.analysisId());
            criminal |= a.path("transferToPolice").asBoolean(false);
            basic = sum(basic, a.at("/figures/unauthorisedBasicFarmlandM2").asDouble(0));
            otherCultivated = sum(
                    otherCultivated,
                    a.at("/figures/unauthorisedOtherCultivatedM2").asDouble(0));
        }
        Double area = found.stream().allMatch(c -> c.areaM2() == null)
                ? null
                : found.stream()
                        .mapToDouble(c -> c.areaM2() == null ? 0 : c.areaM2())
                        .sum();
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        String number = nextNumber(today().getYear());
        jdbc.sql("INSERT INTO enforcement_case (id, case_number, status, flags, grid_code, geom, area_m2,"
                        + " basic_farmland_m2, other_cultivated_m2, verdict, analysis_id, criminal, officer, event_count,"
                        + " created_at, updated_at) VALUES (?, ?, 'NEW', ',', ?, ST_GeomFromWKB(?, ?), ?, ?, ?, ?, ?, ?,"
                        + " ?, 1, ?, ?)")
                .params(
                        id,
                        number,
                        grid,
                        new WKBWriter().write(outline),
                        srid(),
                        area,
                        basic,
                        otherCultivated,
                        primary.verdict(),
                        primary.analysisId(),
                        criminal,
                        user.username(),
                        now,
                        now)
                .update();
        for (Clues.CaseClue c : found) {
            jdbc.sql("INSERT INTO case_clue (clue_id, case_id) VALUES (?, ?)")
                    .params(c.id(), id)
                    .update();
            clues.setStatusFromCase(c.id(), "IN_CASE");
        }
        ObjectNode data = JsonText.MAPPER.createObjectNode();
        data.putPOJO("clueIds", found.stream().map(Clues.CaseClue::id).toList());
        data.put("criminal", criminal);
        appendEvent(id, 1, "CREATE", user, now, data, null, CaseStatus.NEW, List.of(), Retry.NONE);
        deadlines.open(
                id,
                DeadlineStep.VERIFY,
                deadlines.due(id, DeadlineStep.VERIFY, today(), data).orElseThrow(),
                1);
        audit.record(
                "CASE_CREATE",
                "case/" + id,
                AuditLog.Result.OK,
                number + " clues=" + clueIds + " grid=" + grid + " criminal=" + criminal);
        return id;
    }

    private static Double sum(Double a, double b) {
        return a == null ? b : a + b;
    }

    /** The next case number of the year, e.g. 耕保示范县自然资源执法〔2026〕第3号 (the year's counter row is locked). */
    private String nextNumber(int year) {
        if (jdbc.sql("SELECT COUNT(*) FROM case_counter WHERE case_year = ?")
                        .param(year)
                        .query(Integer.class)
                        .single()
                == 0) {
            // The first case of a year creates the counter; in a savepoint, so that a concurrent first case that
            // created it meanwhile costs only the savepoint (PostgreSQL would otherwise abort the transaction).
            try {
                savepoint.executeWithoutResult(
                        s -> jdbc.sql("INSERT INTO case_counter (case_year, last_number) VALUES (?, 0)")
                                .param(year)
                                .update());
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // created by a concurrent first case of the year
            }
        }
        jdbc.sql("UPDATE case_counter SET last_number = last_number + 1 WHERE case_year = ?")
                .param(year)
                .update();
        int n = jdbc.sql("SELECT last_number FROM case_counter WHERE case_year = ?")
                .param(year)
                .query(Integer.class)
                .single();
        return counties.require().name() + "自然资源执法〔" + year + "〕第" + n + "号";
    }

    // ------------------------------------------------------------------------------------------------- transitions

    /** A case row locked for the rest of the transaction, if {@code user} may see it. */
    CaseRow lockVisible(CurrentUser user, String id) {
        return jdbc.sql("SELECT " + CaseRow.COLUMNS + " FROM enforcement_case WHERE id = ? FOR UPDATE")
                .param(id)
                .query(CaseRow::map)
                .optional()
                .filter(c -> c.visibleTo(user))
                .orElseThrow(() -> notFound(id));
    }

    static Problem notFound(String id) {
        return Problem.notFound("CASE_NOT_FOUND", "找不到案件 " + id, "No case with id " + id);
    }

    /**
     * A transition asked for: the action and its data; optionally the client's idempotency key (a retry with the same
     * key and content answers the event the first request made) and the number of events the client saw (the
     * transition is refused when the case has changed since).
     */
    record Request(String action, JsonNode data, String idempotencyKey, Integer expectedEvents) {}

    /**
     * The result of a transition: the event's number and status, and the documents it issued; {@code replayed} when
     * it is the answer of an earlier request with the same idempotency key.
     */
    record Transition(int seq, CaseStatus status, List<IssuedDocument> documents, boolean replayed) {}

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[!-~]{1,100}");

    @Transactional
    public Transition transition(CurrentUser user, String caseId, Request request) {
        String key = request.idempotencyKey();
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw Problem.badRequest(
                    "IDEMPOTENCY_KEY_INVALID",
                    "Idempotency-Key 应为 1 到 100 个可见 ASCII 字符（如 UUID）",
                    "Idempotency-Key must be 1 to 100 visible ASCII characters (such as a UUID)");
        }
        CaseRow c = lockVisible(user, caseId);
        String actionName = request.action();
        CaseAction action = Workflow.parse(
                        actionName == null ? "" : actionName.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> invalid(
                        "/action",
                        "未知的操作“" + actionName + "”",
                        "unknown action \"" + actionName + "\"; one of " + List.of(CaseAction.values())));
        Workflow.Rule rule = Workflow.rule(action);
        if (!rule.allowedFor(user.role())) {
            throw new Problem(
                    HttpStatus.FORBIDDEN,
                    "CASE_ACTION_ROLE",
                    "“" + user.role().nameZh() + "”不能执行“" + action.zh + "”",
                    "The role " + user.role() + " cannot take the action " + action);
        }
        JsonNode data = request.data();
        String requestSha256 = null;
        if (key != null) {
            requestSha256 = requestSha256(user, action, data);
            Optional<Transition> earlier = replay(caseId, key, requestSha256);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (request.expectedEvents() != null && request.expectedEvents() != c.eventCount()) {
            throw Problem.conflict(
                            "CASE_CHANGED",
                            "案件已有 " + c.eventCount() + " 个事件，本次请求基于 " + request.expectedEvents() + " 个；请刷新后重试",
                            "The case has " + c.eventCount() + " events, the request expected "
                                    + request.expectedEvents() + "; reload and retry")
                    .with("eventCount", c.eventCount());
        }
        Optional<Problem> blocked = blocked(c, rule);
        if (blocked.isPresent()) {
            throw blocked.get();
        }
        if (data == null || data.isNull()) {
            throw invalid("", "缺少操作数据 data", "data is required");
        }
        SchemaValidator.validate(rule.schema(), data).ifPresent(v -> {
            throw invalid("/data" + v.pointer(), v.zh(), v.en());
        });
        LocalDate eventDate = LocalDate.parse(data.get(rule.dateField()).asString());
        if (eventDate.isAfter(today())) {
            throw invalid("/data/" + rule.dateField(), "日期不能晚于今天", "must not be after today");
        }
        checkDate(c, rule, eventDate);
        checkData(user, c, rule, data, eventDate);
        JsonNode recorded = recorded(c, rule, data);

        CaseStatus to = rule.result(c.status(), data);
        Set<CaseFlag> flags = EnumSet.noneOf(CaseFlag.class);
        flags.addAll(c.flags());
        flags.addAll(rule.sets());
        flags.removeAll(rule.clears());
        int seq = c.eventCount() + 1;
        OffsetDateTime now = now();

        List<IssuedDocument> issued = new ArrayList<>();
        if (rule.document() != null) {
            List<String> photos = rule.action() == CaseAction.RECORD_SURVEY ? cluePhotos(caseId) : List.of();
            Map<DeadlineStep, LocalDate> opened = new LinkedHashMap<>();
            for (DeadlineStep step : rule.opens()) {
                deadlines.due(caseId, step, eventDate, data).ifPresent(due -> opened.put(step, due));
            }
            Map<CaseAction, JsonNode> earlier = new EnumMap<>(CaseAction.class);
            for (CaseAction a : List.of(CaseAction.DECIDE_PENALTY, CaseAction.SEND_DEMAND, CaseAction.COURT_RULING)) {
                events.latestData(caseId, a).ifPresent(d -> earlier.put(a, d));
            }
            issued.add(documents.issue(
                    caseId,
                    rule.document(),
                    caseDocuments.content(c, rule, recorded, geometry(caseId), photos, opened, earlier),
                    user.username()));
        }
        appendEvent(
                caseId, seq, action.name(), user, now, recorded, c.status(), to, issued, new Retry(key, requestSha256));
        int updated = jdbc.sql("UPDATE enforcement_case SET status = ?, flags = ?, event_count = ?, updated_at = ?"
                        + " WHERE id = ? AND event_count = ?")
                .params(to.name(), CaseRow.formatFlags(flags), seq, now, caseId, c.eventCount())
                .update();
        if (updated != 1) {
            throw Problem.conflict("CASE_CHANGED", "案件已被他人修改，请刷新后重试", "The case changed meanwhile; reload and retry");
        }
        deadlines.meet(caseId, rule.meets(), seq);
        for (DeadlineStep step : rule.opens()) {
            deadlines.due(caseId, step, eventDate, data).ifPresent(due -> deadlines.open(caseId, step, due, seq));
        }
        if (to.ended()) {
            deadlines.cancelOpen(caseId, seq);
        }
        sideEffects(user, c, rule, to, data, eventDate, now);
        audit.record(
                "CASE_" + action.name(),
                "case/" + caseId,
                AuditLog.Result.OK,
                c.number() + " " + c.status() + "->" + to + " seq=" + seq
                        + issued.stream().map(d -> " doc=" + d.number()).collect(Collectors.joining())
                        + (key == null ? "" : " key=" + key));
        return new Transition(seq, to, issued, false);
    }

    /** What a request is, for recognising its retry: SHA-256 of the canonical JSON of action, actor and data. */
    private static String requestSha256(CurrentUser user, CaseAction action, JsonNode data) {
        ObjectNode r = JsonText.MAPPER.createObjectNode();
        r.put("action", action.name());
        r.put("actor", user.username());
        r.set("data", data);
        return CanonicalJson.sha256(r);
    }

    /**
     * The event an earlier request with this idempotency key made, if any: its answer again when the request is the
     * same (action, actor and data), 409 when the key was used for something else.
     */
    private Optional<Transition> replay(String caseId, String key, String requestSha256) {
        return jdbc.sql("SELECT seq, action, to_status, document_ids, request_sha256 FROM case_event"
                        + " WHERE case_id = ? AND idempotency_key = ?")
                .params(caseId, key)
                .query((rs, i) -> {
                    int seq = rs.getInt("seq");
                    if (!requestSha256.equals(rs.getString("request_sha256"))) {
                        throw Problem.conflict(
                                        "IDEMPOTENCY_KEY_REUSED",
                                        "Idempotency-Key “" + key + "”已用于本案第 " + seq + " 个事件（" + rs.getString("action")
                                                + "），而本次请求的内容不同；新的请求请使用新的键",
                                        "The Idempotency-Key \"" + key + "\" was used for event " + seq + " ("
                                                + rs.getString("action") + ") of this case with different content;"
                                                + " use a new key for a new request")
                                .with("seq", seq);
                    }
                    List<IssuedDocument> docs = new ArrayList<>();
                    for (String id : rs.getString("document_ids").split(",")) {
                        if (!id.isBlank()) {
                            documents.find(id).ifPresent(docs::add);
                        }
                    }
                    return new Transition(seq, CaseStatus.valueOf(rs.getString("to_status")), docs, true);
                })
                .optional();
    }

    /** The data the event records: the request's, and for a decision the fine range it was taken within. */
    private JsonNode recorded(CaseRow c, Workflow.Rule rule, JsonNode data) {
        if (rule.action() != CaseAction.DECIDE_PENALTY) {
            return data;
        }
        ObjectNode out = ((ObjectNode) data).deepCopy();
        out.set("fineRange", penalties.record(penalties.range(c)));
        return out;
    }

    /** Why the rule cannot be applied to the case now (409), if it cannot. */
    Optional<Problem> blocked(CaseRow c, Workflow.Rule rule) {
        CaseAction action = rule.action();
        if (!rule.from().contains(c.status())) {
            return Optional.of(Problem.conflict(
                            "CASE_ACTION_NOT_ALLOWED",
                            "案件处于“" + c.status().zh + "”状态，不能执行“" + action.zh + "”",
                            "The case is " + c.status() + "; " + action + " is allowed only in "
                                    + rule.from().stream()
                                            .map(Enum::name)
                                            .sorted()
                                            .toList())
                    .with("caseStatus", c.status().name()));
        }
        for (CaseFlag f : rule.requires()) {
            if (!c.flags().contains(f)) {
                return Optional.of(Problem.conflict(
                        "CASE_ACTION_NOT_ALLOWED",
                        "案件尚无“" + flagZh(f) + "”，不能执行“" + action.zh + "”",
                        action + " needs the case to be " + f));
            }
        }
        for (CaseFlag f : rule.forbids()) {
            if (c.flags().contains(f)) {
                return Optional.of(Problem.conflict(
                        "CASE_ACTION_NOT_ALLOWED",
                        "案件已“" + flagZh(f) + "”，不能执行“" + action.zh + "”",
                        action + " is not possible: the case is already " + f));
            }
        }
        for (Guard g : rule.guards()) {
            if (!holds(c, g, today())) {
                return Optional.of(Problem.conflict(
                                "CASE_STEP_NOT_DUE",
                                g.zh + "，不能执行“" + action.zh + "”",
                                action + " is not possible: " + g.en)
                        .with("guard", g.name()));
            }
        }
        return Optional.empty();
    }

    /** Whether the guard holds for an act on {@code asOf} (today for what is due now, or the act's own date). */
    private boolean holds(CaseRow c, Guard g, LocalDate asOf) {
        if (g.period != null) {
            return deadlines
                    .latest(c.id(), g.period)
                    .map(d -> asOf.isAfter(d.dueOn()) || (g.endsWhenMet && "MET".equals(d.closedHow())))
                    .orElse(false);
        }
        return switch (g) {
            case SURVEYED -> events.lastSeq(c.id(), CaseAction.RECORD_SURVEY) > 0;
            case UNPERFORMED -> {
                JsonNode decision =
                        events.latestData(c.id(), CaseAction.DECIDE_PENALTY).orElse(null);
                yield decision != null
                        && (decision.path("measures").size() > 0
                                || decision.path("fineYuan").asDouble(0) > 0)
                        && events.lastSeq(c.id(), CaseAction.RECORD_PERFORMANCE)
                                < events.lastSeq(c.id(), CaseAction.DECIDE_PENALTY);
            }
            case NO_HEARING_PENDING -> pendingHearingRequest(c.id()).isEmpty();
            case HEARING_PENDING -> pendingHearingRequest(c.id()).isPresent();
            case NOT_YET_HEARD ->
                deadlines
                        .latest(c.id(), DeadlineStep.PARTY_STATEMENT)
                        .map(d -> !"MET".equals(d.closedHow()))
                        .orElse(false);
            case HEARING_OFFERED ->
                events.latestData(c.id(), CaseAction.NOTIFY_PENALTY)
                        .map(n -> n.path("hearingRight").asBoolean(false))
                        .orElse(false);
            case ENFORCEMENT_ALLOWED_BY_COURT ->
                events.latestData(c.id(), CaseAction.COURT_RULING)
                        .map(r -> "ALLOW".equals(r.path("decision").asString("")))
                        .orElse(false);
            case PERFORMED_SINCE_LISTING ->
                events.lastSeq(c.id(), CaseAction.RECORD_PERFORMANCE) > events.lastSeq(c.id(), CaseAction.BLACKLIST);
            default -> throw new IllegalStateException("guard over a period without one: " + g);
        };
    }

    /**
     * The data of the party's hearing request that is still pending: the latest {@code RECORD_HEARING_REQUEST} when no
     * hearing, withdrawal or written waiver came after it.
     */
    private Optional<JsonNode> pendingHearingRequest(String caseId) {
        int requested = events.lastSeq(caseId, CaseAction.RECORD_HEARING_REQUEST);
        if (requested == 0) {
            return Optional.empty();
        }
        for (CaseAction settles :
                List.of(CaseAction.HOLD_HEARING, CaseAction.RECORD_HEARING_WITHDRAWAL, CaseAction.RECORD_WAIVER)) {
            if (events.lastSeq(caseId, settles) > requested) {
                return Optional.empty();
            }
        }
        return events.latestData(caseId, CaseAction.RECORD_HEARING_REQUEST);
    }

    /**
     * A hearing is requested from the day of the notice until the end of the party's period for it (APL art. 64(1));
     * a request outside is refused (422), naming the field and the period's bounds ({@code earliest}, {@code latest}).
     */
    private void checkHearingRequestDate(CaseRow c, String pointer, LocalDate requested) {
        LocalDate notified = events.latestData(c.id(), CaseAction.NOTIFY_PENALTY)
                .map(n -> LocalDate.parse(n.get("notifiedOn").asString()))
                .orElseThrow();
        LocalDate until =
                deadlines.latestDue(c.id(), DeadlineStep.PARTY_STATEMENT).orElse(notified);
        if (requested.isBefore(notified)) {
            throw invalid(
                            pointer,
                            "申请听证日期 " + requested + " 早于行政处罚告知日期 " + notified + "；当事人应在告知之日起至 " + until + "（含）申请听证",
                            "the request on " + requested + " is before the notice of " + notified
                                    + "; the party may request a hearing from " + notified + " to " + until
                                    + " inclusive")
                    .with("earliest", notified.toString())
                    .with("latest", until.toString());
        }
        if (requested.isAfter(until)) {
            throw invalid(
                            pointer,
                            "申请听证日期 " + requested + " 已超过申请听证的期限（告知之日 " + notified + " 起至 " + until
                                    + " 届满）；当事人逾期未申请的，视为放弃听证",
                            "the request on " + requested + " is late: the period for a hearing request ran from "
                                    + notified + " to " + until + "; a party that did not ask in time gave up the"
                                    + " hearing")
                    .with("earliest", notified.toString())
                    .with("latest", until.toString());
        }
    }

    /**
     * The date of the act may not go back before the latest act of the case, nor into a period that must have passed
     * for the act (which would shorten the period the law gives the party).
     */
    private void checkDate(CaseRow c, Workflow.Rule rule, LocalDate eventDate) {
        String field = "/data/" + rule.dateField();
        Optional<CaseEvents.ActDate> latest = events.latestActDate(c.id()).filter(d -> eventDate.isBefore(d.date()));
        if (latest.isPresent()) {
            CaseEvents.ActDate d = latest.get();
            throw invalid(
                            "CASE_DATE_TOO_EARLY",
                            field,
                            "日期 " + eventDate + " 早于本案上一步骤“" + d.action().zh + "”的日期 " + d.date() + "（第 " + d.seq()
                                    + " 个事件）；案件各步骤的日期不能倒填",
                            "the date " + eventDate + " is before " + d.date()
                                    + ", the date of the case's latest step “" + d.action().en + "” (event " + d.seq()
                                    + "); steps cannot be dated back")
                    .with("earliest", d.date().toString());
        }
        for (Guard g : rule.guards()) {
            if (g.period != null && !holds(c, g, eventDate)) {
                LocalDate due = deadlines.latestDue(c.id(), g.period).orElseThrow();
                throw invalid(
                                "CASE_DATE_TOO_EARLY",
                                field,
                                "日期 " + eventDate + " 在“" + g.period.zh + "”内（至 " + due + " 届满），应晚于届满日",
                                "the date " + eventDate + " lies within the " + g.period.en + " (ends " + due
                                        + "); it must be after that")
                        .with("earliest", due.plusDays(1).toString())
                        .with("guard", g.name());
            }
        }
    }

    private static String flagZh(CaseFlag f) {
        return switch (f) {
            case TRANSFERRED -> "移送公安";
            case POLICE_ACCEPTED -> "公安受理";
            case COURT_APPLIED -> "申请法院强制执行";
            case BLACKLISTED -> "列入失信名单";
        };
    }

    /** Checks of the data beyond its schema. */
    private void checkData(CurrentUser user, CaseRow c, Workflow.Rule rule, JsonNode data, LocalDate eventDate) {
        switch (rule.action()) {
            case DECIDE_PENALTY -> {
                LocalDate performBy = LocalDate.parse(data.get("performBy").asString());
                if (performBy.isBefore(eventDate)) {
                    throw invalid(
                            "/data/performBy",
                            "履行期限不能早于决定日期",
                            "the deadline for performance must not be before the date of the decision");
                }
                PenaltyOptions.Range range = penalties.range(c);
                double fine = data.get("fineYuan").asDouble();
                if (fine < range.minYuan() - 0.005 || fine > range.maxYuan() + 0.005) {
                    throw invalid(
                                    "/data/fineYuan",
                                    String.format(
                                            Locale.ROOT,
                                            "罚款金额应在 %.2f 元至 %.2f 元之间（按非法占用面积和每平方米罚款标准计算）",
                                            range.minYuan(),
                                            range.maxYuan()),
                                    String.format(
                                            Locale.ROOT,
                                            "must lie between %.2f and %.2f yuan (area occupied × fine per m²)",
                                            range.minYuan(),
                                            range.maxYuan()))
                            .with("minYuan", range.minYuan())
                            .with("maxYuan", range.maxYuan());
                }
            }
            case RECORD_HEARING_REQUEST -> checkHearingRequestDate(c, "/data/requestedOn", eventDate);
            case HOLD_HEARING -> {
                LocalDate requested = LocalDate.parse(data.get("requestedOn").asString());
                // The hearing's requestedOn names the request it answers: a pending recorded request, whose date it
                // must repeat; otherwise (none recorded, or withdrawn) the hearing itself records the request.
                Optional<LocalDate> pending = pendingHearingRequest(c.id())
                        .map(r -> LocalDate.parse(r.get("requestedOn").asString()));
                if (pending.isPresent() && !pending.get().equals(requested)) {
                    throw invalid(
                                    "/data/requestedOn",
                                    "与已记录的当事人听证申请日期 " + pending.get() + " 不一致",
                                    "does not match " + pending.get() + ", the date of the party's recorded hearing"
                                            + " request")
                            .with("expected", pending.get().toString());
                }
                checkHearingRequestDate(c, "/data/requestedOn", requested);
                if (eventDate.isBefore(requested)) {
                    throw invalid(
                            "/data/heldOn", "听证日期不能早于申请日期", "the hearing must not be held before it was requested");
                }
            }
            case RECORD_EXECUTION, RECORD_PERFORMANCE -> {
                JsonNode photos = data.path("photos");
                List<String> ofClues = photos.isEmpty() ? List.of() : cluePhotos(c.id());
                for (int i = 0; i < photos.size(); i++) {
                    String sha = photos.get(i).asString();
                    if (!ofClues.contains(sha) && !caseEvidence.mayName(c.id(), user.username(), sha)) {
                        throw invalid(
                                        "/data/photos/" + i,
                                        "照片 " + sha + " 既不是本案的证据，也不是您上传的；请先上传到本案（PUT /api/v1/cases/" + c.id()
                                                + "/evidence/" + sha + "）",
                                        "the photo " + sha + " is neither evidence of this case nor uploaded by you;"
                                                + " upload it to the case first (PUT /api/v1/cases/" + c.id()
                                                + "/evidence/" + sha + ")")
                                .with("sha256", sha);
                    }
                }
            }
            case BLACKLIST -> {
                String idNumber = data.get("idNumber").asString();
                if (!Blacklist.checksumValid(idNumber)) {
                    throw invalid("/data/idNumber", "身份证号码校验位不正确", "has a wrong check digit");
                }
            }
            case FILE -> {
                if (data.has("partyIdNumber")
                        && !Blacklist.checksumValid(data.get("partyIdNumber").asString())) {
                    throw invalid("/data/partyIdNumber", "身份证号码校验位不正确", "has a wrong check digit");
                }
            }
            default -> {}
        }
    }

    private void sideEffects(
            CurrentUser user,
            CaseRow c,
            Workflow.Rule rule,
            CaseStatus to,
            JsonNode data,
            LocalDate eventDate,
            OffsetDateTime now) {
        switch (rule.action()) {
            case VERIFY -> {
                if (to == CaseStatus.DISMISSED) {
                    clueIds(c.id()).forEach(id -> clues.setStatusFromCase(id, "DISMISSED"));
                }
            }
            case FILE ->
                jdbc.sql("UPDATE enforcement_case SET party_name = ?, party_id_number = ?, party_phone = ?"
                                + " WHERE id = ?")
                        .params(
                                data.get("partyName").asString(),
                                data.path("partyIdNumber").asString(null),
                                data.path("partyPhone").asString(null),
                                c.id())
                        .update();
            case CLOSE -> clueIds(c.id()).forEach(id -> clues.setStatusFromCase(id, "CLOSED"));
            case BLACKLIST -> blacklist.list(c, data, eventDate, user.username(), now);
            case LIFT_BLACKLIST -> blacklist.lift(c, data, eventDate, user.username(), now);
            default -> {}
        }
    }

    List<String> clueIds(String caseId) {
        return jdbc.sql("SELECT clue_id FROM case_clue WHERE case_id = ? ORDER BY clue_id")
                .param(caseId)
                .query(String.class)
                .list();
    }

    /** Received photos of the case's clues. */
    List<String> cluePhotos(String caseId) {
        List<String> out = new ArrayList<>();
        for (String clueId : clueIds(caseId)) {
            clues.receivedPhotos(clueId).stream().filter(s -> !out.contains(s)).forEach(out::add);
        }
        return out;
    }

    Geometry geometry(String caseId) {
        byte[] wkb = jdbc.sql("SELECT ST_AsBinary(geom) FROM enforcement_case WHERE id = ?")
                .param(caseId)
                .query(byte[].class)
                .optional()
                .orElse(null);
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g =
                    new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
            g.setSRID(srid());
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable stored geometry", e);
        }
    }

    private void appendEvent(
            String caseId,
            int seq,
            String action,
            CurrentUser user,
            OffsetDateTime at,
            JsonNode data,
            CaseStatus from,
            CaseStatus to,
            List<IssuedDocument> docs,
            Retry retry) {
        jdbc.sql("INSERT INTO case_event (id, case_id, seq, action, actor, actor_role, occurred_at, data, from_status,"
                        + " to_status, document_ids, idempotency_key, request_sha256)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID().toString(),
                        caseId,
                        seq,
                        action,
                        user.username(),
                        user.role().name(),
                        at,
                        JsonText.write(data),
                        from == null ? null : from.name(),
                        to.name(),
                        docs.stream().map(IssuedDocument::id).collect(Collectors.joining(",")),
                        retry.key(),
                        retry.requestSha256())
                .update();
    }

    /** How a retry of the event's request is recognised: the client's key and the request's hash (both null without). */
    private record Retry(String key, String requestSha256) {
        static final Retry NONE = new Retry(null, null);
    }

    private int srid() {
        return counties.require().crs().epsg();
    }

    static Problem invalid(String pointer, String zh, String en) {
        return invalid("CASE_DATA_INVALID", pointer, zh, en);
    }

    /** 422 with this code, naming the field (a JSON Pointer into the request) in the message and as {@code field}. */
    static Problem invalid(String code, String pointer, String zh, String en) {
        String where = pointer.isEmpty() ? "" : pointer;
        return new Problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        code,
                        (where.isEmpty() ? "" : where + "：") + zh,
                        (where.isEmpty() ? "" : where + ": ") + en)
                .with("field", pointer);
    }
}
