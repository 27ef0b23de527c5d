package org.gengbao.server.clues;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.storage.Boxes;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clues (线索) from patrol observations. A suspected-violation patch is analysed at once and linked to the open clue
 * already at that place (an open clue whose outline intersects it), or else becomes a new clue with its analysis; a
 * point without an outline is linked to an open clue within {@code gengbao.clues.point-link-distance-m}, or becomes a
 * clue to be outlined on site. New clues are announced with {@link ClueCreated}.
 */
@Service
public class Clues {
    /** Statuses of clues that are no longer open: a new observation there makes a new clue. */
    public static final List<String> CLOSED_STATUSES = List.of("CLOSED", "DISMISSED");

    private static final String OPEN = "status NOT IN ('CLOSED', 'DISMISSED')";

    private final JdbcClient jdbc;
    private final Counties counties;
    private final GridCells cells;
    private final Analyses analyses;
    private final ReferenceLayers layers;
    private final CluesProperties properties;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ClueEvidence> evidence;

    Clues(
            JdbcClient jdbc,
            Counties counties,
            GridCells cells,
            Analyses analyses,
            ReferenceLayers layers,
            CluesProperties properties,
            ApplicationEventPublisher events,
            ObjectProvider<ClueEvidence> evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.counties = counties;
        this.cells = cells;
        this.analyses = analyses;
        this.layers = layers;
        this.properties = properties;
        this.events = events;
    }

    /** An open clue as the patrol planning and the offline packages need it. */
    public record OpenClue(
            String id, String status, String verdict, boolean needsOutline, String gridCode, Geometry geometry) {}

    /**
     * Takes a suspected violation seen on patrol: analyses a patch (as of the county's local date of {@code
     * observedAt}), then links it to the open clue at that place or creates a clue. Runs in the caller's transaction
     * (the upload of the record), so that a failed upload leaves no clue behind.
     */
    @Transactional
    public ClueLink fromPatrol(Sighting s) {
        return fromSighting(s);
    }

    /**
     * Serializes the matching of sightings within one village: the village's grid row is locked until the transaction
     * ends, so two records with a patch at the same place, arriving at once, make one clue and a link, not two clues.
     */
    private void lockPlace(Geometry g) {
        cells.villageAt(g).ifPresent(code -> jdbc.sql("SELECT code FROM grid_cell WHERE code = ? FOR UPDATE")
                .param(code)
                .query(String.class)
                .list());
    }

    private ClueLink fromSighting(Sighting s) {
        Geometry g = s.geometry();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (g instanceof Polygonal) {
            ObjectNode analysis = layers.engine().isPresent()
                    ? analyses.analyseAndStore(
                            s.geoJson(),
                            null,
                            s.observedAt()
                                    .atZoneSameInstant(Analyses.COUNTY_TIME)
                                    .toLocalDate(),
                            s.reportedBy())
                    : null;
            String analysisId = analysis == null ? null : analysis.get("id").asString();
            String verdict =
                    analysis == null ? null : analysis.at("/verdict/code").asString(null);
            Double area = analysis == null ? null : analysis.get("areaM2").asDouble();
            lockPlace(g);
            Optional<Existing> open = openAt(g, 0.0);
            if (open.isPresent()) {
                Existing e = open.get();
                String linkedVerdict = e.verdict();
                if (e.needsOutline() && analysisId != null) {
                    // the clue was a point to be outlined on site: this outline is its outline now
                    jdbc.sql("UPDATE clue SET geom = ST_GeomFromWKB(?, ?), needs_outline = FALSE, analysis_id = ?,"
                                    + " verdict = ?, area_m2 = ? WHERE id = ?")
                            .params(wkb(g), srid(), analysisId, verdict, area, e.id())
                            .update();
                    linkedVerdict = verdict;
                }
                link(e, s, analysisId, now);
                return new ClueLink(e.id(), linkedVerdict, true, s.observationId());
            }
            String id = create(s, g, false, analysisId, verdict, area, now);
            return new ClueLink(id, verdict, false, s.observationId());
        }
        if (g instanceof Point) {
            lockPlace(g);
            Optional<Existing> open = openAt(g, properties.pointLinkDistanceM());
            if (open.isPresent()) {
                link(open.get(), s, null, now);
                return new ClueLink(open.get().id(), open.get().verdict(), true, s.observationId());
            }
            String id = create(s, g, true, null, null, null, now);
            return new ClueLink(id, null, false, s.observationId());
        }
        throw new IllegalArgumentException("a sighting is a point or a polygon, not " + g.getGeometryType());
    }

