package org.gengbao.spatial.layer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.geom.IntakeResult;
import org.gengbao.spatial.geom.Repair;
import org.gengbao.spatial.io.FeatureSource;
import org.gengbao.spatial.io.SourceFeature;

/**
 * Reads the features of a delivered file into a {@link LayerVersion}: each geometry through {@link GeometryIntake}
 * (into the working zone, 1 mm grid, validated, repaired only when unambiguous), each attribute set through {@link
 * LayerSchema}; a feature that fails either is rejected with its reason and the rest carry on. Features are processed in
 * parallel batches; the order of the result follows the file.
 */
public final class LayerImporter {
    /** Vertex limit for one reference feature: forest and water polygons of the survey can be very detailed. */
    public static final int MAX_FEATURE_VERTICES = 1_000_000;

    /**
     * Import options.
     *
     * @param crsOverride the coordinate system to assume instead of the file's (null: use the file's)
     * @param strict reject the whole import when any feature is rejected
     */
    public record Options(LocalDate effectiveFrom, Crs crsOverride, FieldMapping mapping, boolean strict) {
        public static Options effective(LocalDate from) {
            return new Options(from, null, FieldMapping.STANDARD, false);
        }
    }

    private static final int BATCH = 2_000;

    private final GaussKrugerCrs workingCrs;
    private final GeometryIntake intake;
    private final AreaMeasure measure;

    public LayerImporter(GaussKrugerCrs workingCrs) {
        this.workingCrs = workingCrs;
        this.intake = new GeometryIntake(workingCrs, MAX_FEATURE_VERTICES);
        this.measure = AreaMeasure.ellipsoidal(workingCrs);
    }

    /**
     * Reads all features of {@code source} as a version of {@code kind}.
     *
     * @param impliedCrs the system the format implies when the file declares none (GeoJSON: EPSG:4490)
     * @throws SpatialInputException when the file's coordinate system is unknown, the file is broken, or (strict) a
     *     feature is rejected
     */
    public ImportResult read(LayerKind kind, FeatureSource source, Optional<Crs> impliedCrs, Options options)
            throws IOException {
        Crs crs = options.crsOverride() != null
                ? options.crsOverride()
                : source.declaredCrs().or(() -> impliedCrs).orElseThrow(LayerImporter::crsMissing);
        String crsNote = crs.code()
                + (options.crsOverride() != null
                        ? " (given)"
                        : source.declaredCrs().isPresent() ? " (declared by the file)" : " (implied by the format)");
        List<ReferenceFeature> features = new ArrayList<>();
        List<FeatureIssue> repaired = new ArrayList<>();
        List<FeatureIssue> rejected = new ArrayList<>();
        long[] counts = new long[3];
        List<SourceFeature> batch = new ArrayList<>(BATCH);
        SourceFeature f;
        while ((f = source.next()) != null) {
            batch.add(f);
            counts[0]++;
            if (batch.size() == BATCH) {
                process(kind, batch, crs, options, features, repaired, rejected, counts);
                batch.clear();
            }
        }
        process(kind, batch, crs, options, features, repaired, rejected, counts);
        ImportReport report =
                new ImportReport(kind, counts[0], features.size(), counts[1], counts[2], repaired, rejected, crsNote);
        if (options.strict() && counts[2] > 0) {
            FeatureIssue first = rejected.get(0);
            throw new SpatialInputException(
                    "IMPORT_REJECTED",
                    "导入被拒绝：" + counts[2] + " 个要素无效，例如第 " + first.record() + " 个：" + first.zh(),
                    "Import refused: " + counts[2] + (counts[2] == 1 ? " feature is" : " features are")
                            + " invalid, e.g. record " + first.record() + ": "
                            + first.en());
        }
        if (features.isEmpty()) {
            FeatureIssue first = rejected.isEmpty() ? null : rejected.get(0);
            throw new SpatialInputException(
                    "IMPORT_EMPTY",
                    "文件中没有可导入的要素（读取 " + counts[0] + " 个，拒绝 " + counts[2] + " 个）"
                            + (first == null ? "" : "，例如第 " + first.record() + " 个：" + first.zh()),
                    "The file has no importable features (" + counts[0] + " read, " + counts[2] + " rejected)"
                            + (first == null ? "" : ", e.g. record " + first.record() + ": " + first.en()));
        }
        return new ImportResult(LayerVersion.of(kind, options.effectiveFrom(), workingCrs, features), report);
    }

    private record Outcome(ReferenceFeature feature, List<Repair> repairs, SpatialInputException rejection) {}

    private void process(
            LayerKind kind,
            List<SourceFeature> batch,
            Crs crs,
            Options options,
            List<ReferenceFeature> features,
            List<FeatureIssue> repaired,
            List<FeatureIssue> rejected,
            long[] counts) {
        List<Outcome> outcomes =
                batch.parallelStream().map(s -> one(kind, s, crs, options)).toList();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            SourceFeature s = batch.get(i);
            if (o.rejection != null) {
                counts[2]++;
                if (rejected.size() < ImportReport.MAX_LISTED) {
                    SpatialInputException e = o.rejection;
                    rejected.add(new FeatureIssue(s.index() + 1, idOf(s), e.code(), e.messageZh(), e.messageEn()));
                }
                continue;
            }
            features.add(o.feature);
            if (!o.repairs.isEmpty()) {
                counts[1]++;
                if (repaired.size() < ImportReport.MAX_LISTED) {
                    for (Repair r : o.repairs) {
                        repaired.add(new FeatureIssue(s.index() + 1, idOf(s), r.code(), r.zh(), r.en()));
                    }
                }
            }
        }
    }

    private Outcome one(LayerKind kind, SourceFeature s, Crs crs, Options options) {
        try {
            if (s.geometry() == null) {
                throw new SpatialInputException("EMPTY_GEOMETRY", "要素没有几何图形", "The feature has no geometry");
            }
            IntakeResult geometry = intake.accept(s.geometry(), crs);
            FeatureTerms terms = LayerSchema.read(kind, s.attributes(), options.mapping());
            ReferenceFeature f = new ReferenceFeature(
                    idOf(s), geometry.geometry(), measure.areaM2(geometry.geometry()), s.attributes(), terms);
            return new Outcome(f, geometry.repairs(), null);
        } catch (SpatialInputException e) {
            return new Outcome(null, List.of(), e);
        }
    }

    private static String idOf(SourceFeature s) {
        Object bsm = s.attributes().get("BSM");
        return bsm != null ? String.valueOf(bsm) : String.valueOf(s.index() + 1);
    }

    private static SpatialInputException crsMissing() {
        return new SpatialInputException(
                "CRS_MISSING",
                "文件未说明坐标系（如缺少 .prj），请用 crs 选项指定（命令行为 --crs），例如 EPSG:4527",
                "The file does not say which coordinate system it is in (no .prj, for example); name it with the crs"
                        + " option (--crs on the command line), e.g. EPSG:4527");
    }
}
