package org.gengbao.server.cases;

import org.gengbao.server.storage.JsonText;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The penalty helper: the fine range of a case is the illegally occupied area of each kind of land times the
 * configured range per m² of that kind ({@link PenaltyRates}); with the measures a decision may order. The area is the
 * one measured on site by the latest survey when there is one, else the analysed area of the case's outline; the
 * analysis splits it by kind (permanent basic farmland and other cultivated land without approval, the rest as other
 * land) and a surveyed area is split in the same proportions. The decision records the range it was taken within.
 */
@Component
class PenaltyOptions {
    /** Where the area of the range comes from. */
    enum AreaSource {
        SURVEY("现场勘测实测面积"),
        ANALYSIS("图斑分析面积");

        final String zh;

        AreaSource(String zh) {
            this.zh = zh;
        }
    }

    private final PenaltyRates rates;
    private final CaseEvents events;

    PenaltyOptions(PenaltyRates rates, CaseEvents events) {
        this.rates = rates;
        this.events = events;
    }

    /** The area used, split by kind of land, and the fine range it gives. */
    record Range(
            AreaSource source,
            double areaM2,
            double basicFarmlandM2,
            double cultivatedM2,
            double otherM2,
            double minYuan,
            double maxYuan) {}

    Range range(CaseRow c) {
        double analysed = nz(c.areaM2());
        JsonNode survey = events.latestData(c.id(), CaseAction.RECORD_SURVEY)
                .map(d -> d.path("measuredAreaM2"))
                .filter(JsonNode::isNumber)
                .orElse(null);
        AreaSource source = survey == null ? AreaSource.ANALYSIS : AreaSource.SURVEY;
        double area = survey == null ? analysed : survey.asDouble();
        double share = analysed > 0 ? area / analysed : 0;
        double basic = nz(c.basicFarmlandM2()) * share;
        double cultivated = nz(c.otherCultivatedM2()) * share;
        double other = Math.max(0, area - basic - cultivated);
        double min = basic * rates.basicFarmlandMinPerM2()
                + cultivated * rates.cultivatedMinPerM2()
                + other * rates.otherMinPerM2();
        double max = basic * rates.basicFarmlandMaxPerM2()
                + cultivated * rates.cultivatedMaxPerM2()
                + other * rates.otherMaxPerM2();
        return new Range(source, area, basic, cultivated, other, round(min), round(max));
    }

    /** The range as the decision records it in its data ({@code fineRange}) and prints it. */
    ObjectNode record(Range r) {
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.put("areaSource", r.source().name());
        out.put("areaM2", round(r.areaM2()));
        out.set("areas", parts(r));
        out.put("minYuan", r.minYuan());
        out.put("maxYuan", r.maxYuan());
        return out;
    }

    ObjectNode view(CaseRow c) {
        Range r = range(c);
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.put("caseId", c.id());
        out.put("areaM2", round(r.areaM2()));
        out.put("areaSource", r.source().name());
        out.put("areaSourceZh", r.source().zh);
        if (c.areaM2() == null) {
            out.putNull("analysedAreaM2");
        } else {
            out.put("analysedAreaM2", c.areaM2());
        }
        out.set("areas", parts(r));
        ObjectNode fine = out.putObject("fineYuan");
        fine.put("min", r.minYuan());
        fine.put("max", r.maxYuan());
        ArrayNode options = out.putArray("options");
        // the names of the decision form's choices; in English as a phrase, without its capital
        Workflow.MEASURES.forEach((code, name) -> options.addObject()
                .put("code", code)
                .put("titleZh", name.zh())
                .put(
                        "titleEn",
                        Character.toLowerCase(name.en().charAt(0)) + name.en().substring(1)));
        out.put("basis", "《土地管理法》第七十七条，《土地管理法实施条例》第五十七条（罚款标准为配置值，需核实）");
        return out;
    }

    /**
     * The schema of the decision's data for this case: the fine's {@code minimum} and {@code maximum} are the case's
     * range.
     */
    ObjectNode decisionSchema(CaseRow c, ObjectNode schema) {
        Range r = range(c);
        ObjectNode copy = schema.deepCopy();
        ObjectNode fine = (ObjectNode) copy.path("properties").path("fineYuan");
        fine.put("minimum", r.minYuan());
        fine.put("maximum", r.maxYuan());
        fine.put(
                "description",
                String.format(
                        java.util.Locale.ROOT,
                        "%.2f – %.2f yuan: %.2f m² (%s) × the fine per m² of each kind of land",
                        r.minYuan(),
                        r.maxYuan(),
                        r.areaM2(),
                        r.source()));
        return copy;
    }

    private ArrayNode parts(Range r) {
        ArrayNode parts = JsonText.MAPPER.createArrayNode();
        part(
                parts,
                "BASIC_FARMLAND",
                "永久基本农田",
                r.basicFarmlandM2(),
                rates.basicFarmlandMinPerM2(),
                rates.basicFarmlandMaxPerM2());
        part(
                parts,
                "OTHER_CULTIVATED",
                "其他耕地",
                r.cultivatedM2(),
                rates.cultivatedMinPerM2(),
                rates.cultivatedMaxPerM2());
        part(parts, "OTHER", "其他土地", r.otherM2(), rates.otherMinPerM2(), rates.otherMaxPerM2());
        return parts;
    }

    private static void part(ArrayNode parts, String code, String zh, double m2, double min, double max) {
        parts.addObject()
                .put("kind", code)
                .put("titleZh", zh)
                .put("m2", round(m2))
                .put("minYuanPerM2", min)
                .put("maxYuanPerM2", max);
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
