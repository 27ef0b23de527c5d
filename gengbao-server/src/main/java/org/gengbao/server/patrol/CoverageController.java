package org.gengbao.server.patrol;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.web.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coverage and effort for the dashboards: {@code GET /api/v1/patrol/effort} (per inspector, cell and day), {@code GET
 * /api/v1/patrol/coverage} (share of each village's basic-farmland parcels visited in the last N days) and {@code GET
 * /api/v1/patrol/latency} (first evidence → clue, per village). Limited to the caller's scope; an inspector sees only
 * their own effort.
 */
@RestController
@RequestMapping("/api/v1/patrol")
@PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'INSPECTOR')")
class CoverageController {
    /** The longest period one request may cover. */
    static final int MAX_DAYS = 366;

    private final CoverageReports reports;
    private final int windowDays;

    CoverageController(CoverageReports reports, @Value("${gengbao.patrol.coverage.window-days:7}") int windowDays) {
        this.reports = reports;
        this.windowDays = windowDays;
    }

    @GetMapping("/effort")
    Map<String, Object> effort(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String inspector,
            @RequestParam(required = false) String cell) {
        LocalDate[] period = period(from, to);
        List<CoverageReports.Effort> rows =
                reports.effort(GridScope.of(user), period[0], period[1], inspector, checkCell(cell));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", period[0]);
        out.put("to", period[1]);
        out.put("rows", rows);
        out.put(
                "totalDistanceM",
                Math.round(rows.stream()
                                        .mapToDouble(CoverageReports.Effort::distanceM)
                                        .sum()
                                * 10)
                        / 10.0);
        out.put(
                "totalPatrolMinutes",
                Math.round(rows.stream()
                                        .mapToDouble(CoverageReports.Effort::patrolMinutes)
                                        .sum()
                                * 10)
                        / 10.0);
        return out;
    }

    @GetMapping("/coverage")
    Map<String, Object> coverage(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String cell) {
        LocalDate date = asOf == null ? LocalDate.now(CoverageReports.COUNTY_TIME) : date("asOf", asOf);
        int window = days == null ? windowDays : days;
        if (window < 1 || window > MAX_DAYS) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    "days 应在 1 到 " + MAX_DAYS + " 之间，收到 " + window,
                    "days must be between 1 and " + MAX_DAYS + "; got " + window);
        }
        List<CoverageReports.CellCoverage> cells = reports.coverage(GridScope.of(user), date, window, checkCell(cell));
        int parcels =
                cells.stream().mapToInt(CoverageReports.CellCoverage::parcels).sum();
        int visited =
                cells.stream().mapToInt(CoverageReports.CellCoverage::visited).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", date);
        out.put("days", window);
        out.put("parcels", parcels);
        out.put("visited", visited);
        out.put("share", parcels == 0 ? 0 : Math.round(10_000.0 * visited / parcels) / 10_000.0);
        out.put("cells", cells);
        return out;
    }

    @GetMapping("/latency")
    Map<String, Object> latency(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cell) {
        LocalDate[] period = period(from, to);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", period[0]);
        out.put("to", period[1]);
        out.put("cells", reports.latency(GridScope.of(user), period[0], period[1], checkCell(cell)));
        return out;
    }

    private static LocalDate[] period(String from, String to) {
        LocalDate today = LocalDate.now(CoverageReports.COUNTY_TIME);
        LocalDate end = to == null ? today : date("to", to);
        LocalDate start = from == null ? end : date("from", from);
        if (start.isAfter(end)) {
            throw Problem.badRequest(
                    "PERIOD_INVALID", "起始日期 " + start + " 晚于结束日期 " + end, "from " + start + " is after to " + end);
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw Problem.badRequest(
                    "PERIOD_TOO_LONG", "一次最多查询 " + MAX_DAYS + " 天", "One request covers at most " + MAX_DAYS + " days");
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                    "DATE_INVALID",
                    name + " 应写成 YYYY-MM-DD，收到“" + text + "”",
                    name + " must be YYYY-MM-DD; got \"" + text + "\"");
        }
    }

    private static String checkCell(String cell) {
        if (cell != null && !cell.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw Problem.badRequest(
                    "GRID_CODE_INVALID",
                    "cell 应为县（6 位）、镇（9 位或 12 位）或村（12 位）代码，收到“" + cell + "”",
                    "cell must be a county (6 digits), town (9 or 12) or village (12) code; got \"" + cell + "\"");
        }
        return cell;
    }
}
