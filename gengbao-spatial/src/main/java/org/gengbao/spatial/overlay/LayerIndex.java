package org.gengbao.spatial.overlay;

import java.time.LocalDate;
import java.util.List;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.area.AreaMethod;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.ReferenceFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** The STRtree of one layer version. Immutable once built; queries are thread-safe. */
final class LayerIndex {
    final String versionId;
    final LayerKind kind;
    final LocalDate effectiveFrom;
    final int size;
    private final STRtree tree;

    private LayerIndex(LayerVersion version, STRtree tree) {
        this.versionId = version.id();
        this.kind = version.kind();
        this.effectiveFrom = version.effectiveFrom();
        this.size = version.featureCount();
        this.tree = tree;
    }

    /**
     * Indexes a version. Feature areas are taken from the version (ellipsoidal) unless the engine measures with another
     * method, in which case they are measured again.
     */
    static LayerIndex build(LayerVersion version, AreaMethod method) {
        AreaMeasure measure = method == AreaMethod.ELLIPSOIDAL_TRAPEZOID ? null : AreaMeasure.of(method, version.crs());
        STRtree tree = new STRtree();
        for (ReferenceFeature f : version.features()) {
            double area = measure == null ? f.areaM2() : measure.areaM2(f.geometry());
            IndexedFeature indexed = new IndexedFeature(f.geometry(), area, f.terms());
            tree.insert(indexed.envelope, indexed);
        }
        tree.build();
        return new LayerIndex(version, tree);
    }

    @SuppressWarnings("unchecked")
    List<IndexedFeature> candidates(Envelope envelope) {
        return tree.query(envelope);
    }
}
