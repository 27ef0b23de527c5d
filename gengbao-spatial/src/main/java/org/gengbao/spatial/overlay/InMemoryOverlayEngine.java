package org.gengbao.spatial.overlay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.area.AreaMethod;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.layer.FeatureTerms;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.PlanZone;
import org.locationtech.jts.geom.Geometry;

/**
 * The interactive engine: one STRtree of prepared geometries per layer version, in the county's working Gauss-Krüger
 * system, queried with the patch's envelope; candidates are clipped with containment shortcuts ({@link PatchClipper})
 * and combined with {@link Region} algebra. Immutable and thread-safe; {@link #with} returns a new engine sharing the
 * indexes of unchanged versions, so a new layer version is picked up by swapping one reference.
 */
public final class InMemoryOverlayEngine implements OverlayEngine {
    private final GaussKrugerCrs crs;
    private final AreaMethod method;
    private final AreaMeasure measure;
    private final LayerCatalog catalog;

    private InMemoryOverlayEngine(GaussKrugerCrs crs, AreaMethod method, LayerCatalog catalog) {
        this.crs = crs;
        this.method = method;
        this.measure = AreaMeasure.of(method, crs);
        this.catalog = catalog;
    }

    /** Indexes the given versions (in parallel), measuring with the national ellipsoidal formula. */
    public static InMemoryOverlayEngine build(GaussKrugerCrs crs, Collection<LayerVersion> versions) {
        return build(crs, versions, AreaMethod.ELLIPSOIDAL_TRAPEZOID);
    }

    public static InMemoryOverlayEngine build(
            GaussKrugerCrs crs, Collection<LayerVersion> versions, AreaMethod method) {
        for (LayerVersion v : versions) {
            if (v.crs().epsg() != crs.epsg()) {
                throw new IllegalArgumentException(
                        "layer version " + v.id() + " is in " + v.crs().code() + ", not " + crs.code());
            }
        }
        List<LayerIndex> indexes =
                versions.parallelStream().map(v -> LayerIndex.build(v, method)).toList();
        return new InMemoryOverlayEngine(crs, method, new LayerCatalog(indexes));
    }

    /** A new engine with {@code version} added to the indexed ones. */
    public InMemoryOverlayEngine with(LayerVersion version) {
        List<LayerIndex> indexes = new ArrayList<>(catalog.all());
        indexes.removeIf(i -> i.versionId.equals(version.id()));
        indexes.add(LayerIndex.build(version, method));
        return new InMemoryOverlayEngine(crs, method, new LayerCatalog(indexes));
    }

    @Override
    public GaussKrugerCrs workingCrs() {
        return crs;
    }

    @Override
    public AreaMethod areaMethod() {
        return method;
    }

    /** Total number of indexed features across versions. */
    public long indexedFeatures() {
        return catalog.all().stream().mapToLong(i -> i.size).sum();
    }

