package org.gengbao.spatial.io.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengbao.spatial.io.SampleFeatures.GK39;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Many features through the streaming writer and reader (the reader never builds a tree of the whole document). */
class GeoJsonStreamingTest {
    private static final int COUNT = 50_000;

    @TempDir
    Path dir;

    @Test
    void fiftyThousandParcelsStreamThrough() throws IOException {
        Path file = dir.resolve("many.geojson");
        GeometryFactory gf = WorkingPrecision.factory(GK39);
        List<FieldDef> fields = List.of(FieldDef.integer("TBBH", 10), FieldDef.decimal("TBMJ", 12, 2));
        try (GeoJsonWriter w = GeoJsonWriter.create(file, GK39, fields, 3)) {
            for (int i = 0; i < COUNT; i++) {
                double x = 39_500_000 + (i % 250) * 20.0;
                double y = 3_500_000 + (i / 250) * 20.0;
                w.write(
                        gf.createPolygon(new Coordinate[] {
                            new Coordinate(x, y),
                            new Coordinate(x + 15, y),
                            new Coordinate(x + 15, y + 12.5),
                            new Coordinate(x, y)
                        }),
                        Map.of("TBBH", (long) i, "TBMJ", BigDecimal.valueOf(9375, 2)));
            }
        }
        long n = 0;
        double area = 0;
        try (GeoJsonFeatureReader r = GeoJsonFeatureReader.open(file)) {
            for (SourceFeature f = r.next(); f != null; f = r.next()) {
                assertThat(f.index()).isEqualTo(n);
                assertThat(f.attributes().get("TBBH")).isEqualTo(n);
                area += f.geometry().getArea();
                n++;
            }
        }
        assertThat(n).isEqualTo(COUNT);
        assertThat(area).isEqualTo(COUNT * 93.75);
    }
}
