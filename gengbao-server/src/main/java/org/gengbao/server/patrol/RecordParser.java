package org.gengbao.server.patrol;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.geographiclib.Geodesic;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.area.Ellipsoid;
import org.gengbao.spatial.crs.ChinaExtent;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a patrol record body (api.md, "Patrol record body"); every refusal is a 422 problem that names the
 * member at fault. Positions are CGCS2000 longitude/latitude and must lie in the county (its grid cells' extent widened
 * by a margin); they are brought into the county's working Gauss-Krüger system, polygons through {@link
 * GeometryIntake} exactly as an analysed patch.
 */
final class RecordParser {
    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_NOTE = 4000;
    private static final int MAX_OBSERVATIONS = 500;
    private static final Geodesic GEODESIC =
            new Geodesic(Ellipsoid.CGCS2000.semiMajorAxisM(), Ellipsoid.CGCS2000.flattening());

    /** What an observation is about. */
    enum Kind {
        SUSPECTED_VIOLATION,
        MARKER_DAMAGED,
        SIGN_DAMAGED,
        NOTE
    }

    record Photo(String sha256, OffsetDateTime takenAt, Double bearing) {}

    /**
     * @param geometry Point or Polygon in the working system
     * @param geoJson the geometry as sent (GeoJSON text)
     */
    record Observation(
            String clientId,
            Kind kind,
            Geometry geometry,
            String geoJson,
            String note,
            OffsetDateTime observedAt,
            List<Photo> photos) {}

    /**
     * @param track the track in the working system, or null for a record without one
     * @param trackLengthM ellipsoidal (geodesic, CGCS2000) length of the track
     */
    record Parsed(
            String taskId,
            String corrects,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            LineString track,
            List<OffsetDateTime> trackTimes,
            double trackLengthM,
            List<Observation> observations) {

        /** The distinct photos declared, in order of declaration. */
        List<String> declaredPhotos() {
            Set<String> out = new LinkedHashSet<>();
            observations.forEach(o -> o.photos().forEach(p -> out.add(p.sha256())));
            return List.copyOf(out);
        }
    }

    private final GaussKrugerCrs crs;
    private final GeometryIntake intake;
    private final int maxTrackPoints;
    private final Envelope countyArea;
    private final GeometryFactory factory;
    private final CrsTransform toWorking;

    /** @param countyArea the working-system extent positions must lie in, or null to accept all of the zone */
    RecordParser(GaussKrugerCrs crs, int maxPatchVertices, int maxTrackPoints, Envelope countyArea) {
        this.crs = crs;
        this.intake = new GeometryIntake(crs, maxPatchVertices);
        this.maxTrackPoints = maxTrackPoints;
        this.countyArea = countyArea;
        this.factory = WorkingPrecision.factory(crs);
        this.toWorking = CrsTransform.between(CrsRegistry.CGCS2000, crs);
    }

    static boolean validClientId(String id) {
        return id != null && CLIENT_ID.matcher(id).matches();
    }

