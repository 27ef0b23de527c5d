package org.gengbao.spatial.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengbao.spatial.testing.TinyCounty.attrs;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gengbao.spatial.SpatialInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerSchemaTest {

    @Test
    void landUseTermsWithDefaultsFromTheClassTable() {
        FeatureTerms.LandUse t = (FeatureTerms.LandUse) LayerSchema.read(
                LayerKind.DLTB, attrs("DLBM", "0103", "KCXS", new BigDecimal("0.0820")), FieldMapping.STANDARD);
        assertThat(t.name()).isEqualTo("旱地");
        assertThat(t.deductionCoefficient()).isEqualTo(0.082);
        assertThat(t.cultivated()).isTrue();
        FeatureTerms.LandUse k = (FeatureTerms.LandUse)
                LayerSchema.read(LayerKind.DLTB, attrs("dlbm", "0201K", "DLMC", "可调整果园"), FieldMapping.STANDARD);
        assertThat(k.deductionCoefficient()).isZero();
        assertThat(k.name()).isEqualTo("可调整果园");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-05-01", "2021/5/1", "2021年5月1日", "20210501", "2021-05-01T00:00:00"})
    void datesAreReadTheWaysCountiesWriteThem(String written) {
        FeatureTerms.Approval a = (FeatureTerms.Approval)
                LayerSchema.read(LayerKind.APPROVAL, attrs("PZWH", "x", "PZRQ", written), FieldMapping.STANDARD);
        assertThat(a.approvedOn()).isEqualTo(LocalDate.of(2021, 5, 1));
        assertThat(a.inForceOn(LocalDate.of(2021, 4, 30))).isFalse();
        assertThat(a.inForceOn(LocalDate.of(2021, 5, 1))).isTrue();
    }

    @Test
    void explicitMappingWinsOverAliases() {
        FieldMapping mapping = FieldMapping.parse("PZRQ=批复时间, PZWH=文号");
        FeatureTerms.Approval a = (FeatureTerms.Approval)
                LayerSchema.read(LayerKind.APPROVAL, attrs("文号", "鲁政土字〔2020〕1号", "批复时间", "2020-02-02"), mapping);
        assertThat(a.approvalNumber()).isEqualTo("鲁政土字〔2020〕1号");
        assertThat(a.approvedOn()).isEqualTo(LocalDate.of(2020, 2, 2));
    }

    @Test
    void temporaryApprovalsAreValidBetweenTheirDates() {
        FeatureTerms.Temporary t = (FeatureTerms.Temporary) LayerSchema.read(
                LayerKind.TEMPORARY, attrs("QSRQ", "2024-01-01", "ZZRQ", "2025-12-31"), FieldMapping.STANDARD);
        assertThat(t.inForceOn(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(t.inForceOn(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(t.expiredBy(LocalDate.of(2026, 1, 1))).isTrue();
    }

    @Test
    void planFeaturesCarryEitherScheme() {
        FeatureTerms.Plan p = (FeatureTerms.Plan)
                LayerSchema.read(LayerKind.PLAN, attrs("GZQLXDM", "030", "TDYTQLXDM", "010"), FieldMapping.STANDARD);
        assertThat(p.zones())
                .extracting(PlanZone::key, PlanZone::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GZQLXDM:030", "限制建设区"),
                        org.assertj.core.groups.Tuple.tuple("TDYTQLXDM:010", "基本农田保护区"));
    }

    @Test
    void badAttributesRejectTheFeatureWithTheAttributeNamed() {
        assertThatThrownBy(() -> LayerSchema.read(LayerKind.DLTB, attrs("DLMC", "旱地"), FieldMapping.STANDARD))
                .isInstanceOf(SpatialInputException.class)
                .hasMessageContaining("DLBM");
        assertThatThrownBy(() -> LayerSchema.read(LayerKind.DLTB, attrs("DLBM", "旱地"), FieldMapping.STANDARD))
                .hasMessageContaining("land-use code");
        assertThatThrownBy(() -> LayerSchema.read(
                        LayerKind.DLTB, attrs("DLBM", "0103", "KCXS", new BigDecimal("8")), FieldMapping.STANDARD))
                .hasMessageContaining("KCXS");
        assertThatThrownBy(() -> LayerSchema.read(LayerKind.APPROVAL, attrs("PZRQ", "soon"), FieldMapping.STANDARD))
                .hasMessageContaining("PZRQ");
        assertThatThrownBy(() -> LayerSchema.read(
                        LayerKind.TEMPORARY, attrs("QSRQ", "2025-01-01", "ZZRQ", "2024-01-01"), FieldMapping.STANDARD))
                .hasMessageContaining("before the start date");
        assertThatThrownBy(() -> LayerSchema.read(LayerKind.PLAN, attrs("X", "1"), FieldMapping.STANDARD))
                .hasMessageContaining("GZQLXDM");
        assertThatThrownBy(() -> LayerKind.parse("roads")).hasMessageContaining("dltb, jbnt, plan");
    }
}
