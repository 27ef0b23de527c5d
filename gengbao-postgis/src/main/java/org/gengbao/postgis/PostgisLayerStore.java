package org.gengbao.postgis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.layer.FeatureTerms;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.PlanZone;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;

/**
 * Layer versions in PostGIS, one schema per county store. Loading a version is one transaction (COPY of all features,
 * then its row in {@code layer_version}), so a failed load leaves nothing behind; each feature carries its area by the
 * national formula (computed in Java, as the in-memory engine has it) and by PostGIS's geodesic area.
 */
public final class PostgisLayerStore {
    /** A stored version. */
    public record StoredVersion(String id, LayerKind kind, LocalDate effectiveFrom, String sha256, int featureCount) {}

    private final DataSource dataSource;
    private final String schema;
    private final GaussKrugerCrs crs;

    public PostgisLayerStore(DataSource dataSource, String schema, GaussKrugerCrs crs) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier: " + schema);
        }
        this.dataSource = dataSource;
        this.schema = schema;
        this.crs = crs;
    }

    public String schema() {
        return schema;
    }

    public GaussKrugerCrs crs() {
        return crs;
    }

    /** Creates the schema, tables and GiST indexes if they do not exist (PostGIS must be installed). */
    public void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            s.execute(
                    "CREATE TABLE IF NOT EXISTS " + schema + ".layer_version (id text PRIMARY KEY, kind text NOT NULL,"
                            + " effective_from date NOT NULL, sha256 text NOT NULL, srid integer NOT NULL,"
                            + " feature_count integer NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())");
            for (StoredKind k : StoredKind.values()) {
                String extra = k.columns.isEmpty() ? "" : ", " + k.columns;
                s.execute("CREATE TABLE IF NOT EXISTS " + schema + "." + k.table + " (version_id text NOT NULL,"
                        + " fid bigint NOT NULL, geom geometry(MultiPolygon, " + crs.epsg() + ") NOT NULL,"
                        + " area_national double precision NOT NULL, area_geodesic double precision" + extra + ")");
                s.execute("CREATE INDEX IF NOT EXISTS " + k.table + "_geom_gist ON " + schema + "." + k.table
                        + " USING gist (geom)");
            }
        }
    }

    public boolean contains(String versionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + schema + ".layer_version WHERE id = ?")) {
            ps.setString(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Loads a version (no-op if a version with its id is already stored). */
    public void load(LayerVersion version) throws SQLException {
        if (version.crs().epsg() != crs.epsg()) {
            throw new IllegalArgumentException(
                    version.id() + " is in " + version.crs().code() + ", not " + crs.code());
        }
        if (contains(version.id())) {
            return;
        }
        StoredKind k = StoredKind.of(version.kind());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                copy(c, k, version);
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + schema + "." + k.table
                        + " SET area_geodesic = ST_Area(ST_Transform(geom, 4490)::geography) WHERE version_id = ?")) {
                    ps.setString(1, version.id());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema
                        + ".layer_version (id, kind, effective_from, sha256, srid, feature_count)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, version.id());
                    ps.setString(2, version.kind().id());
                    ps.setObject(3, version.effectiveFrom());
                    ps.setString(4, version.sha256());
                    ps.setInt(5, crs.epsg());
                    ps.setInt(6, version.featureCount());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("ANALYZE " + schema + "." + k.table);
        }
    }

    private void copy(Connection c, StoredKind k, LayerVersion version) throws SQLException {
        String columns =
                switch (k) {
                    case DLTB -> ", dlbm, dlmc, kcxs, cultivated";
                    case JBNT -> "";
                    case PLAN -> ", scheme, code, name";
                    default -> ", valid_from, valid_to";
                };
        String sql =
                "COPY " + schema + "." + k.table + " (version_id, fid, geom, area_national" + columns + ") FROM STDIN";
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new java.io.Reader() {
                private final java.util.Iterator<ReferenceFeature> it =
                        version.features().iterator();
                private long fid;
                private String pending = "";
                private int pos;

                @Override
                public int read(char[] buf, int off, int len) {
                    while (pos >= pending.length()) {
                        if (!it.hasNext()) {
                            return -1;
                        }
                        pending = rows(it.next(), ++fid, version.id(), k, wkb);
                        pos = 0;
                    }
                    int n = Math.min(len, pending.length() - pos);
                    pending.getChars(pos, pos + n, buf, off);
                    pos += n;
                    return n;
                }

                @Override
                public void close() {}
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The COPY text rows of one feature (a plan feature with two zone schemes gives two rows). */
    private String rows(ReferenceFeature f, long fid, String versionId, StoredKind k, WKBWriter wkb) {
        Geometry g = f.geometry() instanceof Polygon p
                ? p.getFactory().createMultiPolygon(new Polygon[] {p})
                : (MultiPolygon) f.geometry();
        g.setSRID(crs.epsg());
        String common = versionId + "\t" + fid + "\t" + WKBWriter.toHex(wkb.write(g)) + "\t" + f.areaM2();
        StringBuilder sb = new StringBuilder();
        FeatureTerms terms = f.terms();
        if (terms instanceof FeatureTerms.LandUse t) {
            sb.append(common)
                    .append('\t')
                    .append(text(t.code()))
                    .append('\t')
                    .append(text(t.name()))
                    .append('\t')
                    .append(t.deductionCoefficient())
                    .append('\t')
                    .append(t.cultivated() ? 't' : 'f')
                    .append('\n');
        } else if (terms instanceof FeatureTerms.Plan t) {
            for (PlanZone z : t.zones()) {
                sb.append(common)
                        .append('\t')
                        .append(text(z.scheme()))
                        .append('\t')
                        .append(text(z.code()))
                        .append('\t')
                        .append(text(z.name()))
                        .append('\n');
            }
        } else if (terms instanceof FeatureTerms.Approval t) {
            dated(sb, common, t.approvedOn(), null);
        } else if (terms instanceof FeatureTerms.Supply t) {
            dated(sb, common, t.suppliedOn(), null);
        } else if (terms instanceof FeatureTerms.Facility t) {
            dated(sb, common, t.filedOn(), null);
        } else if (terms instanceof FeatureTerms.Temporary t) {
            dated(sb, common, t.validFrom(), t.validTo());
        } else {
            sb.append(common).append('\n');
        }
        return sb.toString();
    }

    private static void dated(StringBuilder sb, String common, LocalDate from, LocalDate to) {
        sb.append(common)
                .append('\t')
                .append(from)
                .append('\t')
                .append(to == null ? "\\N" : to.toString())
                .append('\n');
    }

    private static String text(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** All stored versions, oldest effective date first; versions with the same date in the order they were loaded. */
    public List<StoredVersion> versions() throws SQLException {
        List<StoredVersion> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, kind, effective_from, sha256, feature_count FROM " + schema
                        + ".layer_version ORDER BY effective_from, loaded_at, id")) {
            while (rs.next()) {
                out.add(new StoredVersion(
                        rs.getString(1),
                        LayerKind.parse(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getInt(5)));
            }
        }
        return out;
    }

    DataSource dataSource() {
        return dataSource;
    }
}