    @Override
    public OverlayMeasurements measure(Geometry patch, LocalDate asOf) {
        PatchClipper clip = new PatchClipper(patch, measure);
        clip.rememberShapes();
        Map<LayerKind, String> versions = new EnumMap<>(LayerKind.class);

        Map<String, double[]> grossNet = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Piece> cultivated = new ArrayList<>();
        for (Piece p : pieces(LayerKind.DLTB, clip, asOf, versions, t -> true)) {
            FeatureTerms.LandUse t = (FeatureTerms.LandUse) p.feature().terms;
            double[] acc = grossNet.computeIfAbsent(t.code(), c -> new double[2]);
            acc[0] += p.areaM2();
            acc[1] += p.areaM2() * (1.0 - t.deductionCoefficient());
            names.putIfAbsent(t.code(), t.name());
            if (t.cultivated()) {
                cultivated.add(p);
            }
        }
        List<LandUseArea> landUse = new ArrayList<>();
        grossNet.forEach((code, a) -> landUse.add(new LandUseArea(code, names.get(code), a[0], a[1])));
        landUse.sort(Comparator.comparingDouble(LandUseArea::grossM2).reversed());

        Region basicFarmland = union(LayerKind.JBNT, clip, asOf, versions, t -> true);
        List<PlanArea> planning = planning(clip, asOf, versions);

        Region approved = union(LayerKind.APPROVAL, clip, asOf, versions, t -> t.inForceOn(asOf));
        Region supplied = union(LayerKind.SUPPLY, clip, asOf, versions, t -> t.inForceOn(asOf));
        Region facility = union(LayerKind.FACILITY, clip, asOf, versions, t -> t.inForceOn(asOf));
        List<Piece> temporaryPieces = pieces(LayerKind.TEMPORARY, clip, asOf, versions, t -> true);
        Region temporary = Region.unionOf(clip, filter(temporaryPieces, t -> t.inForceOn(asOf)));
        Region expired =
                Region.unionOf(clip, filter(temporaryPieces, t -> ((FeatureTerms.Temporary) t).expiredBy(asOf)));

        Region approvedAndSupplied = approved.and(supplied);
        Region legallyCovered = approvedAndSupplied.or(temporary);
        Region authorised = legallyCovered.or(facility);
        Region permitted = approved.or(temporary).or(facility);

        return new OverlayMeasurements(
                clip.patchAreaM2,
                landUse,
                basicFarmland.areaM2(),
                planning,
                approved.areaM2(),
                supplied.areaM2(),
                facility.areaM2(),
                temporary.areaM2(),
                approvedAndSupplied.areaM2(),
                legallyCovered.areaM2(),
                authorised.areaM2(),
                approved.minus(supplied).areaM2(),
                approved.areaOutside(cultivated),
                basicFarmland.minus(permitted).areaM2(),
                Region.areaOutsideEither(cultivated, basicFarmland, permitted),
                expired.minus(permitted).areaM2(),
                versions);
    }

    private List<PlanArea> planning(PatchClipper clip, LocalDate asOf, Map<LayerKind, String> versions) {
        Map<String, List<Piece>> byKey = new LinkedHashMap<>();
        Map<String, PlanZone> zones = new LinkedHashMap<>();
        for (Piece p : pieces(LayerKind.PLAN, clip, asOf, versions, t -> true)) {
            for (PlanZone z : ((FeatureTerms.Plan) p.feature().terms).zones()) {
                byKey.computeIfAbsent(z.key(), k -> new ArrayList<>()).add(p);
                zones.putIfAbsent(z.key(), z);
            }
        }
        List<PlanArea> planning = new ArrayList<>();
        byKey.forEach((key, ps) -> {
            PlanZone z = zones.get(key);
            planning.add(new PlanArea(
                    z.scheme(), z.code(), z.name(), Region.unionOf(clip, ps).areaM2()));
        });
        planning.sort(Comparator.comparingDouble(PlanArea::m2).reversed());
        return planning;
    }

    private Region union(
            LayerKind kind,
            PatchClipper clip,
            LocalDate asOf,
            Map<LayerKind, String> versions,
            Predicate<FeatureTerms> counts) {
        return Region.unionOf(clip, pieces(kind, clip, asOf, versions, counts));
    }

    private List<Piece> pieces(
            LayerKind kind,
            PatchClipper clip,
            LocalDate asOf,
            Map<LayerKind, String> versions,
            Predicate<FeatureTerms> counts) {
        LayerIndex index = catalog.inForce(kind, asOf);
        if (index == null) {
            return List.of();
        }
        versions.put(kind, index.versionId);
        List<Piece> pieces = new ArrayList<>();
        for (IndexedFeature f : index.candidates(clip.envelope)) {
            if (counts.test(f.terms)) {
                Piece p = clip.clip(f, index);
                if (p != null) {
                    pieces.add(p);
                }
            }
        }
        return pieces;
    }

    private static List<Piece> filter(List<Piece> pieces, Predicate<FeatureTerms> keep) {
        return pieces.stream().filter(p -> keep.test(p.feature().terms)).toList();
    }
}
