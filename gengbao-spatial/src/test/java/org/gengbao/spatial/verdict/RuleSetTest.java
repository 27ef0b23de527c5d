package org.gengbao.spatial.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.gengbao.spatial.SpatialInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule file format and the expression language: a county's mistakes are reported, not run. */
class RuleSetTest {
    private static final String MINIMAL =
            """
            {"id":"county","version":"1","parameters":{"share":0.5},
             "summary":{"reason":{"zh":"面积 {areaM2}","en":"area {areaM2}"}},
             "verdicts":[
               {"id":"big","when":"cultivatedM2 > share * areaM2","verdict":"ILLEGAL",
                "reason":{"zh":"耕地 {cultivatedM2 / areaM2|pct}","en":"cultivated {cultivatedM2|ha}"}},
               {"id":"rest","when":"true","verdict":"NO_FARMLAND_INVOLVED","reason":{"zh":"否","en":"no"}}],
             "subtypes":[],
             "policeTransfer":{"appliesTo":["ILLEGAL"],"when":"false","reason":{"zh":"","en":""}}}""";

    @Test
    void aCountyCanReplaceTheRules() {
        RuleSet rules = RuleSet.parse(MINIMAL);
        FiguresBuilder b = FiguresBuilder.patch(10_000).land("0103", "旱地", 6_000, 0);
        Verdict v = rules.judge(b.build());
        assertThat(v.code()).isEqualTo(VerdictCode.ILLEGAL);
        assertThat(v.reasons().get(1).zh()).isEqualTo("耕地 60.0%");
        assertThat(v.reasons().get(1).en()).isEqualTo("cultivated 0.6000 ha");
        assertThat(v.ruleSetVersion()).startsWith("county@1 sha256:");
        assertThat(rules.withParameters(Map.of("share", 0.7)).judge(b.build()).code())
                .isEqualTo(VerdictCode.NO_FARMLAND_INVOLVED);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cultivatedM2 > share * areaM2 | cultivatedM2 > shares * areaM2 | unknown name 'shares'",
                "cultivatedM2 > share * areaM2 | cultivatedM2 + share | expected a condition",
                "cultivatedM2 > share * areaM2 | cultivatedM2 > (share | expected ')'",
                "cultivatedM2 > share * areaM2 | landUse(1) > 0 | quoted code",
                "cultivatedM2 > share * areaM2 | cultivatedM2 && areaM2 | a condition is needed here",
                "\"true\",\"verdict\":\"NO_FARMLAND_INVOLVED\" | \"false\",\"verdict\":\"NO_FARMLAND_INVOLVED\" | the last verdict rule"
            })
    void mistakesInARuleFileAreReportedWithTheirPlace(String original, String replacement, String message) {
        String broken = MINIMAL.replace(original, replacement);
        assertThat(broken).isNotEqualTo(MINIMAL);
        assertThatThrownBy(() -> RuleSet.parse(broken)).isInstanceOfSatisfying(SpatialInputException.class, e -> {
            assertThat(e.code()).isEqualTo("RULE_SET_INVALID");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void unknownParameterOverridesAreRejected() {
        assertThatThrownBy(() -> RuleSet.defaults().withParameters(Map.of("policeMu", 3.0)))
                .isInstanceOf(SpatialInputException.class)
                .hasMessageContaining("unknown parameter policeMu");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1 + 2 * 3 | 7",
                "(1 + 2) * 3 | 9",
                "-2 - -3 | 1",
                "max(1, 5, 3) - min(4, 2) | 3",
                "abs(0 - 2.5) | 2.5",
                "6 / 0 | 0",
                "x * 2 | 8"
            })
    void arithmetic(String source, double expected) {
        Expression e = Expression.compile(source, Set.of("x"));
        assertThat(e.number(env())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "1 < 2 && 2 <= 2 ; true",
                "1 > 2 || !(3 >= 4) ; true",
                "x == 4 && x != 5 ; true",
                "!true || false ; false"
            })
    void conditions(String source, boolean expected) {
        assertThat(Expression.compile(source, Set.of("x")).test(env())).isEqualTo(expected);
    }

    private static Expression.Env env() {
        return new Expression.Env() {
            public double number(String name) {
                return 4;
            }

            public double landUse(java.util.List<String> codes) {
                return 0;
            }

            public double plan(String scheme, java.util.List<String> codes) {
                return 0;
            }
        };
    }
}
