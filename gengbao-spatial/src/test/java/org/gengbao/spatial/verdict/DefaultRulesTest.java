package org.gengbao.spatial.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gengbao.spatial.layer.PlanZone;
import org.junit.jupiter.api.Test;

/** One test per rule of {@code default-rules.json}, plus the police thresholds and their configuration. */
class DefaultRulesTest {
    private final RuleSet rules = RuleSet.defaults();

    /** 1 ha of dry land with no approval, half of it basic farmland, in a restricted zone. */
    private static FiguresBuilder illegalDryLand() {
        FiguresBuilder b = FiguresBuilder.patch(10_000).land("0103", "旱地", 10_000, 0.1);
        b.basicFarmland = 5_000;
        b.unapprovedCultivated = 10_000;
        b.unauthorisedBasicFarmland = 5_000;
        b.unauthorisedOtherCultivated = 5_000;
        return b;
    }

    @Test
    void legalWhenApprovalAndSupplyCoverNearlyAll() {
        FiguresBuilder b = FiguresBuilder.patch(10_000).land("0103", "旱地", 10_000, 0.1);
        b.approved = b.supplied = b.approvedAndSupplied = b.legallyCovered = b.authorised = 9_600;
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.LEGAL);
        assertThat(v.subtypes()).isEmpty();
        assertThat(v.transferToPolice()).isFalse();
        assertThat(v.reasons().get(1).zh()).contains("9,600.00平方米（14.40亩）", "96.0%");
        assertThat(v.reasons().get(1).en()).contains("9,600.00 m² (14.40 mu)", "lawful");
    }

    @Test
    void legalTemporaryUseIsNamed() {
        FiguresBuilder b = FiguresBuilder.patch(1_000).land("0101", "水田", 1_000, 0);
        b.temporary = b.legallyCovered = b.authorised = 1_000;
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.LEGAL);
        assertThat(v.subtypes()).containsExactly("TEMPORARY_USE");
        assertThat(v.reasons().get(2).zh()).contains("临时用地");
    }

    @Test
    void outsideTheSurveyNeedsASiteCheck() {
        FiguresBuilder b = FiguresBuilder.patch(10_000).land("0103", "旱地", 3_000, 0);
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.NEEDS_SITE_CHECK);
        assertThat(v.subtypes()).containsExactly("OUTSIDE_SURVEY");
        assertThat(v.reasons().get(1).en()).contains("30.0%");
    }

    @Test
    void facilityFilingNeedsASiteCheck() {
        FiguresBuilder b = FiguresBuilder.patch(2_000).land("0101", "水田", 2_000, 0);
        b.facility = b.authorised = 2_000;
        b.unapprovedCultivated = 2_000;
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.NEEDS_SITE_CHECK);
        assertThat(v.subtypes()).containsExactly("FACILITY_AGRICULTURE");
        assertThat(v.transferToPolice()).isFalse();
    }

    @Test
    void surveyedFacilityLandNeedsASiteCheck() {
        FiguresBuilder b = FiguresBuilder.patch(2_000).land("1202", "设施农用地", 2_000, 0);
        Verdict v = rules.judge(b.build());
        assertThat(v.subtypes()).containsExactly("FACILITY_AGRICULTURE");
        assertThat(v.reasons().get(1).zh()).contains("设施农用地");
    }

    @Test
    void ruralRoadNeedsASiteCheck() {
        FiguresBuilder b =
                FiguresBuilder.patch(1_000).land("1006", "农村道路", 900, 0).land("0103", "旱地", 100, 0);
        b.unapprovedCultivated = 100;
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.NEEDS_SITE_CHECK);
        assertThat(v.subtypes()).containsExactly("RURAL_ROAD");
        assertThat(v.reasons().get(1).en()).contains("900.00 m²", "90.0%");
    }

    @Test
    void ditchesAndRidgesNeedASiteCheck() {
        FiguresBuilder b = FiguresBuilder.patch(1_000)
                .land("1107", "沟渠", 600, 0)
                .land("1203", "田坎", 300, 0)
                .land("0101", "水田", 100, 0);
        Verdict v = rules.judge(b.build());
        assertThat(v.subtypes()).containsExactly("FARMLAND_INFRASTRUCTURE");
    }

    @Test
    void noFarmlandInvolved() {
        FiguresBuilder b =
                FiguresBuilder.patch(5_000).land("0702", "农村宅基地", 4_990, 0).land("0103", "旱地", 10, 0);
        b.unapprovedCultivated = 10;
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.NO_FARMLAND_INVOLVED);
        assertThat(v.transferToPolice()).isFalse();
        assertThat(v.reasons().get(0).zh()).contains("0702农村宅基地 4,990.00平方米");
        assertThat(v.reasons().get(0).en()).contains("0702 rural homestead 4,990.00 m²");
    }

    @Test
    void illegalUnapprovedUseOfBasicFarmlandAgainstThePlan() {
        FiguresBuilder b = illegalDryLand().plan(PlanZone.CONSTRUCTION_CONTROL, "030", "限制建设区", 10_000);
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.ILLEGAL);
        assertThat(v.subtypes()).containsExactly("UNAPPROVED_USE", "OCCUPIES_BASIC_FARMLAND", "AGAINST_PLAN");
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r.zh()).contains("未批先用", "10,000.00平方米（15.00亩）"));
        assertThat(v.reasons())
                .anySatisfy(r -> assertThat(r.en()).contains("restricted construction zone (GZQLXDM 030)"));
    }

    @Test
    void usedBeforeSupply() {
        FiguresBuilder b = illegalDryLand();
        b.approved = 10_000;
        b.approvedNotSupplied = 10_000;
        b.unapprovedCultivated = 0;
        b.unauthorisedBasicFarmland = 0;
        b.unauthorisedOtherCultivated = 0;
        b.authorised = 0;
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.ILLEGAL);
        assertThat(v.subtypes()).containsExactly("USED_BEFORE_SUPPLY");
        assertThat(v.transferToPolice()).isFalse();
    }

    @Test
    void expiredTemporaryUse() {
        FiguresBuilder b = illegalDryLand();
        b.expiredTemporary = 2_000;
        Verdict v = rules.judge(b.build());
        assertThat(v.subtypes()).contains("TEMPORARY_USE_EXPIRED");
    }

    @Test
    void policeTransferAtFiveMuOfBasicFarmland() {
        FiguresBuilder b = FiguresBuilder.patch(3_400).land("0101", "水田", 3_400, 0);
        b.basicFarmland = b.unauthorisedBasicFarmland = b.unapprovedCultivated = 3_400;
        Verdict v = rules.judge(b.build());
        assertThat(v.transferToPolice()).isTrue();
        assertThat(v.reasons().get(v.reasons().size() - 1).zh()).contains("移送公安", "标准 5 亩");
        b.basicFarmland = b.unauthorisedBasicFarmland = 3_300;
        b.unauthorisedOtherCultivated = 100;
        assertThat(rules.judge(b.build()).transferToPolice()).isFalse();
    }

    @Test
    void policeTransferAtTenMuOfOtherCultivatedLand() {
        FiguresBuilder b = FiguresBuilder.patch(7_000).land("0103", "旱地", 7_000, 0);
        b.unapprovedCultivated = b.unauthorisedOtherCultivated = 6_700;
        assertThat(rules.judge(b.build()).transferToPolice()).isTrue();
        b.unapprovedCultivated = b.unauthorisedOtherCultivated = 6_600;
        assertThat(rules.judge(b.build()).transferToPolice()).isFalse();
    }

    @Test
    void policeThresholdsAreConfigurable() {
        FiguresBuilder b = FiguresBuilder.patch(3_000).land("0101", "水田", 3_000, 0);
        b.basicFarmland = b.unauthorisedBasicFarmland = b.unapprovedCultivated = 3_000;
        assertThat(rules.judge(b.build()).transferToPolice()).isFalse();
        RuleSet stricter = rules.withParameters(Map.of("policeBasicFarmlandMu", 4.0));
        Verdict v = stricter.judge(b.build());
        assertThat(v.transferToPolice()).isTrue();
        assertThat(v.ruleSetVersion()).isNotEqualTo(rules.versionLabel()).startsWith("gengbao-default@2026.1");
    }

    @Test
    void legalPatchesAreNeverTransferred() {
        FiguresBuilder b = FiguresBuilder.patch(20_000).land("0101", "水田", 20_000, 0);
        b.basicFarmland = b.unauthorisedBasicFarmland = 20_000;
        b.legallyCovered = b.authorised = 19_500;
        assertThat(rules.judge(b.build()).transferToPolice()).isFalse();
    }

    @Test
    void versionLabelNamesTheRuleFileAndItsHash() {
        assertThat(rules.versionLabel()).matches("gengbao-default@2026\\.1 sha256:[0-9a-f]{12}");
    }
}
