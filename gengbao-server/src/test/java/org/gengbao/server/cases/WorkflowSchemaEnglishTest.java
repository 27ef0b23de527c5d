package org.gengbao.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gengbao.server.storage.JsonText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field of every action's data schema has an English name ({@code x-titleEn}) and every choice an English name
 * ({@code x-enumTitlesEn}), so the console's forms and the English problem messages never fall back to Chinese.
 */
class WorkflowSchemaEnglishTest {
    /** Han characters and the CJK and full-width punctuation that goes with them (“（”, “、”, “，”). */
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");

    @Test
    void everyFieldAndChoiceOfEveryActionHasAnEnglishName() {
        List<String> checked = new ArrayList<>();
        for (Workflow.Rule rule : Workflow.rules()) {
            JsonNode schema = rule.schema();
            String where = rule.action().name();
            assertEnglish(schema, where, checked);
            walk(schema, where, checked);
        }
        // the walk reached the members of all actions, choices and list items included
        assertThat(checked).hasSizeGreaterThan(100);
        assertThat(checked).contains("DECIDE_PENALTY/measures/items", "RECORD_EXECUTION/photos/items");
    }

    @Test
    void choicesNameTheSameValuesInBothLanguages() {
        JsonNode result = Workflow.rule(CaseAction.VERIFY).schema().at("/properties/result");
        assertThat(result.path("x-enumTitlesEn").propertyNames())
                .containsExactlyElementsOf(result.path("x-enumTitles").propertyNames());
        assertThat(result.at("/x-enumTitlesEn/CONFIRMED").asString()).isEqualTo("Violation established");
        assertThat(result.path("title").asString()).isEqualTo("核查结论");
    }

    @Test
    void theEnglishMessageOfAViolationNamesTheFieldByItsEnglishTitle() {
        JsonNode schema = Workflow.rule(CaseAction.VERIFY).schema();
        ObjectNode data = JsonText.MAPPER
                .createObjectNode()
                .put("result", "CONFIRMED")
                .put("verifiedOn", "1.1.2026")
                .put("verifiedBy", "张三")
                .put("findings", "x");
        SchemaValidator.Violation v = SchemaValidator.validate(schema, data).orElseThrow();
        assertThat(v.pointer()).isEqualTo("/verifiedOn");
        assertThat(v.zh()).isEqualTo("“核查日期”应为日期 YYYY-MM-DD");
        assertThat(v.en()).isEqualTo("“Verified on” must be a date YYYY-MM-DD");

        data.remove("findings");
        data.put("verifiedOn", "2026-01-01");
        v = SchemaValidator.validate(schema, data).orElseThrow();
        assertThat(v.zh()).isEqualTo("缺少必填项“核查情况”");
        assertThat(v.en()).isEqualTo("“Findings on site” is required");
    }

    private static void walk(JsonNode schema, String where, List<String> checked) {
        JsonNode properties = schema.path("properties");
        for (String name : properties.propertyNames()) {
            JsonNode member = properties.get(name);
            assertEnglish(member, where + "/" + name, checked);
            walk(member, where + "/" + name, checked);
        }
        if (schema.has("items")) {
            assertEnglish(schema.get("items"), where + "/items", checked);
            walk(schema.get("items"), where + "/items", checked);
        }
    }

    private static void assertEnglish(JsonNode schema, String where, List<String> checked) {
        assertThat(schema.path("title").asString("")).as(where + " title").isNotBlank();
        String en = schema.path("x-titleEn").asString("");
        assertThat(en).as(where + " x-titleEn").isNotBlank().doesNotContainPattern(CJK);
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                String v = value.asString();
                assertThat(schema.path("x-enumTitles").path(v).asString(""))
                        .as(where + " x-enumTitles " + v)
                        .isNotBlank();
                assertThat(schema.path("x-enumTitlesEn").path(v).asString(""))
                        .as(where + " x-enumTitlesEn " + v)
                        .isNotBlank()
                        .doesNotContainPattern(CJK);
            }
            assertThat(schema.path("x-enumTitlesEn").size())
                    .as(where)
                    .isEqualTo(schema.get("enum").size());
        }
        checked.add(where);
    }
}
