package org.gengbao.spatial.tile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengbao.spatial.testing.ExternalTool;

/** PROJ's {@code cs2cs} as the oracle of the tile tests: positions into EPSG:3857. */
final class Proj {
    private Proj() {}

    /** Working easting/northing of the EPSG system {@code gkCode} → EPSG:3857 x, y (metres). */
    static List<double[]> gkToMercator(String gkCode, List<double[]> eastingNorthing) {
        StringBuilder in = new StringBuilder();
        for (double[] p : eastingNorthing) {
            // EPSG axis order of the Gauss-Krüger systems: northing first
            in.append(String.format(Locale.ROOT, "%.6f %.6f%n", p[1], p[0]));
        }
        return run(gkCode, "EPSG:3857", in.toString(), eastingNorthing.size());
    }

    /** Longitude/latitude (CGCS2000) → EPSG:3857 x, y. */
    static List<double[]> lonLatToMercator(List<double[]> lonLat) {
        StringBuilder in = new StringBuilder();
        for (double[] p : lonLat) {
            in.append(String.format(Locale.ROOT, "%.12f %.12f%n", p[1], p[0]));
        }
        return run("EPSG:4490", "EPSG:3857", in.toString(), lonLat.size());
    }

    /** EPSG:3857 x, y → working easting/northing of {@code gkCode}. */
    static List<double[]> mercatorToGk(String gkCode, List<double[]> xy) {
        StringBuilder in = new StringBuilder();
        for (double[] p : xy) {
            in.append(String.format(Locale.ROOT, "%.6f %.6f%n", p[0], p[1]));
        }
        List<double[]> ne = run("EPSG:3857", gkCode, in.toString(), xy.size());
        List<double[]> en = new ArrayList<>();
        for (double[] p : ne) {
            en.add(new double[] {p[1], p[0]});
        }
        return en;
    }

    private static List<double[]> run(String from, String to, String input, int n) {
        String out = ExternalTool.run(List.of("cs2cs", "-f", "%.6f", from, to), input);
        List<double[]> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.trim().split("\\s+");
                result.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        if (result.size() != n) {
            throw new AssertionError("cs2cs returned " + result.size() + " positions for " + n + ": " + out);
        }
        return result;
    }
}
