package org.gengbao.server.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.JsonText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Figures for dashboards over the cases the caller sees, optionally of one town. Definitions:
 *
 * <ul>
 *   <li><b>byStatus</b>: cases created in the year (county time), counted per town and status.
 *   <li><b>overdue</b>: open deadlines due before {@code asOf}, of all cases (any year), per town and per officer —
 *       the account whose event opened the step.
 *   <li><b>Event date</b>: the date the event's data states for the act (its {@code *On} field, e.g. {@code filedOn});
 *       for the opening of the case, the day it was recorded (county time).
 *   <li><b>daysPerStage</b>: for cases created in the year, a case's days in a status are the sum of the intervals
 *       between the date of each event that left it in that status and the date of the next event; a status counts
 *       once the case has moved on from it (the current status is still running and is not counted). A back-dated
 *       event before its predecessor counts as 0 days.
 *   <li><b>clueToFiling</b>: the earliest first-evidence time of the case's clues (county date) to the date of the
 *       FILE event; <b>filingToClosing</b>: FILE date to CLOSE date. Negative intervals count as 0 days.
 *   <li><b>accountability</b> (per town and year): {@code illegalCultivatedM2} = the unauthorised cultivated area
 *       (unauthorised basic farmland + other cultivated, from the clue analyses) of cases with verdict ILLEGAL created
 *       in the year in the town; {@code newlyBuiltCultivatedM2} = "cultivated land newly occupied by construction",
 *       taken as the gross cultivated area ({@code cultivatedM2} of the analysis) of every analysed patrol clue created
 *       in the year in the town: each is a new construction found on patrol. ratio = illegal ÷ newly built (null
 *       when nothing was found); level SANCTION from {@code sanction-ratio}, WARNING from {@code warn-ratio}, else
 *       NORMAL.
 * </ul>
 */
@Component
class CaseFigures {
    private final JdbcClient jdbc;
    private final FigureProperties thresholds;

    CaseFigures(JdbcClient jdbc, FigureProperties thresholds) {
        this.jdbc = jdbc;
        this.thresholds = thresholds;
    }

