package org.gengbao.server.layers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gengbao.server.storage.Boxes;
import org.gengbao.server.storage.JsonText;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerSchema;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Layer versions and their features in the database (the same SQL on H2 + H2GIS and PostgreSQL + PostGIS). Geometries
 * are stored as spatial columns in the working zone; attributes as JSON text; each feature's ellipsoidal area as
 * computed at import.
 */
@Repository
class LayerStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LayerStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    boolean exists(String versionId) {
        return jdbc.sql("SELECT COUNT(*) FROM layer_version WHERE id = ?")
                        .param(versionId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM layer_version")
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Set<String> ids() {
        return new TreeSet<>(
                jdbc.sql("SELECT id FROM layer_version").query(String.class).list());
    }

    List<LayerVersionInfo> list() {
        return jdbc.sql("SELECT id, kind, effective_from, feature_count, imported_at, imported_by, source_name, sha256"
                        + " FROM layer_version ORDER BY kind, effective_from, imported_at")
                .query((rs, i) -> new LayerVersionInfo(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /** Inserts a version with its features; the caller's transaction makes it all-or-nothing. */
    void insert(LayerVersion v, FieldMapping mapping, String sourceName, String importedBy, String reportJson) {
        jdbc.sql("INSERT INTO layer_version (id, kind, effective_from, sha256, epsg, feature_count, field_mapping,"
                        + " source_name, imported_at, imported_by, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        v.id(),
                        v.kind().id(),
                        v.effectiveFrom(),
                        v.sha256(),
                        v.crs().epsg(),
                        v.featureCount(),
                        JsonText.write(mapping.explicit()),
                        sourceName,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        importedBy,
                        reportJson)
                .update();
        List<ReferenceFeature> features = v.features();
        WKBWriter wkb = new WKBWriter();
        int srid = v.crs().epsg();
        for (int from = 0; from < features.size(); from += 1000) {
            List<ReferenceFeature> batch = features.subList(from, Math.min(features.size(), from + 1000));
            int base = from;
            template.batchUpdate(
                    "INSERT INTO layer_feature (version_id, fid, feature_id, geom, area_m2, attributes)"
                            + " VALUES (?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?)",
                    new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                            ReferenceFeature f = batch.get(i);
                            ps.setString(1, v.id());
                            ps.setInt(2, base + i + 1);
                            ps.setString(3, f.id());
                            ps.setBytes(4, wkb.write(f.geometry()));
                            ps.setInt(5, srid);
                            ps.setDouble(6, f.areaM2());
                            ps.setString(7, JsonText.write(f.attributes()));
                        }

                        @Override
                        public int getBatchSize() {
                            return batch.size();
                        }
                    });
        }
    }

    /** The version of {@code kind} in force on {@code asOf}: the latest effective by then, the last imported on a tie. */
    Optional<LayerVersionInfo> inForce(LayerKind kind, LocalDate asOf) {
        return list().stream()
                .filter(v -> v.kind().equals(kind.id()) && !v.effectiveFrom().isAfter(asOf))
                .reduce((a, b) -> b);
    }

    /**
     * The features of a stored version (read with the version's field mapping) whose geometry intersects {@code
     * area}, or all of them when {@code area} is null; in file order.
     */
    List<ReferenceFeature> features(String versionId, GaussKrugerCrs crs, Geometry area) {
        if (area == null) {
            return read(
                    versionId,
                    crs,
                    "SELECT feature_id, ST_AsBinary(geom), area_m2, attributes FROM layer_feature"
                            + " WHERE version_id = :version ORDER BY fid",
                    Map.of("version", versionId));
        }
        Map<String, Object> params = inBoxParams(versionId, crs, area.getEnvelopeInternal(), 0);
        params.put("area", new WKBWriter().write(area));
        return read(versionId, crs, inBox(" AND ST_Intersects(f.geom, ST_GeomFromWKB(:area, :srid))"), params);
    }

    /**
     * The features of a stored version whose bounding box meets {@code box} (working system) and whose area is at least
     * {@code minAreaM2}; in file order.
     */
    List<ReferenceFeature> featuresInBox(String versionId, GaussKrugerCrs crs, Envelope box, double minAreaM2) {
        return read(versionId, crs, inBox(""), inBoxParams(versionId, crs, box, minAreaM2));
    }

    /**
     * The features of one version whose bounding box meets a box, of at least an area, plus {@code condition} on
     * {@code f}. Both databases must answer the box from the spatial index. Offered {@code version_id = :version}, H2
     * prefers the primary key (version, fid) and scans every feature of the version (a 100k-parcel layer: ~250 ms
     * instead of ~5 ms per box); the version is therefore compared as {@code CONCAT(version_id, '')}, which no index
     * serves. (A derived table with {@code OFFSET 0 ROWS} fences the same, but H2 then materialises every version's
     * features in the box: 40 % more processor time per tile, measured with {@code gengbao bench tiles}.)
     */
    private static String inBox(String condition) {
        return "SELECT f.feature_id, ST_AsBinary(f.geom), f.area_m2, f.attributes FROM layer_feature f WHERE "
                + Boxes.meets("f.geom") + " AND f.area_m2 >= :minArea AND CONCAT(f.version_id, '') = :version"
                + condition
                + " ORDER BY f.fid";
    }

    private static Map<String, Object> inBoxParams(
            String versionId, GaussKrugerCrs crs, Envelope box, double minAreaM2) {
        Map<String, Object> params = Boxes.params(box, crs.epsg());
        params.put("minArea", minAreaM2);
        params.put("version", versionId);
        return params;
    }

    private List<ReferenceFeature> read(String versionId, GaussKrugerCrs crs, String sql, Map<String, ?> params) {
        LayerKind kind = LayerKind.parse(jdbc.sql("SELECT kind FROM layer_version WHERE id = ?")
                .param(versionId)
                .query(String.class)
                .single());
        FieldMapping mapping =
                FieldMapping.of(stringMap(JsonText.read(jdbc.sql("SELECT field_mapping FROM layer_version WHERE id = ?")
                        .param(versionId)
                        .query(String.class)
                        .single())));
        List<ReferenceFeature> features = new ArrayList<>();
        WKBReader reader = new WKBReader(org.gengbao.spatial.geom.WorkingPrecision.factory(crs));
        jdbc.sql(sql).params(params).query(rs -> {
            Geometry g;
            try {
                g = reader.read(rs.getBytes(2));
            } catch (ParseException e) {
                throw new IllegalStateException("unreadable geometry in " + versionId, e);
            }
            g.setSRID(crs.epsg());
            Map<String, Object> attrs = attributes(JsonText.read(rs.getString(4)));
            features.add(new ReferenceFeature(
                    rs.getString(1), g, rs.getDouble(3), attrs, LayerSchema.read(kind, attrs, mapping)));
        });
        return features;
    }

    /** The extent of a stored version's features (working system), or empty when it has none. */
    Optional<Envelope> extent(String versionId) {
        return jdbc.sql("SELECT MIN(ST_XMin(geom)) AS x0, MIN(ST_YMin(geom)) AS y0, MAX(ST_XMax(geom)) AS x1,"
                        + " MAX(ST_YMax(geom)) AS y1, COUNT(*) AS n FROM layer_feature WHERE version_id = ?")
                .param(versionId)
                .query((rs, i) -> rs.getLong("n") == 0
                        ? null
                        : new Envelope(rs.getDouble("x0"), rs.getDouble("x1"), rs.getDouble("y0"), rs.getDouble("y1")))
                .optional();
    }

    /** Reads a stored version back into memory, with its terms read again through the mapping used at import. */
    LayerVersion load(String versionId, GaussKrugerCrs crs) {
        Object[] head = jdbc.sql(
                        "SELECT kind, effective_from, sha256, field_mapping, epsg FROM layer_version WHERE id" + " = ?")
                .param(versionId)
                .query((rs, i) -> new Object[] {
                    rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getInt(5)
                })
                .single();
        if ((int) head[4] != crs.epsg()) {
            throw new IllegalStateException(versionId + " is stored in EPSG:" + head[4] + ", not " + crs.code());
        }
        LayerKind kind = LayerKind.parse((String) head[0]);
        List<ReferenceFeature> features = features(versionId, crs, null);
        return new LayerVersion(versionId, kind, (LocalDate) head[1], (String) head[2], crs, features);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.properties().forEach(e -> m.put(e.getKey(), e.getValue().asString()));
        return m;
    }

    /** JSON attributes back to the value types of the readers (dates come back as ISO text, which terms accept). */
    static Map<String, Object> attributes(JsonNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isIntegralNumber()) {
                BigInteger b = v.bigIntegerValue();
                value = b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
            } else if (v.isNumber()) {
                value = v.decimalValue();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else {
                value = v.asString();
            }
            m.put(e.getKey(), value);
        });
        return m;
    }
}
