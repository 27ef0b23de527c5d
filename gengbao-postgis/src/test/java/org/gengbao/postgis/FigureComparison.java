package org.gengbao.postgis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.overlay.LandUseArea;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.overlay.PlanArea;

/** Every figure of two measurements of the same patch, side by side, with their relative difference. */
final class FigureComparison {
    /**
     * @param relative |a − b| relative to the larger of the two, or — for slivers where both are under 1 m² — relative
     *     to the patch area: a numerical sliver of 10⁻⁴ m² left by noding coincident boundaries has no meaningful size
     *     of its own
     */
    record Difference(String figure, double a, double b, double relative) {}

    private FigureComparison() {}

    static Map<String, Double> figures(OverlayMeasurements m) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("areaM2", m.areaM2());
        f.put("basicFarmlandM2", m.basicFarmlandM2());
        f.put("approvedM2", m.approvedM2());
        f.put("suppliedM2", m.suppliedM2());
        f.put("facilityM2", m.facilityM2());
        f.put("temporaryM2", m.temporaryM2());
        f.put("approvedAndSuppliedM2", m.approvedAndSuppliedM2());
        f.put("legallyCoveredM2", m.legallyCoveredM2());
        f.put("authorisedM2", m.authorisedM2());
        f.put("approvedNotSuppliedM2", m.approvedNotSuppliedM2());
        f.put("unapprovedCultivatedM2", m.unapprovedCultivatedM2());
        f.put("unauthorisedBasicFarmlandM2", m.unauthorisedBasicFarmlandM2());
        f.put("unauthorisedOtherCultivatedM2", m.unauthorisedOtherCultivatedM2());
        f.put("expiredTemporaryM2", m.expiredTemporaryM2());
        for (LandUseArea a : m.landUse()) {
            f.put("gross " + a.code(), a.grossM2());
            f.put("net " + a.code(), a.netM2());
        }
        for (PlanArea p : m.planning()) {
            f.put("plan " + p.key(), p.m2());
        }
        return f;
    }

    /** The differences of every figure (see {@link Difference#relative}). */
    static List<Difference> compare(OverlayMeasurements x, OverlayMeasurements y) {
        Map<String, Double> a = figures(x);
        Map<String, Double> b = figures(y);
        List<Difference> out = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            double va = a.getOrDefault(k, 0.0);
            double vb = b.getOrDefault(k, 0.0);
            double larger = Math.max(Math.abs(va), Math.abs(vb));
            double scale = larger >= 1.0 ? larger : Math.max(x.areaM2(), 1.0);
            out.add(new Difference(k, va, vb, Math.abs(va - vb) / scale));
        }
        return out;
    }
}
