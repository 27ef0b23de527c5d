package org.gengbao.spatial.io.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengbao.spatial.io.SampleFeatures.FIELDS;
import static org.gengbao.spatial.io.SampleFeatures.GK39;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.Gdal;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * 100 000 small parcels, the size of a county's land-use layer: batched writing must stay fast (about 2 s on a 2-core
 * machine; the bound below only catches a regression to row-by-row commits) and reading streams them back.
 */
class GeoPackageBulkWriteTest {
    private static final int COUNT = 100_000;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandParcels() throws IOException {
        Path file = dir.resolve("county.gpkg");
        GeometryFactory gf = WorkingPrecision.factory(GK39);
        long start = System.nanoTime();
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "DLTB", GK39, "POLYGON", FIELDS)) {
            for (int i = 0; i < COUNT; i++) {
                double x = 39_500_000 + (i % 300) * 20.0;
                double y = 3_500_000 + (i / 300) * 20.0;
                Map<String, Object> a = new HashMap<>();
                a.put("DLMC", i % 2 == 0 ? "旱地" : "水田");
                a.put("QSDWMC", "张家村");
                a.put("TBBH", (long) i);
                a.put("TBMJ", BigDecimal.valueOf(i, 2));
                a.put("BGRQ", LocalDate.of(2024, 1, 1).plusDays(i % 365));
                w.write(
                        gf.createPolygon(new Coordinate[] {
                            new Coordinate(x, y),
                            new Coordinate(x + 15, y),
                            new Coordinate(x + 15, y + 12),
                            new Coordinate(x + 3, y + 14),
                            new Coordinate(x, y)
                        }),
                        a);
            }
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("GeoPackage: wrote %d polygons in %.2f s%n", COUNT, writeSeconds);
        assertThat(writeSeconds).as("seconds to write %d polygons", COUNT).isLessThan(60);

        long n = 0;
        try (GeoPackageReader r = GeoPackageReader.open(file, null)) {
            assertThat(r.size()).isEqualTo(COUNT);
            for (SourceFeature f = r.next(); f != null; f = r.next()) {
                assertThat(f.attributes().get("TBBH")).isEqualTo(n);
                n++;
            }
        }
        assertThat(n).isEqualTo(COUNT);
        assertThat(Gdal.ogrinfo("-so", file, "DLTB").ok())
                .contains("Feature Count: " + COUNT)
                .contains("Extent: (39500000.000000, 3500000.000000) - (39505995.000000, 3506674.000000)");
    }
}
