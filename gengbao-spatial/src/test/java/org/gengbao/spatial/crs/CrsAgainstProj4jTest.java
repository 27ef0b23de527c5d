package org.gengbao.spatial.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/** The Krüger-series projection against proj4j, the third independent implementation (EPSG definitions of proj4j). */
class CrsAgainstProj4jTest {

    @Test
    void agreesWithProj4jWithinOneMillimetreInsideEveryZone() {
        CRSFactory factory = new CRSFactory();
        Random random = new Random(42);
        for (Crs crs : CrsRegistry.all()) {
            if (!(crs instanceof GaussKrugerCrs gk)) {
                continue;
            }
            CoordinateTransform t = new CoordinateTransformFactory()
                    .createTransform(factory.createFromName("EPSG:4490"), factory.createFromName(gk.code()));
            GaussKrugerProjection ours = GaussKrugerProjection.of(gk);
            for (int i = 0; i < 20; i++) {
                double lon = gk.centralMeridianDeg()
                        + (random.nextDouble() * 2 - 1) * gk.width().degrees() / 2.0;
                double lat = 18 + random.nextDouble() * 35;
                ProjCoordinate theirs = new ProjCoordinate();
                t.transform(new ProjCoordinate(lon, lat), theirs);
                double[] xy = new double[2];
                ours.forwardDegrees(lon, lat, xy);
                assertThat(Math.hypot(xy[0] - theirs.x, xy[1] - theirs.y))
                        .as("%s at %.5f, %.5f", gk.code(), lon, lat)
                        .isLessThan(0.001);
            }
        }
    }
}
