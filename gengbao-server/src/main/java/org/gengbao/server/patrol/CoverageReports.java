package org.gengbao.server.patrol;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridLevel;
import org.gengbao.server.grid.GridScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Coverage and effort of the patrol (issue 4, item 6), computed from the accepted records: per inspector, cell and day
 * the distance walked or driven (ellipsoidal length of the tracks), the time on patrol and the basic-farmland parcels
 * visited (a record's track came within the visit distance of the parcel); per cell the share of its parcels visited in
 * the last N days; and the detection latency from the first evidence of a clue (the observation time) to the clue.
 * Days are local days in the county (Asia/Shanghai). Everything is limited to the caller's {@link GridScope}, and an
 * inspector sees only their own effort.
 */
@Service
public class CoverageReports {
    static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final GridCells cells;

    CoverageReports(JdbcClient jdbc, GridCells cells) {
        this.jdbc = jdbc;
        this.cells = cells;
    }

    /** One inspector's patrol in one cell on one day. */
    public record Effort(
            LocalDate date,
            String inspector,
            String gridCode,
            int records,
            double distanceM,
            double patrolMinutes,
            int parcelsVisited) {}

    /** The share of a village's basic-farmland parcels visited in the window ending on {@code asOf}. */
    public record CellCoverage(String gridCode, String name, String townCode, int parcels, int visited, double share) {}

    /** How long clues of a cell took from the first evidence (observation time) to the clue (creation time). */
    public record Latency(
            String gridCode,
            int clues,
            double meanMinutes,
            double medianMinutes,
            double p90Minutes,
            double maxMinutes) {}

    /** Effort rows for the local days {@code from}..{@code to}, optionally of one inspector or within one cell. */
    public List<Effort> effort(GridScope scope, LocalDate from, LocalDate to, String inspector, String cell) {
        OffsetDateTime start = from.atStartOfDay(COUNTY_TIME).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(COUNTY_TIME).toOffsetDateTime();
        StringBuilder sql = new StringBuilder(
                "SELECT client_id, inspector, grid_code, started_at, ended_at, track_length_m"
                        + " FROM patrol_record WHERE started_at >= :start AND started_at < :end AND grid_code LIKE :scope");
        Map<String, Object> params = new TreeMap<>();
        params.put("start", start);
        params.put("end", end);
        params.put("scope", scope.likePattern());
        String who = scope.ownWorkOnly() ? scope.username() : inspector;
        if (who != null) {
            sql.append(" AND inspector = :inspector");
            params.put("inspector", who);
        }
        if (cell != null) {
            sql.append(" AND grid_code LIKE :cell");
            params.put("cell", GridScope.normalize(cell) + "%");
        }
        Map<String, Effort> rows = new TreeMap<>();
        Map<String, String> keyOfRecord = new TreeMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
            OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
            LocalDate day = started.atZoneSameInstant(COUNTY_TIME).toLocalDate();
            String key = day + "|" + rs.getString("inspector") + "|" + rs.getString("grid_code");
            keyOfRecord.put(rs.getString("client_id"), key);
            Effort e = rows.getOrDefault(
                    key, new Effort(day, rs.getString("inspector"), rs.getString("grid_code"), 0, 0, 0, 0));
            rows.put(
                    key,
                    new Effort(
                            e.date(),
                            e.inspector(),
                            e.gridCode(),
                            e.records() + 1,
                            e.distanceM() + rs.getDouble("track_length_m"),
                            e.patrolMinutes() + Duration.between(started, ended).toSeconds() / 60.0,
                            0));
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        // Parcels visited: distinct per row (a parcel passed twice in a day counts once).
        Map<String, java.util.Set<String>> visited = new TreeMap<>();
        jdbc.sql("SELECT v.parcel_id, v.record_id FROM parcel_visit v JOIN patrol_record r ON r.client_id = v.record_id"
                        + " WHERE r.started_at >= :start AND r.started_at < :end AND r.grid_code LIKE :scope")
                .param("start", start)
                .param("end", end)
                .param("scope", scope.likePattern())
                .query(rs -> {
                    String key = keyOfRecord.get(rs.getString("record_id"));
                    if (key != null) {
                        visited.computeIfAbsent(key, k -> new java.util.TreeSet<>())
                                .add(rs.getString("parcel_id"));
                    }
                });
        List<Effort> out = new ArrayList<>();
        rows.forEach((key, e) -> out.add(new Effort(
                e.date(),
                e.inspector(),
                e.gridCode(),
                e.records(),
                Math.round(e.distanceM() * 10) / 10.0,
                Math.round(e.patrolMinutes() * 10) / 10.0,
                visited.getOrDefault(key, java.util.Set.of()).size())));
        return out;
    }

    /**
     * Per village in scope (or under {@code cell}): its parcels and how many were visited on the local days {@code
     * asOf − days + 1} … {@code asOf}.
     */
    public List<CellCoverage> coverage(GridScope scope, LocalDate asOf, int days, String cell) {
        List<GridCell> villages = cells.list(scope, GridLevel.VILLAGE, null, false).stream()
                .filter(c -> cell == null || c.code().startsWith(GridScope.normalize(cell)))
                .toList();
        Map<String, Integer> parcels = counts(
                "SELECT grid_code, COUNT(*) FROM farmland_parcel" + " WHERE grid_code LIKE ? GROUP BY grid_code",
                scope.likePattern(),
                null,
                null);
        Map<String, Integer> seen = counts(
                "SELECT p.grid_code, COUNT(DISTINCT v.parcel_id) FROM parcel_visit v"
                        + " JOIN farmland_parcel p ON p.id = v.parcel_id WHERE p.grid_code LIKE ?"
                        + " AND v.visited_on >= ? AND v.visited_on <= ? GROUP BY p.grid_code",
                scope.likePattern(),
                asOf.minusDays(days - 1L),
                asOf);
        List<CellCoverage> out = new ArrayList<>();
        for (GridCell v : villages) {
            int n = parcels.getOrDefault(v.code(), 0);
            int k = seen.getOrDefault(v.code(), 0);
            out.add(new CellCoverage(
                    v.code(), v.name(), v.parentCode(), n, k, n == 0 ? 0 : Math.round(10_000.0 * k / n) / 10_000.0));
        }
        return out;
    }

    /** Detection latency of the clues created on the local days {@code from}..{@code to}, per village in scope. */
    public List<Latency> latency(GridScope scope, LocalDate from, LocalDate to, String cell) {
        OffsetDateTime start = from.atStartOfDay(COUNTY_TIME).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(COUNTY_TIME).toOffsetDateTime();
        Map<String, List<Double>> minutes = new TreeMap<>();
        jdbc.sql("SELECT grid_code, first_evidence_at, created_at FROM clue WHERE created_at >= ? AND created_at < ?"
                        + " AND grid_code LIKE ?")
                .params(start, end, cell == null ? scope.likePattern() : narrower(scope, cell))
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> minutes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(Duration.between(
                                                        rs.getObject(2, OffsetDateTime.class),
                                                        rs.getObject(3, OffsetDateTime.class))
                                                .toMillis()
                                        / 60_000.0));
        List<Latency> out = new ArrayList<>();
        minutes.forEach((code, list) -> {
            list.sort(Comparator.naturalOrder());
            double mean =
                    list.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            out.add(new Latency(
                    code,
                    list.size(),
                    round(mean),
                    round(quantile(list, 0.5)),
                    round(quantile(list, 0.9)),
                    round(list.get(list.size() - 1))));
        });
        return out;
    }

    /** The LIKE pattern of {@code cell} when it lies in the scope, else one that matches nothing. */
    private static String narrower(GridScope scope, String cell) {
        String c = GridScope.normalize(cell);
        return scope.covers(c) ? c + "%" : "-";
    }

    private Map<String, Integer> counts(String sql, String scope, LocalDate from, LocalDate to) {
        Map<String, Integer> m = new TreeMap<>();
        var statement = jdbc.sql(sql).param(scope);
        if (from != null) {
            statement = statement.param(from).param(to);
        }
        statement.query(rs -> {
            m.put(rs.getString(1), rs.getInt(2));
        });
        return m;
    }

    /** Linear-interpolation quantile of sorted values. */
    static double quantile(List<Double> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.size() - 1, lo + 1);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
