package org.gengbao.spatial.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerSchema;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Envelope;

/**
 * A generated county: its towns and villages and the features of every reference layer, in the working Gauss-Krüger
 * system of its {@link CountySpec}.
 */
public record GeneratedCounty(
        CountySpec spec,
        Envelope extent,
        List<AdminUnit> towns,
        List<AdminUnit> villages,
        Map<LayerKind, List<GeneratedFeature>> layers) {

    public GeneratedCounty {
        towns = List.copyOf(towns);
        villages = List.copyOf(villages);
        Map<LayerKind, List<GeneratedFeature>> m = new EnumMap<>(LayerKind.class);
        layers.forEach((k, v) -> m.put(k, List.copyOf(v)));
        layers = Map.copyOf(m);
    }

    public List<GeneratedFeature> features(LayerKind kind) {
        return layers.getOrDefault(kind, List.of());
    }

    /**
     * The county's layers as layer versions effective from {@code effectiveFrom}, read through the same {@link
     * LayerSchema} as imported files (so a version built here and one imported from the written files hash alike).
     */
    public List<LayerVersion> toLayerVersions(LocalDate effectiveFrom) {
        AreaMeasure measure = AreaMeasure.ellipsoidal(spec.crs());
        List<LayerVersion> versions = new ArrayList<>();
        for (LayerKind kind : LayerKind.values()) {
            List<GeneratedFeature> features = features(kind);
            List<ReferenceFeature> refs = features.parallelStream()
                    .map(g -> new ReferenceFeature(
                            String.valueOf(g.attributes().get("BSM")),
                            g.geometry(),
                            measure.areaM2(g.geometry()),
                            g.attributes(),
                            LayerSchema.read(kind, g.attributes(), FieldMapping.STANDARD)))
                    .toList();
            versions.add(LayerVersion.of(kind, effectiveFrom, spec.crs(), refs));
        }
        return versions;
    }

    /** Number of land-use parcels (DLTB features). */
    public int parcelCount() {
        return features(LayerKind.DLTB).size();
    }
}
