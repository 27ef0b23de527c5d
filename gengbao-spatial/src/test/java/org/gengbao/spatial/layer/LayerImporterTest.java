package org.gengbao.spatial.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.io.FeatureFiles;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.testing.TinyCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerImporterTest {
    private static final LayerImporter IMPORTER = new LayerImporter(TinyCounty.CRS);
    private static final LayerImporter.Options OPTIONS = LayerImporter.Options.effective(LocalDate.of(2026, 1, 1));

    @TempDir
    Path dir;

    private static String feature(String dlbm, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{" + (dlbm == null ? "" : "\"DLBM\":\"" + dlbm + "\"")
                + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}}";
    }

    private Path collection(String... features) throws Exception {
        Path f = dir.resolve("layer.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        return f;
    }

    private static final String SQUARE =
            "[[[117.30,36.10],[117.301,36.10],[117.301,36.101],[117.30,36.101],[117.30,36.10]]]";
    private static final String BOWTIE =
            "[[[117.30,36.10],[117.301,36.101],[117.301,36.10],[117.30,36.101],[117.30,36.10]]]";
    private static final String SPIKE = "[[[117.30,36.10],[117.301,36.10],[117.301,36.1005],[117.302,36.1005],"
            + "[117.301,36.1005],[117.301,36.101],[117.30,36.101],[117.30,36.10]]]";

    @Test
    void badFeaturesAreRejectedWithTheirRecordAndReasonTheRestImported() throws Exception {
        Path file = collection(
                feature("0103", SQUARE), feature(null, SQUARE), feature("0101", BOWTIE), feature("0102", SPIKE));
        try (FeatureSource source = FeatureFiles.open(file, FeatureFiles.ReadOptions.DEFAULT)) {
            ImportResult r = IMPORTER.read(LayerKind.DLTB, source, FeatureFiles.impliedCrs(file), OPTIONS);
            ImportReport report = r.report();
            assertThat(report.read()).isEqualTo(4);
            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.rejected())
                    .extracting(FeatureIssue::record, FeatureIssue::code)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2L, "ATTRIBUTE_MISSING"),
                            org.assertj.core.groups.Tuple.tuple(3L, "SELF_INTERSECTION"));
            assertThat(report.repaired())
                    .extracting(FeatureIssue::record, FeatureIssue::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "SPIKE_REMOVED"));
            assertThat(report.sourceCrs()).isEqualTo("EPSG:4490 (implied by the format)");
            assertThat(r.version().features())
                    .allSatisfy(f -> assertThat(f.geometry().getSRID()).isEqualTo(4527));
        }
    }

    @Test
    void strictImportsRefuseAnyRejection() throws Exception {
        Path file = collection(feature("0103", SQUARE), feature("0101", BOWTIE));
        try (FeatureSource source = FeatureFiles.open(file, FeatureFiles.ReadOptions.DEFAULT)) {
            LayerImporter.Options strict =
                    new LayerImporter.Options(LocalDate.of(2026, 1, 1), null, FieldMapping.STANDARD, true);
            assertThatThrownBy(() -> IMPORTER.read(LayerKind.DLTB, source, FeatureFiles.impliedCrs(file), strict))
                    .isInstanceOfSatisfying(SpatialInputException.class, e -> assertThat(e.code())
                            .isEqualTo("IMPORT_REJECTED"))
                    .hasMessageContaining("record 2");
        }
    }

    @Test
    void aFileWithoutACoordinateSystemNeedsOneGiven() throws Exception {
        Path file = collection(feature("0103", SQUARE));
        try (FeatureSource source = FeatureFiles.open(file, FeatureFiles.ReadOptions.DEFAULT)) {
            assertThatThrownBy(() -> IMPORTER.read(LayerKind.DLTB, source, Optional.empty(), OPTIONS))
                    .isInstanceOfSatisfying(SpatialInputException.class, e -> assertThat(e.code())
                            .isEqualTo("CRS_MISSING"));
        }
        try (FeatureSource source = FeatureFiles.open(file, FeatureFiles.ReadOptions.DEFAULT)) {
            LayerImporter.Options given = new LayerImporter.Options(
                    LocalDate.of(2026, 1, 1), CrsRegistry.WGS84, FieldMapping.STANDARD, false);
            assertThat(IMPORTER.read(LayerKind.DLTB, source, Optional.empty(), given)
                            .report()
                            .sourceCrs())
                    .isEqualTo("EPSG:4326 (given)");
        }
    }

    @Test
    void aFileWithNothingImportableIsRefused() throws Exception {
        Path file = collection(feature(null, SQUARE));
        try (FeatureSource source = FeatureFiles.open(file, FeatureFiles.ReadOptions.DEFAULT)) {
            assertThatThrownBy(() -> IMPORTER.read(LayerKind.DLTB, source, FeatureFiles.impliedCrs(file), OPTIONS))
                    .isInstanceOfSatisfying(SpatialInputException.class, e -> assertThat(e.code())
                            .isEqualTo("IMPORT_EMPTY"));
        }
    }

    @Test
    void unknownFilesAreNamedAsSuch() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello");
        assertThatThrownBy(() -> FeatureFiles.open(f, FeatureFiles.ReadOptions.DEFAULT))
                .isInstanceOfSatisfying(
                        SpatialInputException.class, e -> assertThat(e.code()).isEqualTo("FILE_FORMAT_UNKNOWN"));
    }
}
