package org.gengbao.spatial.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gengbao.spatial.testing.ExternalTool;
import org.junit.jupiter.api.Test;

/**
 * Every CGCS2000 Gauss-Krüger system against PROJ ({@code cs2cs}, EPSG definitions from PROJ's database): forward and
 * inverse within 1 mm at points across the zone's extent in China, including half a degree beyond the zone edge.
 */
class CrsAgainstProjTest {
    private static final double MAX_ERROR_M = 0.001;

    @Test
    void everyZoneAgreesWithProjWithinOneMillimetre() {
        Random random = new Random(20261126);
        int checked = 0;
        double worst = 0;
        for (Crs crs : CrsRegistry.all()) {
            if (!(crs instanceof GaussKrugerCrs gk)) {
                continue;
            }
            GaussKrugerProjection projection = GaussKrugerProjection.of(gk);
            double half = gk.width().degrees() / 2.0 + 0.5;
            List<double[]> lonLat = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                double lon = gk.centralMeridianDeg() + (random.nextDouble() * 2 - 1) * half;
                double lat = 18 + random.nextDouble() * 35;
                lonLat.add(new double[] {lon, lat});
            }
            List<double[]> proj = cs2cs("EPSG:4490", gk.code(), lonLat, true);
            double[] ours = new double[2];
            double[] back = new double[2];
            for (int i = 0; i < lonLat.size(); i++) {
                double[] ll = lonLat.get(i);
                projection.forwardDegrees(ll[0], ll[1], ours);
                double[] ne = proj.get(i); // PROJ answers in EPSG axis order: northing, easting
                double err = Math.hypot(ours[0] - ne[1], ours[1] - ne[0]);
                worst = Math.max(worst, err);
                assertThat(err)
                        .as("%s forward at %.6f, %.6f: ours %s, PROJ %s", gk.code(), ll[0], ll[1], fmt(ours), fmt(ne))
                        .isLessThanOrEqualTo(MAX_ERROR_M);
                projection.inverseDegrees(ours[0], ours[1], back);
                double dx = (back[0] - ll[0]) * 111_320 * Math.cos(Math.toRadians(ll[1]));
                double dy = (back[1] - ll[1]) * 110_574;
                assertThat(Math.hypot(dx, dy)).as("%s round trip", gk.code()).isLessThanOrEqualTo(MAX_ERROR_M);
                checked++;
            }
            List<double[]> inverse = cs2cs(gk.code(), "EPSG:4490", oursForward(projection, lonLat), false);
            for (int i = 0; i < lonLat.size(); i++) {
                double[] ll = lonLat.get(i);
                double[] latLon = inverse.get(i);
                double dx = (latLon[1] - ll[0]) * 111_320 * Math.cos(Math.toRadians(ll[1]));
                double dy = (latLon[0] - ll[1]) * 110_574;
                assertThat(Math.hypot(dx, dy))
                        .as("%s inverse by PROJ", gk.code())
                        .isLessThanOrEqualTo(MAX_ERROR_M);
            }
        }
        assertThat(checked).isEqualTo(64 * 12);
        System.out.printf(Locale.ROOT, "CGCS2000 GK vs PROJ: %d points, worst %.6f mm%n", checked, worst * 1000);
    }

    private static List<double[]> oursForward(GaussKrugerProjection p, List<double[]> lonLat) {
        List<double[]> ne = new ArrayList<>();
        for (double[] ll : lonLat) {
            double[] xy = new double[2];
            p.forwardDegrees(ll[0], ll[1], xy);
            ne.add(new double[] {xy[1], xy[0]});
        }
        return ne;
    }

    /** Runs cs2cs; input pairs are lon/lat (geographic source) or northing/easting (projected source). */
    private static List<double[]> cs2cs(String from, String to, List<double[]> pairs, boolean geographicSource) {
        StringBuilder in = new StringBuilder();
        for (double[] p : pairs) {
            // EPSG axis order: latitude first for EPSG:4490, northing first for the GK systems
            double a = geographicSource ? p[1] : p[0];
            double b = geographicSource ? p[0] : p[1];
            in.append(String.format(Locale.ROOT, "%.12f %.12f%n", a, b));
        }
        String out = ExternalTool.run(List.of("cs2cs", "-f", "%.12f", from, to), in.toString());
        List<double[]> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.trim().split("\\s+");
                result.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        assertThat(result).hasSize(pairs.size());
        return result;
    }

    private static String fmt(double[] v) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", v[0], v[1]);
    }
}