    ObjectNode figures(CurrentUser user, int year, String town, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(CaseRow.visibleWhere(user));
        GridScope scope = GridScope.of(user);
        if (where.toString().contains(":scope")) {
            params.put("scope", scope.likePattern());
        }
        if (town != null) {
            where.append(" AND c.grid_code LIKE :town");
            params.put("town", GridScope.normalize(town) + "%");
        }
        OffsetDateTime from =
                LocalDate.of(year, 1, 1).atStartOfDay(Analyses.COUNTY_TIME).toOffsetDateTime();
        OffsetDateTime to =
                LocalDate.of(year + 1, 1, 1).atStartOfDay(Analyses.COUNTY_TIME).toOffsetDateTime();
        Map<String, Object> yearParams = new HashMap<>(params);
        yearParams.put("from", from);
        yearParams.put("to", to);
        String inYear = where + " AND c.created_at >= :from AND c.created_at < :to";

        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.put("year", year);
        if (town == null) {
            out.putNull("town");
        } else {
            out.put("town", town);
        }
        out.put("asOf", asOf.toString());

        // cases by town and status
        ArrayNode byStatus = out.putArray("byStatus");
        Map<String, Long> statusCounts = new TreeMap<>();
        jdbc.sql("SELECT c.grid_code, c.status FROM enforcement_case c WHERE " + inYear)
                .params(yearParams)
                .query((rs, i) -> townOf(rs.getString("grid_code")) + " " + rs.getString("status"))
                .list()
                .forEach(k -> statusCounts.merge(k, 1L, Long::sum));
        statusCounts.forEach((k, n) -> byStatus.addObject()
                .put("townCode", k.substring(0, k.indexOf(' ')))
                .put("status", k.substring(k.indexOf(' ') + 1))
                .put("count", n));

        // overdue steps per town and officer
        Map<String, Object> overdueParams = new HashMap<>(params);
        overdueParams.put("asOf", asOf);
        Map<String, Long> perTown = new TreeMap<>();
        Map<String, Long> perOfficer = new TreeMap<>();
        List<String[]> overdue = jdbc.sql("SELECT c.grid_code, e.actor FROM case_deadline d"
                        + " JOIN enforcement_case c ON c.id = d.case_id"
                        + " JOIN case_event e ON e.case_id = d.case_id AND e.seq = d.opened_seq"
                        + " WHERE d.closed_seq IS NULL AND d.due_on < :asOf AND " + where)
                .params(overdueParams)
                .query((rs, i) -> new String[] {townOf(rs.getString("grid_code")), rs.getString("actor")})
                .list();
        for (String[] o : overdue) {
            perTown.merge(o[0], 1L, Long::sum);
            perOfficer.merge(o[1], 1L, Long::sum);
        }
        ObjectNode od = out.putObject("overdue");
        od.put("total", overdue.size());
        ArrayNode odTown = od.putArray("byTown");
        perTown.forEach((k, n) -> odTown.addObject().put("townCode", k).put("count", n));
        ArrayNode odOfficer = od.putArray("byOfficer");
        perOfficer.forEach((k, n) -> odOfficer.addObject().put("officer", k).put("count", n));

        // timelines of the year's cases
        Map<String, List<Event>> timelines = new HashMap<>();
        jdbc.sql("SELECT e.case_id, e.seq, e.action, e.occurred_at, e.data, e.to_status FROM case_event e"
                        + " JOIN enforcement_case c ON c.id = e.case_id WHERE " + inYear
                        + " ORDER BY e.case_id, e.seq")
                .params(yearParams)
                .query((rs, i) -> new Event(
                        rs.getString("case_id"),
                        rs.getString("action"),
                        eventDate(
                                rs.getString("action"),
                                rs.getString("data"),
                                rs.getObject("occurred_at", OffsetDateTime.class)),
                        CaseStatus.valueOf(rs.getString("to_status"))))
                .list()
                .forEach(e -> timelines
                        .computeIfAbsent(e.caseId(), k -> new ArrayList<>())
                        .add(e));
        Map<CaseStatus, List<Long>> stages = new EnumMap<>(CaseStatus.class);
        List<Long> clueToFiling = new ArrayList<>();
        List<Long> filingToClosing = new ArrayList<>();
        Map<String, LocalDate> firstEvidence = firstEvidence(inYear, yearParams);
        for (Map.Entry<String, List<Event>> t : timelines.entrySet()) {
            List<Event> events = t.getValue();
            Map<CaseStatus, Long> days = new EnumMap<>(CaseStatus.class);
            for (int i = 0; i + 1 < events.size(); i++) {
                Event e = events.get(i);
                days.merge(e.status(), between(e.date(), events.get(i + 1).date()), Long::sum);
            }
            CaseStatus current = events.get(events.size() - 1).status();
            days.forEach((s, d) -> {
                if (s != current) {
                    stages.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
                }
            });
            LocalDate filed = dateOf(events, "FILE");
            LocalDate closed = dateOf(events, "CLOSE");
            LocalDate evidence = firstEvidence.get(t.getKey());
            if (filed != null && evidence != null) {
                clueToFiling.add(between(evidence, filed));
            }
            if (filed != null && closed != null) {
                filingToClosing.add(between(filed, closed));
            }
        }
        ArrayNode perStage = out.putArray("daysPerStage");
        stages.forEach(
                (s, d) -> stats(perStage.addObject().put("status", s.name()).put("titleZh", s.zh), d));
        stats(out.putObject("clueToFiling"), clueToFiling);
        stats(out.putObject("filingToClosing"), filingToClosing);

        out.set("accountability", accountability(scope, town, year, where.toString(), yearParams, from, to));
        return out;
    }

