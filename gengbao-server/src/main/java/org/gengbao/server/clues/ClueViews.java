package org.gengbao.server.clues;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Clues as the API shows them: a filtered, paged list within the caller's grid scope, and one clue in full. */
@Component
class ClueViews {
    private final JdbcClient jdbc;
    private final Counties counties;
    private final Clues clues;
    private final Analyses analyses;
    private final ObjectProvider<ClueEvidence> evidence;

    ClueViews(
            JdbcClient jdbc, Counties counties, Clues clues, Analyses analyses, ObjectProvider<ClueEvidence> evidence) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.clues = clues;
        this.analyses = analyses;
        this.evidence = evidence;
    }

    /** Filters of the list; null members do not filter. */
    record Filter(
            String status,
            String verdict,
            String cell,
            OffsetDateTime since,
            String source,
            Boolean needsOutline,
            int page,
            int size) {}

    private static final String COLUMNS = "c.id, c.source, c.status, c.grid_code, ST_AsBinary(c.geom) AS wkb,"
            + " c.needs_outline, c.analysis_id, c.verdict, c.area_m2, c.first_evidence_at, c.created_at, c.created_by,"
            + " (SELECT COUNT(*) FROM clue_observation co WHERE co.clue_id = c.id) AS observations";

    ObjectNode list(CurrentUser user, Filter f) {
        GridScope scope = GridScope.of(user);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        where.append(" AND ").append(Clues.scopeCondition(scope, params));
        if (f.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", f.status());
        }
        if (f.verdict() != null) {
            where.append(" AND c.verdict = :verdict");
            params.put("verdict", f.verdict());
        }
        if (f.source() != null) {
            where.append(" AND c.source = :source");
            params.put("source", f.source());
        }
        if (f.cell() != null) {
            where.append(" AND c.grid_code LIKE :cell");
            params.put("cell", GridScope.normalize(f.cell()) + "%");
        }
        if (f.since() != null) {
            where.append(" AND c.created_at >= :since");
            params.put("since", f.since());
        }
        if (f.needsOutline() != null) {
            where.append(" AND c.needs_outline = :needsOutline");
            params.put("needsOutline", f.needsOutline());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM clue c" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("offset", (long) f.page() * f.size());
        params.put("size", f.size());
        List<ObjectNode> rows = jdbc.sql("SELECT " + COLUMNS + " FROM clue c" + where
                        + " ORDER BY c.created_at DESC, c.id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params)
                .query((rs, i) -> {
                    ObjectNode n = JsonText.MAPPER.createObjectNode();
                    n.put("id", rs.getString("id"));
                    n.put("source", rs.getString("source"));
                    n.put("status", rs.getString("status"));
                    n.put("gridCode", rs.getString("grid_code"));
                    n.put("verdict", rs.getString("verdict"));
                    putDouble(n, "areaM2", rs.getObject("area_m2"));
                    n.put("needsOutline", rs.getBoolean("needs_outline"));
                    n.set(
                            "location",
                            GeoJsonGeometries.lonLat(
                                    clues.geometry(rs.getBytes("wkb")),
                                    counties.require().crs()));
                    n.put("firstEvidenceAt", text(rs.getObject("first_evidence_at", OffsetDateTime.class)));
                    n.put("createdAt", text(rs.getObject("created_at", OffsetDateTime.class)));
                    n.put("observations", rs.getLong("observations"));
                    return n;
                })
                .list();
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        rows.forEach(items::add);
        out.put("page", f.page());
        out.put("size", f.size());
        out.put("total", total);
        return out;
    }

    ObjectNode one(CurrentUser user, String id) {
        GridScope scope = GridScope.of(user);
        Optional<ObjectNode> found = jdbc.sql("SELECT " + COLUMNS + " FROM clue c WHERE c.id = ?")
                .param(id)
                .query((rs, i) -> {
                    String grid = rs.getString("grid_code");
                    ObjectNode n = JsonText.MAPPER.createObjectNode();
                    n.put("id", rs.getString("id"));
                    n.put("source", rs.getString("source"));
                    n.put("status", rs.getString("status"));
                    n.put("gridCode", grid);
                    n.put("verdict", rs.getString("verdict"));
                    putDouble(n, "areaM2", rs.getObject("area_m2"));
                    n.put("needsOutline", rs.getBoolean("needs_outline"));
                    n.set(
                            "location",
                            GeoJsonGeometries.lonLat(
                                    clues.geometry(rs.getBytes("wkb")),
                                    counties.require().crs()));
                    n.put("firstEvidenceAt", text(rs.getObject("first_evidence_at", OffsetDateTime.class)));
                    n.put("createdAt", text(rs.getObject("created_at", OffsetDateTime.class)));
                    n.put("createdBy", rs.getString("created_by"));
                    n.put("analysisId", rs.getString("analysis_id"));
                    return n;
                })
                .optional()
                .filter(n ->
                        scope.countyWide() || scope.covers(n.path("gridCode").asString(null)));
        ObjectNode clue =
                found.orElseThrow(() -> Problem.notFound("CLUE_NOT_FOUND", "找不到线索 " + id, "No clue with id " + id));
        String analysisId = clue.path("analysisId").asString(null);
        clue.set("analysis", analysisId == null ? JsonText.MAPPER.nullNode() : analyses.find(analysisId));
        clue.set("evidence", evidence(id));
        return clue;
    }

    private record Link(String observationId, OffsetDateTime linkedAt, boolean createdClue, String analysisId) {}

    private ArrayNode evidence(String clueId) {
        List<Link> links = jdbc.sql("SELECT observation_id, linked_at, created_clue, analysis_id FROM clue_observation"
                        + " WHERE clue_id = ? ORDER BY linked_at, observation_id")
                .param(clueId)
                .query((rs, i) -> new Link(
                        rs.getString("observation_id"),
                        rs.getObject("linked_at", OffsetDateTime.class),
                        rs.getBoolean("created_clue"),
                        rs.getString("analysis_id")))
                .list();
        Map<String, ClueEvidence.Observation> observations = new HashMap<>();
        ClueEvidence source = evidence.getIfAvailable();
        if (source != null && !links.isEmpty()) {
            for (ClueEvidence.Observation o :
                    source.observations(links.stream().map(Link::observationId).toList())) {
                observations.put(o.observationId(), o);
            }
        }
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        for (Link l : links) {
            ObjectNode n = out.addObject();
            n.put("observationId", l.observationId());
            n.put("linkedAt", text(l.linkedAt()));
            n.put("createdClue", l.createdClue());
            n.put("analysisId", l.analysisId());
            ClueEvidence.Observation o = observations.get(l.observationId());
            if (o == null) {
                continue;
            }
            n.put("recordId", o.recordId());
            n.put("inspector", o.inspector());
            n.put("kind", o.kind());
            n.put("observedAt", text(o.observedAt()));
            n.put("note", o.note());
            ArrayNode photos = n.putArray("photos");
            for (ClueEvidence.Photo p : o.photos()) {
                ObjectNode ph = photos.addObject();
                ph.put("sha256", p.sha256());
                ph.put("takenAt", text(p.takenAt()));
                putDouble(ph, "bearing", p.bearing());
                ph.put("received", p.receivedAt() != null);
                ph.put("receivedAt", text(p.receivedAt()));
                ph.put("exifTime", text(p.exifTime()));
                putDouble(ph, "exifLon", p.exifLon());
                putDouble(ph, "exifLat", p.exifLat());
                ArrayNode flags = ph.putArray("flags");
                p.flags().forEach(flags::add);
                ph.put("href", "/api/v1/patrol/records/" + o.recordId() + "/photos/" + p.sha256());
            }
        }
        return out;
    }

    static OffsetDateTime since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(Analyses.COUNTY_TIME).toOffsetDateTime();
            }
            return OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    "since 应写成 YYYY-MM-DD 或带时区的时间（如 2026-11-26T08:00:00+08:00），收到“" + text + "”",
                    "since must be YYYY-MM-DD or a time with offset (such as 2026-11-26T08:00:00+08:00); got \"" + text
                            + "\"");
        }
    }

    private static void putDouble(ObjectNode n, String name, Object value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, ((Number) value).doubleValue());
        }
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }
}
