package org.gengbao.server.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.storage.JsonText;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The penalty helper: the fine range of a case is the illegally occupied area of each kind of land (permanent basic
 * farmland and other cultivated land without approval from the analysis, the rest of the outline as other land) times
 * the configured range per m² of that kind ({@link PenaltyRates}); with the measures a decision may order.
 */
@Component
class PenaltyOptions {
    private final PenaltyRates rates;

    PenaltyOptions(PenaltyRates rates) {
        this.rates = rates;
    }

    /** Areas by kind of land and the fine range they give. */
    record Range(double basicFarmlandM2, double cultivatedM2, double otherM2, double minYuan, double maxYuan) {}

    Range range(CaseRow c) {
        double basic = nz(c.basicFarmlandM2());
        double cultivated = nz(c.otherCultivatedM2());
        double other = Math.max(0, nz(c.areaM2()) - basic - cultivated);
        double min = basic * rates.basicFarmlandMinPerM2()
                + cultivated * rates.cultivatedMinPerM2()
                + other * rates.otherMinPerM2();
        double max = basic * rates.basicFarmlandMaxPerM2()
                + cultivated * rates.cultivatedMaxPerM2()
                + other * rates.otherMaxPerM2();
        return new Range(basic, cultivated, other, round(min), round(max));
    }

    ObjectNode view(CaseRow c) {
        Range r = range(c);
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.put("caseId", c.id());
        out.put("areaM2", nz(c.areaM2()));
        ArrayNode parts = out.putArray("areas");
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
        ObjectNode fine = out.putObject("fineYuan");
        fine.put("min", r.minYuan());
        fine.put("max", r.maxYuan());
        ArrayNode options = out.putArray("options");
        Map<String, String> en = new LinkedHashMap<>();
        en.put("RETURN_LAND", "order the illegally occupied land returned");
        en.put("DEMOLISH_WITHIN_DEADLINE", "order the new buildings and facilities demolished within a deadline");
        en.put("CONFISCATE", "confiscate the new buildings and facilities");
        en.put("RESTORE_LAND", "order the land restored");
        Workflow.MEASURES.forEach((code, zh) ->
                options.addObject().put("code", code).put("titleZh", zh).put("titleEn", en.get(code)));
        out.put("basis", "《土地管理法》第七十七条，《土地管理法实施条例》第五十七条（罚款标准为配置值，需核实）");
        return out;
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
