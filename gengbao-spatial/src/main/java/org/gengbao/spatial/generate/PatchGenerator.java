package org.gengbao.spatial.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Random suspected-violation patches for tests and benchmarks: simple star-shaped outlines of 0.05–5 ha (log-uniform)
 * with 10–200 vertices (uniform), placed uniformly inside an extent, on the 1 mm grid. Deterministic by seed.
 */
public final class PatchGenerator {
    private final Random random;
    private final GaussKrugerCrs crs;
    private final Envelope extent;

    public PatchGenerator(long seed, GaussKrugerCrs crs, Envelope extent) {
        this.random = new Random(seed);
        this.crs = crs;
        this.extent = extent;
    }

    public List<Polygon> patches(int count) {
        List<Polygon> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(next());
        }
        return out;
    }

    public Polygon next() {
        double areaM2 = Math.exp(Math.log(500) + random.nextDouble() * Math.log(50_000.0 / 500));
        int vertices = 10 + random.nextInt(191);
        double radius = Math.sqrt(areaM2 / Math.PI);
        double cx = extent.getMinX() + 1.5 * radius + random.nextDouble() * (extent.getWidth() - 3 * radius);
        double cy = extent.getMinY() + 1.5 * radius + random.nextDouble() * (extent.getHeight() - 3 * radius);
        double stretch = 0.6 + random.nextDouble() * 0.8;
        double rotation = random.nextDouble() * Math.PI;
        Coordinate[] c = new Coordinate[vertices + 1];
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < vertices; i++) {
            double a = phase + 2 * Math.PI * i / vertices;
            double r = radius * (0.8 + 0.4 * random.nextDouble());
            double x = r * Math.cos(a) * stretch;
            double y = r * Math.sin(a) / stretch;
            double xr = x * Math.cos(rotation) - y * Math.sin(rotation);
            double yr = x * Math.sin(rotation) + y * Math.cos(rotation);
            c[i] = new Coordinate(mm(cx + xr), mm(cy + yr));
        }
        c[vertices] = c[0].copy();
        Polygon p = WorkingPrecision.factory(crs).createPolygon(c);
        return p.isValid() ? p : next();
    }

    private static double mm(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
