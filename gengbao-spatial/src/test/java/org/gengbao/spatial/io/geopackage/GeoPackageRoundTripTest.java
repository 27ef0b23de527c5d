package org.gengbao.spatial.io.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengbao.spatial.io.SampleFeatures.FIELDS;
import static org.gengbao.spatial.io.SampleFeatures.GK39;
import static org.gengbao.spatial.io.SampleFeatures.MULTIPOLYGON_GK;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_DEG;
import static org.gengbao.spatial.io.SampleFeatures.POLYGON_WITH_HOLE_GK;
import static org.gengbao.spatial.io.SampleFeatures.geometry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.io.FieldType;
import org.gengbao.spatial.io.SampleFeatures;
import org.gengbao.spatial.io.SourceFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

class GeoPackageRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void polygonWithHoleMultipolygonChineseTextDecimalsDatesAndNullsSurvive() throws IOException {
        Path file = dir.resolve("dltb.gpkg");
        Geometry withHole = geometry(POLYGON_WITH_HOLE_GK, GK39);
        Geometry multi = geometry(MULTIPOLYGON_GK, GK39);
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "DLTB", GK39, "MULTIPOLYGON", FIELDS)) {
            w.write(withHole, SampleFeatures.dryLand());
            w.write(multi, SampleFeatures.paddyWithNulls());
            w.write(null, Map.of());
            assertThat(w.count()).isEqualTo(3);
        }

        try (GeoPackageReader r = GeoPackageReader.open(file, null)) {
            assertThat(r.table()).isEqualTo("DLTB");
            assertThat(r.declaredCrs()).contains(GK39);
            assertThat(r.size()).isEqualTo(3);
            assertThat(r.fields())
                    .containsExactly(
                            FieldDef.string("DLMC", 20),
                            FieldDef.string("QSDWMC", 40),
                            FieldDef.integer("TBBH", 20),
                            new FieldDef("TBMJ", FieldType.DECIMAL, 0, 0),
                            FieldDef.date("BGRQ"));

            SourceFeature first = r.next();
            assertThat(first.index()).isZero();
            // a polygon written to a MULTIPOLYGON layer is promoted to a one-part multipolygon
            assertThat(first.geometry().getGeometryType()).isEqualTo("MultiPolygon");
            assertThat(first.geometry().getGeometryN(0).equalsExact(withHole)).isTrue();
            assertThat(first.geometry().getSRID()).isEqualTo(4527);
            assertThat(first.attributes()).containsExactlyEntriesOf(SampleFeatures.dryLand());

            SourceFeature second = r.next();
            assertThat(second.geometry().equalsExact(multi)).isTrue();
            assertThat(second.attributes()).containsExactlyEntriesOf(SampleFeatures.paddyWithNullsAsRead());

            SourceFeature third = r.next();
            assertThat(third.index()).isEqualTo(2);
            assertThat((Object) third.geometry()).isNull();
            assertThat(third.attributes()).hasSize(5).allSatisfy((k, v) -> assertThat(v)
                    .isNull());

            assertThat(r.next()).isNull();
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void oneFileHoldsSeveralLayersWhichMustBeChosenByName() throws IOException {
        Path file = dir.resolve("layers.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "DLTB", GK39, "POLYGON", FIELDS)) {
            w.write(geometry(POLYGON_WITH_HOLE_GK, GK39), SampleFeatures.dryLand());
        }
        try (GeoPackageWriter w = GeoPackageWriter.create(
                file, "JBNTBHTB", CrsRegistry.CGCS2000, "GEOMETRY", List.of(FieldDef.string("BH", 10)))) {
            w.write(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000), Map.of("BH", "  A-1 "));
            w.write(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000), Map.of("BH", "   "));
        }

        assertThatThrownBy(() -> GeoPackageReader.open(file, null))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("GPKG_SEVERAL_TABLES");
                    assertThat(e.getMessage()).contains("DLTB", "JBNTBHTB");
                    assertThat(e.messageZh()).contains("DLTB", "JBNTBHTB");
                });
        try (GeoPackageReader r = GeoPackageReader.open(file, "jbntbhtb")) {
            assertThat(r.table()).isEqualTo("JBNTBHTB");
            assertThat(r.declaredCrs()).contains(CrsRegistry.CGCS2000);
            assertThat(r.size()).isEqualTo(2);
            // strings are trimmed, and blank strings are null
            assertThat(r.next().attributes()).containsEntry("BH", "A-1");
            assertThat(r.next().attributes()).containsEntry("BH", null);
        }
        try (GeoPackageReader r = GeoPackageReader.open(file, "DLTB")) {
            assertThat(r.declaredCrs()).contains(GK39);
            assertThat(r.next().attributes()).containsEntry("DLMC", "旱地");
        }
        assertThatThrownBy(() -> GeoPackageReader.open(file, "LXDW"))
                .isInstanceOfSatisfying(SpatialInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("GPKG_TABLE_NOT_FOUND");
                    assertThat(e.getMessage()).contains("LXDW", "DLTB", "JBNTBHTB");
                });
    }

    @Test
    void addingATableThatExistsIsRefused() throws IOException {
        Path file = dir.resolve("twice.gpkg");
        GeoPackageWriter.create(file, "DLTB", GK39, "POLYGON", FIELDS).close();
        assertThatThrownBy(() -> GeoPackageWriter.create(file, "dltb", GK39, "POLYGON", FIELDS))
                .isInstanceOfSatisfying(
                        SpatialInputException.class, e -> assertThat(e.code()).isEqualTo("GPKG_TABLE_EXISTS"));
    }

    @Test
    void writerRefusesMisuse() throws IOException {
        Path file = dir.resolve("misuse.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "DLTB", GK39, "POLYGON", FIELDS)) {
            Geometry polygon = geometry(POLYGON_WITH_HOLE_GK, GK39);
            assertThatThrownBy(() -> w.write(geometry(MULTIPOLYGON_GK, GK39), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MultiPolygon");
            assertThatThrownBy(() -> w.write(polygon, Map.of("NOPE", "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NOPE");
            assertThatThrownBy(() -> w.write(polygon, Map.of("TBBH", "12")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TBBH");
            assertThatThrownBy(() -> w.write(geometry(POLYGON_WITH_HOLE_DEG, CrsRegistry.CGCS2000), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SRID 4490");
        }
        assertThatThrownBy(() -> GeoPackageWriter.create(file, "gpkg_x", GK39, "POLYGON", FIELDS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeoPackageWriter.create(file, "T2", GK39, "CIRCLE", FIELDS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeoPackageWriter.create(
                        file, "T3", GK39, "POLYGON", List.of(FieldDef.string("A", 1), FieldDef.string("a", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyGeometriesStayEmpty() throws IOException {
        Path file = dir.resolve("empty.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "T", GK39, "GEOMETRY", List.of())) {
            w.write(geometry("POINT EMPTY", GK39), Map.of());
            w.write(geometry("POLYGON EMPTY", GK39), Map.of());
            w.write(geometry("POINT (39500000 3500000)", GK39), Map.of());
        }
        try (GeoPackageReader r = GeoPackageReader.open(file, null)) {
            assertThat(r.fields()).isEmpty();
            assertThat(r.next().geometry().toText()).isEqualTo("POINT EMPTY");
            assertThat(r.next().geometry().toText()).isEqualTo("POLYGON EMPTY");
            assertThat(r.next().geometry().toText()).isEqualTo("POINT (39500000 3500000)");
        }
    }
}
