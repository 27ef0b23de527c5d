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
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

/** The STRtree of one layer version. Immutable once built; queries are thread-safe. */
final class LayerIndex {
    final String versionId;
    final LayerKind kind;
    final LocalDate effectiveFrom;
    final int size;
    private final STRtree tree;
    private final java.util.Map<Long, Boolean> overlaps = new java.util.concurrent.ConcurrentHashMap<>();

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
        int ordinal = 0;
        for (ReferenceFeature f : version.features()) {
            double area = measure == null ? f.areaM2() : measure.areaM2(f.geometry());
            IndexedFeature indexed = new IndexedFeature(ordinal++, f.geometry(), area, f.terms());
            tree.insert(indexed.envelope, indexed);
        }
        tree.build();
        return new LayerIndex(version, tree);
    }

    @SuppressWarnings("unchecked")
    List<IndexedFeature> candidates(Envelope envelope) {
        return tree.query(envelope);
    }

    /**
     * Whether the interiors of two features of this layer overlap (a data error in a layer that should be a
     * partition, or normal for approvals). Answered by RelateNG once per pair and remembered.
     */
    boolean interiorsOverlap(IndexedFeature a, IndexedFeature b) {
        if (a == b) {
            return true;
        }
        if (!a.envelope.intersects(b.envelope)) {
            return false;
        }
        long key = a.ordinal < b.ordinal ? ((long) a.ordinal << 32) | b.ordinal : ((long) b.ordinal << 32) | a.ordinal;
        return overlaps.computeIfAbsent(
                key, k -> RelateNG.relate(a.geometry, b.geometry, RelatePredicate.matches("T********")));
    }
}
