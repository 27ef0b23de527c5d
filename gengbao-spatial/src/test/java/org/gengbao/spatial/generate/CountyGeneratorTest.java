package org.gengbao.spatial.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.LayerVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;

class CountyGeneratorTest {
    private static GeneratedCounty county;

    @BeforeAll
    static void generate() {
        long t0 = System.nanoTime();
        county = CountyGenerator.generate(CountySpec.of(7, 5_000, 900, 250, 250));
        System.out.printf("demo county: %d parcels in %.2f s%n", county.parcelCount(), (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void sizeIsNearTheTarget() {
        assertThat(county.parcelCount()).isBetween(4_500, 5_800);
        assertThat(county.features(LayerKind.APPROVAL)).hasSize(250);
        assertThat(county.features(LayerKind.SUPPLY)).hasSize(250);
        for (LayerKind k : LayerKind.values()) {
            assertThat(county.features(k)).as(k.id()).isNotEmpty();
        }
    }

    @Test
    void landUseIsAValidGapFreeOverlapFreeCoverage() {
        Geometry[] parcels = county.features(LayerKind.DLTB).stream()
                .map(GeneratedFeature::geometry)
                .toArray(Geometry[]::new);
        assertThat(parcels).allSatisfy(g -> assertThat(g.isValid()).isTrue());
        Geometry[] invalid = CoverageValidator.validate(parcels);
        long bad = java.util.Arrays.stream(invalid).filter(g -> g != null).count();
        java.util.Arrays.stream(invalid)
                .filter(g -> g != null)
                .limit(3)
                .forEach(g -> System.out.println("INVALID " + g));
        assertThat(bad)
                .as("parcels with coverage errors (overlaps or mismatched edges)")
                .isZero();
        double sum =
                java.util.Arrays.stream(parcels).mapToDouble(Geometry::getArea).sum();
        double towns =
                county.towns().stream().mapToDouble(t -> t.geometry().getArea()).sum();
        assertThat(sum / towns - 1).as("parcels fill the county").isCloseTo(0, within(1e-9));
        assertThat(county.towns())
                .allSatisfy(t -> assertThat(t.geometry().isValid()).isTrue());
    }

    @Test
    void planningZonesTileTheCountyExactly() {
        Geometry[] zones = county.features(LayerKind.PLAN).stream()
                .map(GeneratedFeature::geometry)
                .toArray(Geometry[]::new);
        assertThat(java.util.Arrays.stream(CoverageValidator.validate(zones)).filter(g -> g != null))
                .as("zones with coverage errors")
                .isEmpty();
        double sum =
                java.util.Arrays.stream(zones).mapToDouble(Geometry::getArea).sum();
        double towns =
                county.towns().stream().mapToDouble(t -> t.geometry().getArea()).sum();
        assertThat(sum / towns - 1).isCloseTo(0, within(1e-9));
    }

    @Test
    void parcelsLookLikeSurveyData() {
        List<GeneratedFeature> dltb = county.features(LayerKind.DLTB);
        Map<String, Double> byCode = dltb.stream()
                .collect(Collectors.groupingBy(
                        f -> (String) f.attributes().get("DLBM"),
                        Collectors.summingDouble(f -> f.geometry().getArea())));
        double total = byCode.values().stream().mapToDouble(Double::doubleValue).sum();
        double cultivated = byCode.entrySet().stream()
                .filter(e -> LandUseClasses.isCultivated(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        assertThat(cultivated / total).isBetween(0.35, 0.8);
        assertThat(byCode.keySet()).contains("0101", "0102", "0103", "0702", "1006", "1107", "0301", "1202");
        for (GeneratedFeature f : dltb) {
            Map<String, Object> a = f.attributes();
            String code = (String) a.get("DLBM");
            assertThat((String) a.get("ZLDWDM")).matches("\\d{19}");
            BigDecimal tbmj = (BigDecimal) a.get("TBMJ");
            if (!code.equals("1006") && !code.equals("1107")) {
                assertThat(tbmj.doubleValue()).as("parcel area").isBetween(500.0, 50_000.0);
            }
            if (LandUseClasses.isCultivated(code)) {
                double kcxs = ((BigDecimal) a.get("KCXS")).doubleValue();
                assertThat(kcxs).isBetween(0.0, 0.25);
                assertThat(((BigDecimal) a.get("TBDLMJ")).add((BigDecimal) a.get("KCMJ")))
                        .isEqualByComparingTo(tbmj);
            } else {
                assertThat(a.get("KCXS")).isNull();
            }
        }
    }

    @Test
    void villagesNestInTownsWithNineteenDigitLocationCodes() {
        Set<String> townCodes = county.towns().stream().map(AdminUnit::code).collect(Collectors.toSet());
        assertThat(county.villages()).allSatisfy(v -> {
            assertThat(v.code()).matches("371399\\d{6}");
            assertThat(townCodes).contains(v.code().substring(0, 9) + "000");
            assertThat(v.locationCode()).hasSize(19);
        });
        Set<String> used = county.features(LayerKind.DLTB).stream()
                .map(f -> (String) f.attributes().get("ZLDWDM"))
                .collect(Collectors.toSet());
        assertThat(county.villages().stream().map(AdminUnit::locationCode).collect(Collectors.toSet()))
                .containsAll(used);
    }

    @Test
    void basicFarmlandIsCultivated() {
        assertThat(county.features(LayerKind.JBNT)).allSatisfy(f -> assertThat(
                        LandUseClasses.isCultivated((String) f.attributes().get("DLBM")))
                .isTrue());
    }

    @Test
    void sameSeedSameCountyOtherSeedOtherCounty() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        List<LayerVersion> a = county.toLayerVersions(d);
        List<LayerVersion> b = CountyGenerator.generate(county.spec()).toLayerVersions(d);
        List<LayerVersion> c =
                CountyGenerator.generate(CountySpec.of(8, 5_000, 900, 250, 250)).toLayerVersions(d);
        for (int k = 0; k < a.size(); k++) {
            assertThat(b.get(k).sha256()).isEqualTo(a.get(k).sha256());
            assertThat(c.get(k).sha256()).isNotEqualTo(a.get(k).sha256());
        }
    }
}