    private ObjectNode accountability(
            GridScope scope,
            String town,
            int year,
            String where,
            Map<String, Object> yearParams,
            OffsetDateTime from,
            OffsetDateTime to) {
        Map<String, double[]> perTown = new TreeMap<>();
        jdbc.sql("SELECT c.grid_code, c.basic_farmland_m2, c.other_cultivated_m2 FROM enforcement_case c WHERE " + where
                        + " AND c.created_at >= :from AND c.created_at < :to AND c.verdict = 'ILLEGAL'")
                .params(yearParams)
                .query((rs, i) -> {
                    double m2 = value(rs.getObject("basic_farmland_m2", Double.class))
                            + value(rs.getObject("other_cultivated_m2", Double.class));
                    perTown.computeIfAbsent(townOf(rs.getString("grid_code")), k -> new double[2])[0] += m2;
                    return m2;
                })
                .list();
        StringBuilder clueWhere = new StringBuilder("k.source = 'PATROL' AND k.analysis_id IS NOT NULL"
                + " AND k.grid_code IS NOT NULL AND k.created_at >= :from AND k.created_at < :to");
        Map<String, Object> p = new HashMap<>();
        p.put("from", from);
        p.put("to", to);
        if (!scope.countyWide()) {
            clueWhere.append(" AND k.grid_code LIKE :scope");
            p.put("scope", scope.likePattern());
        }
        if (town != null) {
            clueWhere.append(" AND k.grid_code LIKE :town");
            p.put("town", GridScope.normalize(town) + "%");
        }
        jdbc.sql("SELECT k.grid_code, a.result FROM clue k JOIN analysis a ON a.id = k.analysis_id WHERE " + clueWhere)
                .params(p)
                .query((rs, i) -> {
                    JsonNode a = JsonText.read(rs.getString("result"));
                    double m2 = a.path("cultivatedM2").asDouble(0);
                    perTown.computeIfAbsent(townOf(rs.getString("grid_code")), k -> new double[2])[1] += m2;
                    return m2;
                })
                .list();
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.put("year", year);
        out.put("warnRatio", thresholds.warnRatio());
        out.put("sanctionRatio", thresholds.sanctionRatio());
        out.put("definitionZh", "比例 = 当年本乡镇违法认定案件的违法占用耕地面积（未经批准占用的永久基本农田与其他耕地）÷ 当年本乡镇巡查发现并经分析的新增建设占用耕地面积（巡查线索分析的耕地面积）");
        out.put(
                "definitionEn",
                "ratio = unauthorised cultivated area of the year's ILLEGAL cases in the town ÷ cultivated area of"
                        + " the year's analysed patrol clues in the town (new construction found on patrol)");
        ArrayNode towns = out.putArray("towns");
        perTown.forEach((code, v) -> {
            ObjectNode n = towns.addObject();
            n.put("townCode", code);
            n.put("illegalCultivatedM2", round(v[0]));
            n.put("newlyBuiltCultivatedM2", round(v[1]));
            if (v[1] > 0) {
                double ratio = v[0] / v[1];
                n.put("ratio", ratio);
                n.put(
                        "level",
                        ratio >= thresholds.sanctionRatio()
                                ? "SANCTION"
                                : ratio >= thresholds.warnRatio() ? "WARNING" : "NORMAL");
            } else {
                n.putNull("ratio");
                n.put("level", "NORMAL");
            }
        });
        return out;
    }

    /** The earliest first evidence (county date) of the clues of each case of the year. */
    private Map<String, LocalDate> firstEvidence(String inYear, Map<String, Object> params) {
        Map<String, LocalDate> out = new HashMap<>();
        jdbc.sql("SELECT cc.case_id, k.first_evidence_at FROM case_clue cc JOIN clue k ON k.id = cc.clue_id"
                        + " JOIN enforcement_case c ON c.id = cc.case_id WHERE " + inYear)
                .params(params)
                .query((rs, i) -> {
                    LocalDate d = rs.getObject("first_evidence_at", OffsetDateTime.class)
                            .atZoneSameInstant(Analyses.COUNTY_TIME)
                            .toLocalDate();
                    out.merge(rs.getString("case_id"), d, (a, b) -> a.isBefore(b) ? a : b);
                    return d;
                })
                .list();
        return out;
    }

    private record Event(String caseId, String action, LocalDate date, CaseStatus status) {}

    /** The date of the act: the data's date field of the action, else the day it was recorded (county time). */
    static LocalDate eventDate(String action, String data, OffsetDateTime occurredAt) {
        return Workflow.actDate(action, JsonText.read(data))
                .orElseGet(
                        () -> occurredAt.atZoneSameInstant(Analyses.COUNTY_TIME).toLocalDate());
    }

    private static LocalDate dateOf(List<Event> events, String action) {
        return events.stream()
                .filter(e -> e.action().equals(action))
                .map(Event::date)
                .findFirst()
                .orElse(null);
    }

    private static long between(LocalDate a, LocalDate b) {
        return Math.max(0, ChronoUnit.DAYS.between(a, b));
    }

    /** count, totalDays, meanDays, medianDays (null when there is no sample). */
    private static void stats(ObjectNode n, List<Long> days) {
        List<Long> sorted = new ArrayList<>(days);
        sorted.sort(null);
        long total = sorted.stream().mapToLong(Long::longValue).sum();
        n.put("count", sorted.size());
        n.put("totalDays", total);
        if (sorted.isEmpty()) {
            n.putNull("meanDays");
            n.putNull("medianDays");
            return;
        }
        n.put("meanDays", round((double) total / sorted.size()));
        int m = sorted.size() / 2;
        n.put("medianDays", sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2.0);
    }

    static String townOf(String gridCode) {
        return gridCode.substring(0, 9) + "000";
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