    Parsed parse(JsonNode body) {
        String taskId = optionalText(body, "taskId", 36);
        String corrects = optionalText(body, "corrects", 64);
        if (corrects != null && !validClientId(corrects)) {
            throw invalid(
                    "CORRECTS_INVALID",
                    "corrects 应为被更正记录的 clientId（8–64 个字母、数字、_ 或 -），收到“" + corrects + "”",
                    "corrects must be the clientId of the corrected record (8–64 letters, digits, _ or -); got \""
                            + corrects + "\"");
        }
        OffsetDateTime startedAt = requiredTime(body, "startedAt");
        OffsetDateTime endedAt = requiredTime(body, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw invalid(
                    "TIME_ORDER",
                    "结束时间 endedAt（" + endedAt + "）早于开始时间 startedAt（" + startedAt + "）",
                    "endedAt (" + endedAt + ") is before startedAt (" + startedAt + ")");
        }
        List<double[]> lonLat;
        List<OffsetDateTime> times;
        boolean hasTrack = body.hasNonNull("track");
        boolean hasGpx = body.hasNonNull("trackGpx");
        if (hasTrack && hasGpx) {
            throw invalid(
                    "TRACK_AMBIGUOUS",
                    "请只提供 track（GeoJSON）或 trackGpx（GPX）之一",
                    "Give either track (GeoJSON) or trackGpx (GPX), not both");
        }
        if (hasGpx) {
            JsonNode gpx = body.get("trackGpx");
            if (!gpx.isString()) {
                throw invalid(
                        "GPX_INVALID", "trackGpx 应为包含 GPX 文档的字符串", "trackGpx must be a string holding a GPX document");
            }
            List<TrackGpx.Point> points = TrackGpx.read(gpx.asString());
            lonLat = new ArrayList<>();
            times = new ArrayList<>();
            for (TrackGpx.Point p : points) {
                lonLat.add(new double[] {p.lon(), p.lat()});
                times.add(p.time());
            }
            if (lonLat.size() < 2) {
                throw invalid("GPX_INVALID", "GPX 轨迹至少需要 2 个点（trkpt）", "The GPX track needs at least 2 track points");
            }
        } else if (hasTrack) {
            lonLat = trackPositions(body.get("track"));
            times = trackTimes(body.get("trackTimes"), lonLat.size());
        } else {
            if (body.hasNonNull("trackTimes") && body.get("trackTimes").size() > 0) {
                throw invalid("TRACK_TIMES_INVALID", "有 trackTimes 却没有 track", "trackTimes are given without a track");
            }
            lonLat = List.of();
            times = List.of();
        }
        if (lonLat.size() > maxTrackPoints) {
            throw invalid(
                    "TRACK_TOO_LONG",
                    "轨迹有 " + lonLat.size() + " 个点，超过上限 " + maxTrackPoints,
                    "The track has " + lonLat.size() + " points, more than the limit of " + maxTrackPoints);
        }
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i).isBefore(times.get(i - 1))) {
                throw invalid(
                        "TRACK_TIMES_INVALID",
                        "轨迹时间应不递减：第 " + (i + 1) + " 个时间 " + times.get(i) + " 早于前一个 " + times.get(i - 1),
                        "Track times must not decrease: time " + (i + 1) + " (" + times.get(i) + ") is before the one"
                                + " before it (" + times.get(i - 1) + ")");
            }
        }
        LineString track = null;
        double length = 0.0;
        if (!lonLat.isEmpty()) {
            Coordinate[] cs = new Coordinate[lonLat.size()];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = working(lonLat.get(i), "track", i);
                if (i > 0) {
                    double[] a = lonLat.get(i - 1);
                    double[] b = lonLat.get(i);
                    length += GEODESIC.Inverse(a[1], a[0], b[1], b[0]).s12;
                }
            }
            track = factory.createLineString(cs);
            WorkingPrecision.roundToGrid(track);
            track.setSRID(crs.epsg());
        }
        List<Observation> observations = observations(body.get("observations"));
        return new Parsed(
                taskId,
                corrects,
                startedAt,
                endedAt,
                track,
                List.copyOf(times),
                Math.round(length * 100.0) / 100.0,
                observations);
    }

    private List<double[]> trackPositions(JsonNode track) {
        JsonNode geometry = track;
        if ("Feature".equals(track.path("type").asString(""))) {
            geometry = track.path("geometry");
        }
        if (!"LineString".equals(geometry.path("type").asString(""))) {
            throw invalid(
                    "TRACK_INVALID",
                    "track 应为 GeoJSON LineString（经纬度），收到类型“"
                            + geometry.path("type").asString("") + "”",
                    "track must be a GeoJSON LineString (longitude/latitude); got type \""
                            + geometry.path("type").asString("") + "\"");
        }
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray() || coordinates.size() < 2) {
            throw invalid(
                    "TRACK_INVALID",
                    "track 的 coordinates 至少需要 2 个点",
                    "The coordinates of track need at least 2 positions");
        }
        if (coordinates.size() > maxTrackPoints) {
            throw invalid(
                    "TRACK_TOO_LONG",
                    "轨迹有 " + coordinates.size() + " 个点，超过上限 " + maxTrackPoints,
                    "The track has " + coordinates.size() + " points, more than the limit of " + maxTrackPoints);
        }
        List<double[]> out = new ArrayList<>(coordinates.size());
        for (int i = 0; i < coordinates.size(); i++) {
            out.add(position(coordinates.get(i), "track.coordinates[" + i + "]"));
        }
        return out;
    }

    private List<OffsetDateTime> trackTimes(JsonNode node, int vertices) {
        if (node == null || node.isNull() || !node.isArray()) {
            throw invalid(
                    "TRACK_TIMES_INVALID",
                    "有 track 时需要 trackTimes：每个轨迹点一个时间",
                    "A track needs trackTimes: one time per track vertex");
        }
        if (node.size() != vertices) {
            throw invalid(
                    "TRACK_TIMES_INVALID",
                    "trackTimes 有 " + node.size() + " 个时间，而轨迹有 " + vertices + " 个点；应每点一个",
                    "trackTimes has " + node.size() + " times but the track has " + vertices
                            + " vertices; one per vertex is needed");
        }
        List<OffsetDateTime> out = new ArrayList<>(vertices);
        for (int i = 0; i < vertices; i++) {
            out.add(time(node.get(i), "trackTimes[" + i + "]"));
        }
        return out;
    }

    private List<Observation> observations(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("OBSERVATION_INVALID", "observations 应为数组", "observations must be an array");
        }
        if (node.size() > MAX_OBSERVATIONS) {
            throw invalid(
                    "OBSERVATION_INVALID",
                    "一条记录最多 " + MAX_OBSERVATIONS + " 个观察",
                    "A record has at most " + MAX_OBSERVATIONS + " observations");
        }
        List<Observation> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode o = node.get(i);
            String at = "observations[" + i + "]";
            if (!o.isObject()) {
                throw invalid("OBSERVATION_INVALID", at + " 应为对象", at + " must be an object");
            }
            String id = o.path("clientId").isString() ? o.get("clientId").asString() : null;
            if (!validClientId(id)) {
                throw invalid(
                        "OBSERVATION_ID_INVALID",
                        at + ".clientId 应为 8–64 个字母、数字、_ 或 -，收到 " + shown(o.path("clientId")),
                        at + ".clientId must be 8–64 letters, digits, _ or -; got " + shown(o.path("clientId")));
            }
            if (!ids.add(id)) {
                throw invalid(
                        "OBSERVATION_ID_DUPLICATE",
                        "观察的 clientId“" + id + "”在记录中出现了不止一次",
                        "The observation clientId \"" + id + "\" occurs more than once in the record");
            }
            Kind kind;
            String kindText = o.path("kind").asString("");
            try {
                kind = Kind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw invalid(
                        "OBSERVATION_KIND_INVALID",
                        at + ".kind“" + kindText + "”无效，可选：SUSPECTED_VIOLATION、MARKER_DAMAGED、SIGN_DAMAGED、NOTE",
                        at + ".kind \"" + kindText
                                + "\" is not one of SUSPECTED_VIOLATION, MARKER_DAMAGED, SIGN_DAMAGED, NOTE");
            }
            JsonNode g = o.get("geometry");
            if (g == null || !g.isObject()) {
                throw invalid(
                        "OBSERVATION_GEOMETRY_INVALID",
                        at + ".geometry 缺失：应为 GeoJSON Point 或 Polygon（经纬度）",
                        at + ".geometry is missing: a GeoJSON Point or Polygon (longitude/latitude) is needed");
            }
            Geometry geometry = observationGeometry(g, at + ".geometry");
            OffsetDateTime observedAt = time(o.get("observedAt"), at + ".observedAt");
            String note = null;
            if (o.hasNonNull("note")) {
                if (!o.get("note").isString() || o.get("note").asString().length() > MAX_NOTE) {
                    throw invalid(
                            "OBSERVATION_INVALID",
                            at + ".note 应为不超过 " + MAX_NOTE + " 个字符的文字",
                            at + ".note must be text of at most " + MAX_NOTE + " characters");
                }
                note = o.get("note").asString();
            }
            out.add(new Observation(
                    id, kind, geometry, GeoJsonGeometryParser.text(g), note, observedAt, photos(o.get("photos"), at)));
        }
        return out;
    }

    private List<Photo> photos(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("PHOTO_INVALID", at + ".photos 应为数组", at + ".photos must be an array");
        }
        List<Photo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            String here = at + ".photos[" + i + "]";
            String sha = p.path("sha256").isString() ? p.get("sha256").asString() : "";
            if (!SHA256.matcher(sha).matches()) {
                throw invalid(
                        "PHOTO_HASH_INVALID",
                        here + ".sha256 应为 64 位十六进制的 SHA-256，收到 " + shown(p.path("sha256")),
                        here + ".sha256 must be a SHA-256 in 64 hexadecimal digits; got " + shown(p.path("sha256")));
            }
            sha = sha.toLowerCase(Locale.ROOT);
            if (!seen.add(sha)) {
                throw invalid(
                        "PHOTO_DUPLICATE",
                        here + " 与同一观察的另一张照片相同（" + sha + "）",
                        here + " repeats another photo of the same observation (" + sha + ")");
            }
            OffsetDateTime takenAt = p.hasNonNull("takenAt") ? time(p.get("takenAt"), here + ".takenAt") : null;
            Double bearing = null;
            if (p.hasNonNull("bearing")) {
                JsonNode b = p.get("bearing");
                if (!b.isNumber() || b.doubleValue() < 0 || b.doubleValue() > 360) {
                    throw invalid(
                            "PHOTO_INVALID",
                            here + ".bearing 应为 0 到 360 之间的度数，收到 " + b,
                            here + ".bearing must be degrees from 0 to 360; got " + b);
                }
                bearing = b.doubleValue();
            }
            out.add(new Photo(sha, takenAt, bearing));
        }
        return out;
    }

    private Geometry observationGeometry(JsonNode g, String at) {
        String type = g.path("type").asString("");
        if ("Point".equals(type)) {
            double[] p = position(g.path("coordinates"), at + ".coordinates");
            Geometry point = factory.createPoint(working(p, at, -1));
            WorkingPrecision.roundToGrid(point);
            point.setSRID(crs.epsg());
            return point;
        }
        if (!"Polygon".equals(type)) {
            throw invalid(
                    "OBSERVATION_GEOMETRY_INVALID",
                    at + " 应为 GeoJSON Point 或 Polygon，收到类型“" + type + "”",
                    at + " must be a GeoJSON Point or Polygon; got type \"" + type + "\"");
        }
        Geometry polygon;
        try {
            polygon = intake.fromGeoJson(GeoJsonGeometryParser.text(g), null).geometry();
        } catch (SpatialInputException e) {
            Problem p = Problem.of(e);
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    e.code(),
                    at + "：" + e.messageZh(),
                    at + ": " + e.messageEn(),
                    p.location().orElse(null));
        }
        for (Coordinate c : polygon.getCoordinates()) {
            inCounty(c, at);
        }
        return polygon;
    }

    /** A [lon, lat] position (a third member, the height, is ignored). */
    private static double[] position(JsonNode p, String at) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw invalid(
                    "POSITION_INVALID",
                    at + " 应为 [经度, 纬度] 数字数组，收到 " + p,
                    at + " must be a [longitude, latitude] array of numbers; got " + p);
        }
        double lon = p.get(0).doubleValue();
        double lat = p.get(1).doubleValue();
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || !ChinaExtent.contains(lon, lat)) {
            throw invalid(
                    "POSITION_OUTSIDE_COUNTY",
                    at + " 的位置 [" + lon + ", " + lat + "] 不在中国境内：应为 CGCS2000 经纬度（经度在前）",
                    at + " at [" + lon + ", " + lat + "] is not in China: positions are CGCS2000 longitude/latitude,"
                            + " longitude first");
        }
        return new double[] {lon, lat};
    }

    private Coordinate working(double[] lonLat, String at, int index) {
        if (!ChinaExtent.contains(lonLat[0], lonLat[1])) {
            String where = index >= 0 ? at + "[" + index + "]" : at;
            throw invalid(
                    "POSITION_OUTSIDE_COUNTY",
                    where + " 的位置 [" + lonLat[0] + ", " + lonLat[1] + "] 不在中国境内",
                    where + " at [" + lonLat[0] + ", " + lonLat[1] + "] is not in China");
        }
        double[] xy = {lonLat[0], lonLat[1]};
        toWorking.apply(xy);
        Coordinate c = new Coordinate(xy[0], xy[1]);
        inCounty(c, index >= 0 ? at + "[" + index + "]" : at);
        return c;
    }

    private void inCounty(Coordinate c, String at) {
        boolean inside = countyArea != null
                ? countyArea.contains(c)
                : Math.abs(c.x - crs.falseEastingM()) < 400_000; // within the zone
        if (!inside) {
            double[] lonLat = {c.x, c.y};
            CrsTransform.between(crs, CrsRegistry.CGCS2000).apply(lonLat);
            throw invalid(
                    "POSITION_OUTSIDE_COUNTY",
                    at + " 的位置（经度 " + round(lonLat[0]) + "，纬度 " + round(lonLat[1]) + "）不在本县范围内",
                    at + " at longitude " + round(lonLat[0]) + ", latitude " + round(lonLat[1])
                            + " is not in the county");
        }
    }

    private static String round(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    private static OffsetDateTime requiredTime(JsonNode body, String name) {
        return time(body.get(name), name);
    }

    private static OffsetDateTime time(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            throw invalid(
                    "TIME_MISSING",
                    "缺少 " + at + "：应为带时区的 ISO-8601 时间，如 2026-11-26T08:00:00+08:00",
                    at + " is missing: an ISO-8601 time with offset, such as 2026-11-26T08:00:00+08:00, is needed");
        }
        String text = node.isString() ? node.asString() : node.toString();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(
                    "TIME_INVALID",
                    at + " 应为带时区的 ISO-8601 时间，如 2026-11-26T08:00:00+08:00，收到“" + text + "”",
                    at + " must be an ISO-8601 time with offset, such as 2026-11-26T08:00:00+08:00; got \"" + text
                            + "\"");
        }
    }

    private static String optionalText(JsonNode body, String name, int maxLength) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString() || n.asString().isBlank() || n.asString().length() > maxLength) {
            throw invalid(
                    "FIELD_INVALID",
                    name + " 应为不超过 " + maxLength + " 个字符的文字或 null，收到 " + n,
                    name + " must be text of at most " + maxLength + " characters, or null; got " + n);
        }
        return n.asString();
    }

    /** A member's value for a message ("nothing" when it is absent or JSON null). */
    static String shown(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "nothing" : n.toString();
    }

    static Problem invalid(String code, String zh, String en) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, code, zh, en);
    }
}
