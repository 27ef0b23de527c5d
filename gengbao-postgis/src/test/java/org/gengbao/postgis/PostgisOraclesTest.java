package org.gengbao.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Random;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.gengbao.spatial.testing.RandomParcels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

/** PostGIS as an oracle for the spatial core: ST_Transform for coordinates, ST_Area(geography) for areas. */
class PostgisOraclesTest {
    private static TestDatabase db;

    @BeforeAll
    static void connect() throws Exception {
        db = new TestDatabase();
    }

    @AfterAll
    static void disconnect() throws Exception {
        db.close();
    }

    @Test
    void gaussKrugerForwardAgreesWithStTransformWithinOneMillimetre() throws Exception {
        Random r = new Random(99);
        try (Connection c = db.dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4490), ?) g) t")) {
            for (Crs crs : CrsRegistry.all()) {
                if (!(crs instanceof GaussKrugerCrs gk)) {
                    continue;
                }
                for (int i = 0; i < 5; i++) {
                    double lon = gk.centralMeridianDeg()
                            + (r.nextDouble() * 2 - 1) * gk.width().degrees() / 2.0;
                    double lat = 18 + r.nextDouble() * 35;
                    ps.setDouble(1, lon);
                    ps.setDouble(2, lat);
                    ps.setInt(3, gk.epsg());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        double[] ours = new double[2];
                        GaussKrugerProjection.of(gk).forwardDegrees(lon, lat, ours);
                        assertThat(Math.hypot(ours[0] - rs.getDouble(1), ours[1] - rs.getDouble(2)))
                                .as("%s at %.5f %.5f", gk.code(), lon, lat)
                                .isLessThan(0.001);
                    }
                }
            }
        }
    }

    /** The national formula against PostGIS ST_Area(geography) on random parcels across a zone: within 2e-5. */
    @Test
    void ellipsoidalAreaAgreesWithStAreaGeography() throws Exception {
        GaussKrugerCrs zone = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);
        AreaMeasure national = AreaMeasure.ellipsoidal(zone);
        Random r = new Random(5);
        double worst = 0;
        try (Connection c = db.dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT ST_Area(ST_Transform(ST_GeomFromWKB(?, 4527), 4490)::geography)")) {
            for (int i = 0; i < 400; i++) {
                double x = 39_500_000 + (r.nextDouble() * 2 - 1) * 150_000;
                double y = 2_600_000 + r.nextDouble() * 3_000_000;
                Polygon p = RandomParcels.star(r, zone, x, y, 15 + r.nextDouble() * 200, 4 + r.nextInt(40));
                ps.setBytes(1, new WKBWriter().write(p));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double pg = rs.getDouble(1);
                    double ours = national.areaM2(p);
                    worst = Math.max(worst, Math.abs(ours / pg - 1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "national formula vs ST_Area(geography): worst relative %.2e%n", worst);
        assertThat(worst).isLessThan(2e-5);
    }
}
