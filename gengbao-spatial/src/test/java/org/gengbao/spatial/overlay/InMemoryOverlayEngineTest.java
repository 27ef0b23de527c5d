package org.gengbao.spatial.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gengbao.spatial.testing.TinyCounty.attrs;
import static org.gengbao.spatial.testing.TinyCounty.box;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gengbao.spatial.area.AreaMethod;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.testing.TinyCounty;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * The overlay figures on a hand-made county, measured with planar area so every expected value can be read off the
 * fixture: four 100 m squares — A paddy (KCXS 0.05) south-west, B dry land (KCXS 0.10) south-east, C homestead
 * north-west, D rural road north-east; A is basic farmland; the west half is a restricted construction zone, the east
 * half allowed.
 */
class InMemoryOverlayEngineTest {
    private static final LocalDate D2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    private static TinyCounty base() {
        return new TinyCounty()
                .layer(
                        LayerKind.DLTB,
                        D2020,
                        box(0, 0, 100, 100),
                        attrs("DLBM", "0101", "DLMC", "水田", "KCXS", new BigDecimal("0.05")),
                        box(100, 0, 200, 100),
                        attrs("DLBM", "0103", "DLMC", "旱地", "KCXS", new BigDecimal("0.10")),
                        box(0, 100, 100, 200),
                        attrs("DLBM", "0702", "DLMC", "农村宅基地"),
                        box(100, 100, 200, 200),
                        attrs("DLBM", "1006", "DLMC", "农村道路"))
                .layer(LayerKind.JBNT, D2020, box(0, 0, 100, 100), attrs("JBNTTBBH", "JB1"))
                .layer(
                        LayerKind.PLAN,
                        D2020,
                        box(0, 0, 100, 200),
                        attrs("GZQLXDM", "030", "TDYTQLXDM", "010"),
                        box(100, 0, 200, 200),
                        attrs("GZQLXDM", "010", "TDYTQLXDM", "030"));
    }

    private static OverlayMeasurements measure(TinyCounty county, Geometry patch, LocalDate asOf) {
        return InMemoryOverlayEngine.build(TinyCounty.CRS, county.versions(), AreaMethod.PLANAR)
                .measure(patch, asOf);
    }

