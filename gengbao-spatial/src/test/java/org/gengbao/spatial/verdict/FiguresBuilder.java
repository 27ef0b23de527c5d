package org.gengbao.spatial.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.overlay.LandUseArea;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.overlay.PlanArea;

/** A builder of overlay figures for rule tests (test-only; shadows nothing in main). */
final class FiguresBuilder {
    double area = 10_000;
    final List<LandUseArea> landUse = new ArrayList<>();
    double basicFarmland;
    final List<PlanArea> planning = new ArrayList<>();
    double approved;
    double supplied;
    double facility;
    double temporary;
    double approvedAndSupplied;
    double legallyCovered;
    double authorised;
    double approvedNotSupplied;
    double unapprovedCultivated;
    double unauthorisedBasicFarmland;
    double unauthorisedOtherCultivated;
    double expiredTemporary;

    static FiguresBuilder patch(double areaM2) {
        FiguresBuilder b = new FiguresBuilder();
        b.area = areaM2;
        return b;
    }

    FiguresBuilder land(String code, String name, double m2, double kcxs) {
        landUse.add(new LandUseArea(code, name, m2, m2 * (1 - kcxs)));
        return this;
    }

    FiguresBuilder plan(String scheme, String code, String name, double m2) {
        planning.add(new PlanArea(scheme, code, name, m2));
        return this;
    }

    OverlayMeasurements build() {
        return new OverlayMeasurements(
                area,
                landUse,
                basicFarmland,
                planning,
                approved,
                supplied,
                facility,
                temporary,
                approvedAndSupplied,
                legallyCovered,
                authorised,
                approvedNotSupplied,
                unapprovedCultivated,
                unauthorisedBasicFarmland,
                unauthorisedOtherCultivated,
                expiredTemporary,
                Map.of());
    }
}
