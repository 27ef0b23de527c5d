package org.gengbao.spatial.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengbao.spatial.testing.TinyCounty.attrs;
import static org.gengbao.spatial.testing.TinyCounty.box;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.testing.TinyCounty;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class ContentHashTest {
    private static ReferenceFeature f(Geometry g, Map<String, Object> a) {
        return new ReferenceFeature("1", g, 0, a, LayerSchema.read(LayerKind.DLTB, a, FieldMapping.STANDARD));
    }

    private static String hash(List<ReferenceFeature> fs) {
        return ContentHash.of(LayerKind.DLTB, TinyCounty.CRS, fs);
    }

    @Test
    void theHashIgnoresOrderOrientationStartVertexAndNumberSpelling() {
        Geometry a = box(0, 0, 10, 10);
        Geometry b = box(10, 0, 20, 10);
        List<ReferenceFeature> one = List.of(
                f(a, attrs("DLBM", "0103", "KCXS", new BigDecimal("0.0800"), "PZRQ", LocalDate.of(2020, 1, 2))),
                f(b, attrs("DLBM", "0101")));
        Geometry aReversed = a.reverse();
        MultiPolygon bAsMulti = b.getFactory()
                .createMultiPolygon(
                        new Polygon[] {(Polygon) TinyCounty.wkt("POLYGON((20 10, 10 10, 10 0, 20 0, 20 10))")});
        List<ReferenceFeature> two = new ArrayList<>(List.of(
                f(bAsMulti, attrs("DLBM", "0101", "EMPTY", null)),
                f(aReversed, attrs("KCXS", new BigDecimal("0.08"), "DLBM", "0103", "PZRQ", "2020-01-02"))));
        assertThat(hash(two)).isEqualTo(hash(one));
    }

    @Test
    void anyChangeOfContentChangesTheHash() {
        List<ReferenceFeature> base = List.of(f(box(0, 0, 10, 10), attrs("DLBM", "0103")));
        assertThat(hash(List.of(f(box(0, 0, 10, 10.001), attrs("DLBM", "0103")))))
                .isNotEqualTo(hash(base));
        assertThat(hash(List.of(f(box(0, 0, 10, 10), attrs("DLBM", "0102"))))).isNotEqualTo(hash(base));
        assertThat(ContentHash.of(LayerKind.JBNT, TinyCounty.CRS, base)).isNotEqualTo(hash(base));
        assertThat(LayerVersion.of(LayerKind.DLTB, LocalDate.of(2026, 1, 1), TinyCounty.CRS, base)
                        .id())
                .matches("dltb-2026-01-01-[0-9a-f]{12}");
    }
}