    @Test
    void patchInsideOneParcel() {
        OverlayMeasurements m = measure(base(), box(10, 10, 30, 40), AS_OF);
        assertThat(m.areaM2()).isCloseTo(600, within(1e-9));
        assertThat(m.landUse()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("0101");
            assertThat(a.grossM2()).isCloseTo(600, within(1e-9));
            assertThat(a.netM2()).isCloseTo(570, within(1e-9));
        });
        assertThat(m.cultivatedM2()).isCloseTo(600, within(1e-9));
        assertThat(m.basicFarmlandM2()).isCloseTo(600, within(1e-9));
        assertThat(m.planM2("GZQLXDM", "030")).isCloseTo(600, within(1e-9));
        assertThat(m.planM2("TDYTQLXDM", "010")).isCloseTo(600, within(1e-9));
        assertThat(m.unapprovedCultivatedM2()).isCloseTo(600, within(1e-9));
        assertThat(m.unauthorisedBasicFarmlandM2()).isCloseTo(600, within(1e-9));
        assertThat(m.unauthorisedOtherCultivatedM2()).isCloseTo(0, within(1e-9));
    }

    @Test
    void patchAcrossFourParcelsAndTwoZones() {
        OverlayMeasurements m = measure(base(), box(50, 50, 150, 130), AS_OF);
        assertThat(m.areaM2()).isCloseTo(8000, within(1e-9));
        assertThat(m.landUseM2("0101")).isCloseTo(2500, within(1e-9));
        assertThat(m.landUseM2("0103")).isCloseTo(2500, within(1e-9));
        assertThat(m.landUseM2("0702")).isCloseTo(1500, within(1e-9));
        assertThat(m.landUseM2("1006")).isCloseTo(1500, within(1e-9));
        assertThat(m.landUseCoveredM2()).isCloseTo(8000, within(1e-9));
        assertThat(m.cultivatedM2()).isCloseTo(5000, within(1e-9));
        assertThat(m.cultivatedNetM2()).isCloseTo(2500 * 0.95 + 2500 * 0.90, within(1e-9));
        assertThat(m.basicFarmlandM2()).isCloseTo(2500, within(1e-9));
        assertThat(m.planM2("GZQLXDM", "030")).isCloseTo(4000, within(1e-9));
        assertThat(m.planM2("GZQLXDM", "010")).isCloseTo(4000, within(1e-9));
        assertThat(m.unauthorisedOtherCultivatedM2()).isCloseTo(2500, within(1e-9));
        assertThat(m.landUse().get(0).grossM2())
                .isGreaterThanOrEqualTo(m.landUse().get(3).grossM2());
    }

    @Test
    void aPatchCoveringWholeParcelsUsesTheirAreasAndPartlyOutsideTheSurvey() {
        OverlayMeasurements m = measure(base(), box(-50, -50, 250, 100), AS_OF);
        assertThat(m.areaM2()).isCloseTo(300 * 150, within(1e-9));
        assertThat(m.landUseCoveredM2()).isCloseTo(20_000, within(1e-9));
        assertThat(m.cultivatedM2()).isCloseTo(20_000, within(1e-9));
    }

    @Test
    void overlappingApprovalsCountOnceAndOnlyFromTheirDate() {
        TinyCounty county = base().layer(
                        LayerKind.APPROVAL,
                        D2020,
                        box(0, 0, 60, 100),
                        attrs("PZWH", "a", "PZRQ", LocalDate.of(2021, 5, 1)),
                        box(40, 0, 100, 100),
                        attrs("PZWH", "b", "PZRQ", "2022-03-01"),
                        box(0, 0, 100, 100),
                        attrs("PZWH", "future", "PZRQ", LocalDate.of(2030, 1, 1)));
        Geometry patch = box(0, 0, 100, 50);
        OverlayMeasurements m = measure(county, patch, AS_OF);
        assertThat(m.approvedM2()).isCloseTo(5000, within(1e-9));
        assertThat(m.unapprovedCultivatedM2()).isCloseTo(0, within(1e-9));
        OverlayMeasurements before = measure(county, patch, LocalDate.of(2021, 12, 31));
        assertThat(before.approvedM2()).isCloseTo(3000, within(1e-9));
        assertThat(before.unapprovedCultivatedM2()).isCloseTo(2000, within(1e-9));
        assertThat(measure(county, patch, LocalDate.of(2021, 4, 30)).approvedM2())
                .isZero();
    }

    @Test
    void approvalSupplyFacilityAndTemporaryCombine() {
        TinyCounty county = base().layer(LayerKind.APPROVAL, D2020, box(0, 0, 100, 100), attrs("PZRQ", "2021-01-01"))
                .layer(LayerKind.SUPPLY, D2020, box(0, 0, 60, 100), attrs("GDRQ", "2021-06-01"))
                .layer(LayerKind.FACILITY, D2020, box(100, 0, 140, 100), attrs("BARQ", "2022-01-01"))
                .layer(
                        LayerKind.TEMPORARY,
                        D2020,
                        box(140, 0, 170, 100),
                        attrs("QSRQ", "2025-01-01", "ZZRQ", "2026-12-31"),
                        box(170, 0, 200, 100),
                        attrs("QSRQ", "2023-01-01", "ZZRQ", "2024-12-31"));
        OverlayMeasurements m = measure(county, box(0, 0, 200, 100), AS_OF);
        assertThat(m.areaM2()).isCloseTo(20_000, within(1e-9));
        assertThat(m.approvedM2()).isCloseTo(10_000, within(1e-9));
        assertThat(m.suppliedM2()).isCloseTo(6000, within(1e-9));
        assertThat(m.approvedAndSuppliedM2()).isCloseTo(6000, within(1e-9));
        assertThat(m.approvedNotSuppliedM2()).isCloseTo(4000, within(1e-9));
        assertThat(m.facilityM2()).isCloseTo(4000, within(1e-9));
        assertThat(m.temporaryM2()).isCloseTo(3000, within(1e-9));
        assertThat(m.legallyCoveredM2()).isCloseTo(9000, within(1e-9));
        assertThat(m.authorisedM2()).isCloseTo(13_000, within(1e-9));
        assertThat(m.expiredTemporaryM2()).isCloseTo(3000, within(1e-9));
        assertThat(m.unapprovedCultivatedM2()).isCloseTo(10_000, within(1e-9));
        assertThat(m.unauthorisedBasicFarmlandM2()).isCloseTo(0, within(1e-9));
        assertThat(m.unauthorisedOtherCultivatedM2()).isCloseTo(3000, within(1e-9));
        OverlayMeasurements earlier = measure(county, box(0, 0, 200, 100), LocalDate.of(2024, 6, 1));
        assertThat(earlier.temporaryM2()).isCloseTo(3000, within(1e-9));
        assertThat(earlier.expiredTemporaryM2()).isZero();
    }

    @Test
    void theVersionInForceOnTheAnalysisDateIsUsedAndReported() {
        TinyCounty county =
                base().layer(LayerKind.DLTB, LocalDate.of(2025, 1, 1), box(0, 0, 200, 200), attrs("DLBM", "0601"));
        InMemoryOverlayEngine engine =
                InMemoryOverlayEngine.build(TinyCounty.CRS, county.versions(), AreaMethod.PLANAR);
        OverlayMeasurements old = engine.measure(box(10, 10, 20, 20), LocalDate.of(2024, 12, 31));
        OverlayMeasurements now = engine.measure(box(10, 10, 20, 20), LocalDate.of(2025, 1, 1));
        assertThat(old.landUse()).extracting(LandUseArea::code).containsExactly("0101");
        assertThat(now.landUse()).extracting(LandUseArea::code).containsExactly("0601");
        assertThat(old.layerVersions().get(LayerKind.DLTB)).startsWith("dltb-2020-01-01-");
        assertThat(now.layerVersions().get(LayerKind.DLTB)).startsWith("dltb-2025-01-01-");
        assertThat(now.layerVersions()).containsKeys(LayerKind.JBNT, LayerKind.PLAN);
        assertThat(engine.measure(box(10, 10, 20, 20), LocalDate.of(2019, 1, 1)).layerVersions())
                .isEmpty();
    }

    @Test
    void holesAndMultiPolygonPatches() {
        Geometry ring =
                TinyCounty.wkt("POLYGON((10 10, 90 10, 90 90, 10 90, 10 10), (20 20, 20 80, 80 80, 80 20, 20 20))");
        OverlayMeasurements m = measure(base(), ring, AS_OF);
        assertThat(m.areaM2()).isCloseTo(6400 - 3600, within(1e-9));
        assertThat(m.landUseM2("0101")).isCloseTo(2800, within(1e-9));
        Geometry two = TinyCounty.wkt(
                "MULTIPOLYGON(((10 10, 20 10, 20 20, 10 20, 10 10)), ((110 10, 130 10, 130 20," + " 110 20, 110 10)))");
        OverlayMeasurements mm = measure(base(), two, AS_OF);
        assertThat(mm.landUseM2("0101")).isCloseTo(100, within(1e-9));
        assertThat(mm.landUseM2("0103")).isCloseTo(200, within(1e-9));
    }

    @Test
    void ellipsoidalMeasureIsTheDefaultAndSlightlySmallerThanPlanar() {
        OverlayMeasurements e =
                InMemoryOverlayEngine.build(TinyCounty.CRS, base().versions()).measure(box(10, 10, 30, 40), AS_OF);
        assertThat(e.areaM2()).isLessThan(600).isCloseTo(600, within(0.01));
        assertThat(e.landUse().get(0).grossM2()).isCloseTo(e.areaM2(), within(1e-9));
    }
}