    /** A clue as a case needs it: where it is, what the analysis said, and its status. */
    public record CaseClue(
            String id,
            String status,
            String gridCode,
            Geometry geometry,
            boolean needsOutline,
            String analysisId,
            String verdict,
            Double areaM2) {}

    /**
     * The clue with this id, locked until the caller's transaction ends (so that two cases cannot take it at once), or
     * empty.
     */
    @Transactional
    public Optional<CaseClue> lockForCase(String id) {
        return jdbc.sql("SELECT id, status, grid_code, ST_AsBinary(geom) AS wkb, needs_outline, analysis_id, verdict,"
                        + " area_m2 FROM clue WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, i) -> new CaseClue(
                        rs.getString("id"),
                        rs.getString("status"),
                        rs.getString("grid_code"),
                        geometry(rs.getBytes("wkb")),
                        rs.getBoolean("needs_outline"),
                        rs.getString("analysis_id"),
                        rs.getString("verdict"),
                        (Double) rs.getObject("area_m2", Double.class)))
                .optional();
    }

    /**
     * Sets the status of a clue as its case decides: IN_CASE when a case is opened, DISMISSED when the verification
     * dismisses it, CLOSED when the case is closed. Joins the caller's transaction.
     */
    @Transactional
    public void setStatusFromCase(String clueId, String status) {
        if (!List.of("IN_CASE", "DISMISSED", "CLOSED").contains(status)) {
            throw new IllegalArgumentException("a case sets a clue IN_CASE, DISMISSED or CLOSED, not " + status);
        }
        jdbc.sql("UPDATE clue SET status = ? WHERE id = ?")
                .params(status, clueId)
                .update();
    }

    /** The photos of a clue's observations whose bytes arrived (SHA-256 in the evidence store), in observation order. */
    public List<String> receivedPhotos(String clueId) {
        ClueEvidence source = evidence.getIfAvailable();
        List<String> observationIds = jdbc.sql(
                        "SELECT observation_id FROM clue_observation WHERE clue_id = ? ORDER BY linked_at, observation_id")
                .param(clueId)
                .query(String.class)
                .list();
        if (source == null || observationIds.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, ClueEvidence.Observation> byId = new java.util.HashMap<>();
        source.observations(observationIds).forEach(o -> byId.put(o.observationId(), o));
        List<String> out = new ArrayList<>();
        for (String id : observationIds) {
            ClueEvidence.Observation o = byId.get(id);
            if (o != null) {
                o.photos().stream()
                        .filter(p -> p.receivedAt() != null)
                        .map(ClueEvidence.Photo::sha256)
                        .filter(sha -> !out.contains(sha))
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** The clues the observations with these ids went to (observations without a clue are left out). */
    public List<ClueLink> linksOf(Collection<String> observationIds) {
        if (observationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT co.observation_id, co.clue_id, co.created_clue, c.verdict FROM clue_observation co"
                        + " JOIN clue c ON c.id = co.clue_id WHERE co.observation_id IN (:ids)"
                        + " ORDER BY co.linked_at, co.observation_id")
                .param("ids", List.copyOf(observationIds))
                .query((rs, i) -> new ClueLink(
                        rs.getString("clue_id"),
                        rs.getString("verdict"),
                        !rs.getBoolean("created_clue"),
                        rs.getString("observation_id")))
                .list();
    }

    /** A clue as the map draws it: its outline (or point while it needs one), status and verdict. */
    public record Located(String id, String status, String verdict, Geometry geometry) {}

    /**
     * The clues {@code scope} may see (limited exactly as {@code GET /api/v1/clues} limits them) whose bounding box
     * meets {@code box} (working system), of every status; by id.
     */
    public List<Located> inBox(GridScope scope, Envelope box) {
        Map<String, Object> params = Boxes.params(box, srid());
        return jdbc.sql("SELECT c.id, c.status, c.verdict, ST_AsBinary(c.geom) AS wkb FROM clue c WHERE "
                        + Boxes.meets("c.geom") + " AND " + scopeCondition(scope, params)
                        + " ORDER BY c.id")
                .params(params)
                .query((rs, i) -> new Located(
                        rs.getString("id"),
                        rs.getString("status"),
                        rs.getString("verdict"),
                        geometry(rs.getBytes("wkb"))))
                .list();
    }

    /**
     * The condition on table alias {@code c} that limits clues to those {@code scope} may see, with its parameter added
     * to {@code params}: the clues of the caller's cells; county-wide roles see every clue, those outside any cell too.
     */
    static String scopeCondition(GridScope scope, Map<String, Object> params) {
        if (scope.countyWide()) {
            return "1 = 1";
        }
        params.put("scope", scope.likePattern());
        return "c.grid_code LIKE :scope";
    }

    /** The open clues whose location intersects {@code area} (working system), oldest first. */
    public List<OpenClue> openIn(Geometry area) {
        return jdbc.sql(
                        "SELECT id, status, verdict, needs_outline, grid_code, ST_AsBinary(geom) AS wkb FROM clue WHERE "
                                + OPEN + " AND ST_Intersects(geom, ST_GeomFromWKB(?, ?)) ORDER BY created_at, id")
                .params(wkb(area), srid())
                .query((rs, i) -> new OpenClue(
                        rs.getString("id"),
                        rs.getString("status"),
                        rs.getString("verdict"),
                        rs.getBoolean("needs_outline"),
                        rs.getString("grid_code"),
                        geometry(rs.getBytes("wkb"))))
                .list();
    }

    private record Existing(String id, String verdict, boolean needsOutline, OffsetDateTime firstEvidenceAt) {}

    /** The oldest open clue within {@code distance} of {@code g} (intersecting it for 0), outlined clues first. */
    private Optional<Existing> openAt(Geometry g, double distance) {
        String near = distance > 0
                ? "ST_DWithin(geom, ST_GeomFromWKB(?, ?), ?)"
                : "ST_Intersects(geom, ST_GeomFromWKB(?, ?))";
        List<Object> params = new ArrayList<>(List.of(wkb(g), srid()));
        if (distance > 0) {
            params.add(distance);
        }
        return jdbc
                .sql("SELECT id, verdict, needs_outline, first_evidence_at FROM clue WHERE " + OPEN + " AND " + near
                        + " ORDER BY needs_outline, created_at, id")
                .params(params)
                .query((rs, i) -> new Existing(
                        rs.getString("id"),
                        rs.getString("verdict"),
                        rs.getBoolean("needs_outline"),
                        rs.getObject("first_evidence_at", OffsetDateTime.class)))
                .list()
                .stream()
                .findFirst();
    }

    private void link(Existing e, Sighting s, String analysisId, OffsetDateTime now) {
        jdbc.sql("INSERT INTO clue_observation (clue_id, observation_id, linked_at, created_clue, analysis_id)"
                        + " VALUES (?, ?, ?, FALSE, ?)")
                .params(e.id(), s.observationId(), now, analysisId)
                .update();
        if (s.observedAt().isBefore(e.firstEvidenceAt())) {
            jdbc.sql("UPDATE clue SET first_evidence_at = ? WHERE id = ?")
                    .params(s.observedAt(), e.id())
                    .update();
        }
    }

    private String create(
            Sighting s,
            Geometry g,
            boolean needsOutline,
            String analysisId,
            String verdict,
            Double area,
            OffsetDateTime now) {
        String id = UUID.randomUUID().toString();
        String grid = cells.villageAt(g).orElse(null);
        jdbc.sql("INSERT INTO clue (id, source, status, grid_code, geom, needs_outline, analysis_id, verdict, area_m2,"
                        + " first_evidence_at, created_at, created_by)"
                        + " VALUES (?, 'PATROL', 'NEW', ?, ST_GeomFromWKB(?, ?), ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        grid,
                        wkb(g),
                        srid(),
                        needsOutline,
                        analysisId,
                        verdict,
                        area,
                        s.observedAt(),
                        now,
                        s.reportedBy())
                .update();
        jdbc.sql("INSERT INTO clue_observation (clue_id, observation_id, linked_at, created_clue, analysis_id)"
                        + " VALUES (?, ?, ?, TRUE, ?)")
                .params(id, s.observationId(), now, analysisId)
                .update();
        double[] lonLat = lonLat(g.getInteriorPoint());
        events.publishEvent(new ClueCreated(
                id, "PATROL", grid, verdict, needsOutline, area, lonLat[0], lonLat[1], s.observedAt(), now));
        return id;
    }

    private double[] lonLat(Point p) {
        double[] xy = {p.getX(), p.getY()};
        CrsTransform.between(counties.require().crs(), CrsRegistry.CGCS2000).apply(xy);
        return xy;
    }

    private int srid() {
        return counties.require().crs().epsg();
    }

    private static byte[] wkb(Geometry g) {
        return new WKBWriter().write(g);
    }

    Geometry geometry(byte[] wkb) {
        try {
            Geometry g =
                    new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
            g.setSRID(srid());
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable stored geometry", e);
        }
    }
}
