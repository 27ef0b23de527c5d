package org.gengbao.spatial.overlay;

import java.util.List;
import java.util.Map;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.LayerKind;

/**
 * The figures of one patch against the layers in force on the analysis date. Every area is in m², measured with the
 * engine's area method (ellipsoidal on CGCS2000 by default), unrounded. The meaning of each figure is defined in the
 * package description.
 *
 * @param landUse per DLBM code, largest gross area first
 * @param planning per scheme and zone code, largest first
 * @param layerVersions the id of the version used for each kind; a kind without a version in force is absent
 */
public record OverlayMeasurements(
        double areaM2,
        List<LandUseArea> landUse,
        double basicFarmlandM2,
        List<PlanArea> planning,
        double approvedM2,
        double suppliedM2,
        double facilityM2,
        double temporaryM2,
        double approvedAndSuppliedM2,
        double legallyCoveredM2,
        double authorisedM2,
        double approvedNotSuppliedM2,
        double unapprovedCultivatedM2,
        double unauthorisedBasicFarmlandM2,
        double unauthorisedOtherCultivatedM2,
        double expiredTemporaryM2,
        Map<LayerKind, String> layerVersions) {

    public OverlayMeasurements {
        landUse = List.copyOf(landUse);
        planning = List.copyOf(planning);
        layerVersions = Map.copyOf(layerVersions);
    }

    /** |C|: gross area on cultivated land (0101 + 0102 + 0103). */
    public double cultivatedM2() {
        return landUse.stream()
                .filter(a -> LandUseClasses.isCultivated(a.code()))
                .mapToDouble(LandUseArea::grossM2)
                .sum();
    }

    /** Net cultivated area after the field-ridge deduction. */
    public double cultivatedNetM2() {
        return landUse.stream()
                .filter(a -> LandUseClasses.isCultivated(a.code()))
                .mapToDouble(LandUseArea::netM2)
                .sum();
    }

    /** The part of the patch covered by the land-use layer (Σ gross). */
    public double landUseCoveredM2() {
        return landUse.stream().mapToDouble(LandUseArea::grossM2).sum();
    }

    /** Gross area on the given DLBM codes (exact codes, or prefixes when a code ends with '*'). */
    public double landUseM2(String... codes) {
        double sum = 0;
        for (LandUseArea a : landUse) {
            for (String c : codes) {
                if (c.endsWith("*")
                        ? a.code().startsWith(c.substring(0, c.length() - 1))
                        : a.code().equals(c)) {
                    sum += a.grossM2();
                    break;
                }
            }
        }
        return sum;
    }

    /** Area in the given zone codes of one planning scheme. */
    public double planM2(String scheme, String... codes) {
        double sum = 0;
        for (PlanArea p : planning) {
            if (p.scheme().equals(scheme)) {
                for (String c : codes) {
                    if (p.code().equals(c)) {
                        sum += p.m2();
                    }
                }
            }
        }
        return sum;
    }
}
