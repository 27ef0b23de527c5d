package org.gengbao.spatial.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengbao.spatial.testing.TinyCounty.attrs;
import static org.gengbao.spatial.testing.TinyCounty.box;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.geom.IntakeResult;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.overlay.InMemoryOverlayEngine;
import org.gengbao.spatial.testing.TinyCounty;
import org.gengbao.spatial.verdict.RuleSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The analysis result has the shape of the public contract (api.md). */
class AnalysisJsonTest {

    @Test
    void resultCarriesTheContractFieldsInOrder() {
        TinyCounty county = new TinyCounty()
                .layer(
                        LayerKind.DLTB,
                        LocalDate.of(2020, 1, 1),
                        box(0, 0, 200, 200),
                        attrs("DLBM", "0103", "DLMC", "旱地", "KCXS", new BigDecimal("0.1")))
                .layer(LayerKind.JBNT, LocalDate.of(2020, 1, 1), box(0, 0, 200, 200), attrs("JBNTTBBH", "1"));
        Analyser analyser =
                new Analyser(InMemoryOverlayEngine.build(TinyCounty.CRS, county.versions()), RuleSet.defaults());
        IntakeResult patch = new GeometryIntake(TinyCounty.CRS).accept(box(10, 10, 70, 80), TinyCounty.CRS);
        JsonNode json = AnalysisJson.toJson(analyser.analyse(patch, LocalDate.of(2026, 11, 26)));
        List<String> names = new ArrayList<>(json.propertyNames());
        assertThat(names)
                .startsWith(
                        "asOf",
                        "areaM2",
                        "landUse",
                        "cultivatedM2",
                        "cultivatedNetM2",
                        "basicFarmlandM2",
                        "planning",
                        "approvedM2",
                        "suppliedM2",
                        "facilityM2",
                        "temporaryM2",
                        "unapprovedCultivatedM2",
                        "verdict",
                        "transferToPolice",
                        "layerVersions",
                        "ruleSetVersion");
        assertThat(json.get("asOf").asString()).isEqualTo("2026-11-26");
        double area = json.get("areaM2").doubleValue();
        assertThat(area).isBetween(4199.9, 4200.0);
        assertThat(Math.round(area * 100) / 100.0).isEqualTo(area);
        assertThat(json.at("/landUse/0/code").asString()).isEqualTo("0103");
        assertThat(json.at("/landUse/0/netM2").doubleValue()).isBetween(3779.9, 3780.0);
        assertThat(json.at("/verdict/code").asString()).isEqualTo("ILLEGAL");
        assertThat(json.at("/verdict/subtypes/0").asString()).isEqualTo("UNAPPROVED_USE");
        assertThat(json.at("/verdict/reasons/0/zh").asString()).contains("平方米");
        assertThat(json.get("transferToPolice").asBoolean()).isTrue();
        assertThat(json.at("/layerVersions/dltb").asString()).startsWith("dltb-2020-01-01-");
        assertThat(json.get("areaMethod").asString()).isEqualTo("ELLIPSOIDAL_TRAPEZOID");
    }
}
