package org.gengbao.server;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBReader;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Helpers for patrol tests: places on basic farmland of {@code villageA1} (or another village) handed out one per call (so that tests never
 * share a place and link each other's clues), record bodies in longitude/latitude, uploads and row counts.
 */
public abstract class PatrolTestSupport extends ServerTestBase {
    private static final Map<String, AtomicInteger> NEXT_PLACE = new ConcurrentHashMap<>();

    /** A basic-farmland parcel and a patch well inside it (working system). */
    protected record Place(String parcelId, Geometry parcel, Polygon patch, Coordinate centre) {}

    protected GaussKrugerCrs crs() {
        return counties.require().crs();
    }

    /** The next unused place on basic farmland of villageA1 (see {@link #nextPlace(String)}). */
    protected Place nextPlace() throws Exception {
        return nextPlace(villageA1);
    }

    /**
     * The next unused place on basic farmland of this village: a 20 m × 20 m patch inside a parcel. First one patch per
     * parcel over 1000 m² (around its interior point), then further patches in any parcel over 400 m², each at least {@value
     * #PLACE_SPACING_M} m from every other place (its edges 40 m from theirs; a point observation links to an open
     * clue within 30 m).
     */
    protected Place nextPlace(String village) throws Exception {
        List<Place> places = PLACES.computeIfAbsent(village, this::placesOf);
        synchronized (PLACES) {
            AtomicInteger next = NEXT_PLACE.computeIfAbsent(village, v -> new AtomicInteger());
            while (next.get() < places.size()) {
                Place place = places.get(next.getAndIncrement());
                if (!WHOLE_PARCELS.contains(place.parcelId())) {
                    USED_PARCELS.add(place.parcelId());
                    return place;
                }
            }
            throw new IllegalStateException("no more farmland places in " + village + " (" + places.size() + " used)");
        }
    }

    /**
     * A parcel of villageA1 of at least {@code minAreaM2} none of whose places was or will be handed out, for a test
     * that outlines the whole parcel.
     */
    protected Place wholeParcel(double minAreaM2) {
        List<Place> places = PLACES.computeIfAbsent(villageA1, this::placesOf);
        synchronized (PLACES) {
            for (Place place : places) {
                if (place.parcel().getArea() >= minAreaM2
                        && !USED_PARCELS.contains(place.parcelId())
                        && WHOLE_PARCELS.add(place.parcelId())) {
                    return place;
                }
            }
        }
        throw new IllegalStateException("no unused farmland parcel of " + minAreaM2 + " m² left in " + villageA1);
    }

    /** Keeps the places of this parcel from being handed out (a test puts its own clue there). */
    public static void reserveParcel(String parcelId) {
        WHOLE_PARCELS.add(parcelId);
    }

    /** Parcels some place of which was handed out, and parcels handed out whole. */
    private static final java.util.Set<String> USED_PARCELS = ConcurrentHashMap.newKeySet();

    private static final java.util.Set<String> WHOLE_PARCELS = ConcurrentHashMap.newKeySet();

    private static final double PLACE_SPACING_M = 60;
    private static final Map<String, List<Place>> PLACES = new ConcurrentHashMap<>();

    private List<Place> placesOf(String village) {
        GeometryFactory f = WorkingPrecision.factory(crs());
        List<Object[]> rows = jdbc.sql("SELECT id, area_m2, ST_AsBinary(geom) FROM farmland_parcel"
                        + " WHERE grid_code = ? AND area_m2 > 400 ORDER BY id")
                .param(village)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getDouble(2), rs.getBytes(3)})
                .list();
        List<String> ids = new java.util.ArrayList<>();
        List<Geometry> parcels = new java.util.ArrayList<>();
        List<Double> areas = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            try {
                parcels.add(new WKBReader(f).read((byte[]) row[2]));
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IllegalStateException(e);
            }
            ids.add((String) row[0]);
            areas.add((Double) row[1]);
        }
        List<Place> places = new java.util.ArrayList<>();
        List<Coordinate> taken = new java.util.ArrayList<>();
        // first the patch around the interior point of each parcel over 1000 m²
        for (int p = 0; p < ids.size(); p++) {
            Coordinate c = parcels.get(p).getInteriorPoint().getCoordinate();
            Polygon patch = patch(f, c);
            if (areas.get(p) > 1000 && parcels.get(p).contains(patch)) {
                places.add(new Place(ids.get(p), parcels.get(p), patch, c));
                taken.add(c);
            }
        }
        // then further patches on a grid, kept apart from every place handed out so far
        for (int p = 0; p < ids.size(); p++) {
            Geometry parcel = parcels.get(p);
            Envelope e = parcel.getEnvelopeInternal();
            for (double x = e.getMinX() + 10; x <= e.getMaxX() - 10; x += PLACE_SPACING_M / 2) {
                for (double y = e.getMinY() + 10; y <= e.getMaxY() - 10; y += PLACE_SPACING_M / 2) {
                    Coordinate at = new Coordinate(x, y);
                    Polygon square = patch(f, at);
                    if (taken.stream().allMatch(t -> t.distance(at) >= PLACE_SPACING_M) && parcel.contains(square)) {
                        places.add(new Place(ids.get(p), parcel, square, at));
                        taken.add(at);
                    }
                }
            }
        }
        return List.copyOf(places);
    }

    private static Polygon patch(GeometryFactory f, Coordinate centre) {
        Envelope e = new Envelope(centre);
        e.expandBy(10);
        return (Polygon) f.toGeometry(e);
    }

    /**
     * A new inspector account (password {@code secret-inspector}, no grid code of its own) listed as a grid person with
     * the duty INSPECTOR in {@code village}: eligible for the village's tasks, but after the village's own inspector
     * accounts, so the planner and manual tasks without an assignee never choose it (other tests rely on that).
     */
    protected String extraInspector(String village, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        AuditLog.asCommandLine("test", () -> accounts.add(username, "secret-inspector", "INSPECTOR", null, null));
        jdbc.sql("INSERT INTO grid_person (id, grid_code, duty, name, phone, username, updated_at)"
                        + " VALUES (?, ?, 'INSPECTOR', ?, NULL, ?, ?)")
                .params(UUID.randomUUID().toString(), village, "替班巡查员 " + username, username, OffsetDateTime.now())
                .update();
        return username;
    }

    protected double[] lonLat(Coordinate c) {
        double[] xy = {c.x, c.y};
        CrsTransform.between(crs(), CrsRegistry.CGCS2000).apply(xy);
        return xy;
    }

    protected ObjectNode geoJson(Geometry working) {
        return GeoJsonGeometries.lonLat(working, crs());
    }

    protected ObjectNode point(Coordinate working) {
        return geoJson(WorkingPrecision.factory(crs()).createPoint(working));
    }

    /** A record: started at {@code start}, an hour long, with a 3-vertex track from 100 m west to 100 m east of c. */
    protected ObjectNode record(OffsetDateTime start, Coordinate through, ObjectNode... observations) {
        ObjectNode body = JSON.createObjectNode();
        body.putNull("taskId");
        body.put("startedAt", start.toString());
        body.put("endedAt", start.plusHours(1).toString());
        GeometryFactory f = WorkingPrecision.factory(crs());
        Geometry line = f.createLineString(new Coordinate[] {
            new Coordinate(through.x - 100, through.y), through, new Coordinate(through.x + 100, through.y + 20)
        });
        body.set("track", geoJson(line));
        ArrayNode times = body.putArray("trackTimes");
        times.add(start.plusMinutes(5).toString());
        times.add(start.plusMinutes(15).toString());
        times.add(start.plusMinutes(25).toString());
        ArrayNode obs = body.putArray("observations");
        for (ObjectNode o : observations) {
            obs.add(o);
        }
        return body;
    }

    protected ObjectNode observation(String kind, ObjectNode geometry, OffsetDateTime at, String... photoShas) {
        ObjectNode o = JSON.createObjectNode();
        o.put("clientId", UUID.randomUUID().toString());
        o.put("kind", kind);
        o.set("geometry", geometry);
        o.put("note", "疑似新建房屋 / suspected new building");
        o.put("observedAt", at.toString());
        ArrayNode photos = o.putArray("photos");
        for (String sha : photoShas) {
            ObjectNode p = photos.addObject();
            p.put("sha256", sha);
            p.put("takenAt", at.toString());
            p.put("bearing", 90.0);
        }
        return o;
    }

    protected ResultActions putRecord(String token, String clientId, String body) throws Exception {
        return mvc.perform(put("/api/v1/patrol/records/" + clientId)
                .header("Authorization", bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    protected ResultActions getJson(String token, String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", bearer(token)));
    }

    protected static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    protected static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
