package org.gengbao.spatial.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.generate.PatchGenerator;
import org.gengbao.spatial.layer.FeatureTerms;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.layer.PlanZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Random patches over a generated county: the indexed engine with its shortcuts against a brute-force reference, and
 * the invariants every result must satisfy. Tolerances are relative to the patch area: the national area formula is
 * additive only to ~10⁻⁷ (see EllipsoidalTrapezoidArea), so the sum of pieces and the union differ by that much.
 */
class OverlayOnGeneratedCountyTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);
    private static GeneratedCounty county;
    private static List<LayerVersion> versions;
    private static InMemoryOverlayEngine engine;

    @BeforeAll
    static void build() {
        county = CountyGenerator.generate(CountySpec.of(3, 3000, 0, 300, 300));
        versions = county.toLayerVersions(LocalDate.of(2026, 1, 1));
        engine = InMemoryOverlayEngine.build(county.spec().crs(), versions);
    }

    @Test
    void agreesWithABruteForceReference() {
        BruteForceOverlay ref = new BruteForceOverlay(
                versions, AreaMeasure.ellipsoidal(county.spec().crs()));
        List<Polygon> patches = new PatchGenerator(11, county.spec().crs(), county.extent()).patches(60);
        for (Polygon patch : patches) {
            OverlayMeasurements m = engine.measure(patch, AS_OF);
            double tol = 2e-6 * m.areaM2() + 1e-3;
            Geometry approved = ref.region(patch, LayerKind.APPROVAL, t -> t.inForceOn(AS_OF));
            Geometry supplied = ref.region(patch, LayerKind.SUPPLY, t -> t.inForceOn(AS_OF));
            Geometry facility = ref.region(patch, LayerKind.FACILITY, t -> t.inForceOn(AS_OF));
            Geometry temporary = ref.region(patch, LayerKind.TEMPORARY, t -> t.inForceOn(AS_OF));
            Geometry jbnt = ref.region(patch, LayerKind.JBNT, t -> true);
            Geometry cultivated = ref.region(patch, LayerKind.DLTB, t -> ((FeatureTerms.LandUse) t).cultivated());
            Geometry permitted = BruteForceOverlay.or(BruteForceOverlay.or(approved, temporary), facility);
            Geometry as = BruteForceOverlay.and(approved, supplied);
            assertThat(m.cultivatedM2()).isCloseTo(ref.area(cultivated), within(tol));
            assertThat(m.basicFarmlandM2()).isCloseTo(ref.area(jbnt), within(tol));
            assertThat(m.approvedM2()).isCloseTo(ref.area(approved), within(tol));
            assertThat(m.suppliedM2()).isCloseTo(ref.area(supplied), within(tol));
            assertThat(m.facilityM2()).isCloseTo(ref.area(facility), within(tol));
            assertThat(m.temporaryM2()).isCloseTo(ref.area(temporary), within(tol));
            assertThat(m.approvedAndSuppliedM2()).isCloseTo(ref.area(as), within(tol));
            assertThat(m.legallyCoveredM2()).isCloseTo(ref.area(BruteForceOverlay.or(as, temporary)), within(tol));
            assertThat(m.unapprovedCultivatedM2())
                    .isCloseTo(ref.area(BruteForceOverlay.minus(cultivated, approved)), within(tol));
            assertThat(m.unauthorisedBasicFarmlandM2())
                    .isCloseTo(ref.area(BruteForceOverlay.minus(jbnt, permitted)), within(tol));
            assertThat(m.unauthorisedOtherCultivatedM2())
                    .isCloseTo(
                            ref.area(BruteForceOverlay.minus(BruteForceOverlay.minus(cultivated, jbnt), permitted)),
                            within(tol));
            for (LandUseArea a : m.landUse()) {
                assertThat(a.grossM2())
                        .as("land use %s", a.code())
                        .isCloseTo(ref.landUse(patch, c -> c.equals(a.code())), within(tol));
            }
        }
    }

    @Test
    void invariantsHoldForEveryPatch() {
        List<Polygon> patches = new PatchGenerator(12, county.spec().crs(), county.extent()).patches(300);
        int withApproval = 0;
        for (Polygon patch : patches) {
            OverlayMeasurements m = engine.measure(patch, AS_OF);
            double tol = 2e-6 * m.areaM2() + 1e-3;
            assertThat(m.landUseCoveredM2()).as("the survey covers the county").isCloseTo(m.areaM2(), within(tol));
            assertThat(m.planM2(PlanZone.CONSTRUCTION_CONTROL, "010", "020", "030", "040"))
                    .as("planning zones tile the county")
                    .isCloseTo(m.areaM2(), within(tol));
            assertThat(m.cultivatedNetM2()).isLessThanOrEqualTo(m.cultivatedM2() + tol);
            assertThat(m.basicFarmlandM2()).isLessThanOrEqualTo(m.cultivatedM2() + tol);
            assertThat(m.approvedAndSuppliedM2()).isLessThanOrEqualTo(Math.min(m.approvedM2(), m.suppliedM2()) + tol);
            assertThat(m.legallyCoveredM2()).isLessThanOrEqualTo(m.authorisedM2() + tol);
            assertThat(m.authorisedM2()).isLessThanOrEqualTo(m.areaM2() + tol);
            assertThat(m.unapprovedCultivatedM2())
                    .isLessThanOrEqualTo(m.cultivatedM2() + tol)
                    .isGreaterThanOrEqualTo(m.cultivatedM2() - m.approvedM2() - tol);
            assertThat(m.approvedNotSuppliedM2()).isCloseTo(m.approvedM2() - m.approvedAndSuppliedM2(), within(tol));
            double sumByCode = m.landUse().stream()
                    .filter(a -> LandUseClasses.isCultivated(a.code()))
                    .mapToDouble(LandUseArea::grossM2)
                    .sum();
            assertThat(sumByCode).isCloseTo(m.cultivatedM2(), within(1e-9));
            if (m.approvedM2() > 0) {
                withApproval++;
            }
        }
        assertThat(withApproval).as("some patches meet approvals").isGreaterThan(5);
    }
}
