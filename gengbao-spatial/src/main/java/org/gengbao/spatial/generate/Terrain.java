package org.gengbao.spatial.generate;

import java.util.Random;

/** A smooth "elevation" in [0, 1] over the county: a tilted plain with a few hills, deterministic by seed. */
final class Terrain {
    private final double x0;
    private final double y0;
    private final double size;
    private final double[][] hills;
    private final double tiltX;
    private final double tiltY;

    Terrain(Random r, double x0, double y0, double width, double height) {
        this.x0 = x0;
        this.y0 = y0;
        this.size = Math.max(width, height);
        this.tiltX = r.nextDouble() * 0.3;
        this.tiltY = r.nextDouble() * 0.3;
        int n = 3 + r.nextInt(3);
        hills = new double[n][];
        for (int k = 0; k < n; k++) {
            hills[k] = new double[] {
                r.nextDouble(), r.nextDouble(), 0.08 + r.nextDouble() * 0.15, 0.5 + r.nextDouble() * 0.6
            };
        }
    }

    double at(double x, double y) {
        double u = (x - x0) / size;
        double v = (y - y0) / size;
        double e = tiltX * u + tiltY * v;
        for (double[] h : hills) {
            double d2 = (u - h[0]) * (u - h[0]) + (v - h[1]) * (v - h[1]);
            e += h[3] * Math.exp(-d2 / (2 * h[2] * h[2]));
        }
        return Math.max(0, Math.min(1, e));
    }
}
