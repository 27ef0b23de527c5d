package org.gengbao.server.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengbao.server.documents.DocumentContent;
import org.gengbao.server.documents.DocumentContent.Field;
import org.gengbao.server.documents.DocumentType;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the document of a transition says: the case facts (number, party, place, area, verdict) and the transition's
 * data, each value under the Chinese title its schema gives it (choices by their Chinese names); long texts become
 * paragraphs. The survey record also draws the case's outline and prints the clue photos; the execution report prints
 * the photos of the result. Each document cites its legal basis; a document that opens a period states its due date;
 * the demand, the application and the execution report repeat the decision they enforce, the execution report also the
 * court's ruling.
 */
@Component
class CaseDocuments {
    private static final int PARAGRAPH_LENGTH = 500;

    private final GridCells cells;

    CaseDocuments(GridCells cells) {
        this.cells = cells;
    }

    /**
     * @param opened the periods this transition opens, with their due dates
     * @param earlier the data of the latest earlier events of the case by action (the decision, the demand, the ruling)
     */
    DocumentContent content(
            CaseRow c,
            Workflow.Rule rule,
            JsonNode data,
            Geometry outline,
            List<String> cluePhotos,
            Map<DeadlineStep, LocalDate> opened,
            Map<CaseAction, JsonNode> earlier) {
        List<Field> fields = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        fields.add(new Field("案件编号", c.number()));
        if (c.partyName() != null) {
            fields.add(new Field("当事人", c.partyName()));
        }
        fields.add(new Field("违法地点", place(c.gridCode())));
        if (c.areaM2() != null) {
            fields.add(new Field("非法占用面积", area(c.areaM2())));
        }
        String classes = landClasses(c);
        if (!classes.isEmpty()) {
            fields.add(new Field("占用地类", classes));
        }
        fields.add(new Field("法律依据", legalBasis(rule.document())));
        JsonNode decision = earlier.get(CaseAction.DECIDE_PENALTY);
        if (decision != null
                && (rule.action() == CaseAction.SEND_DEMAND
                        || rule.action() == CaseAction.APPLY_COURT_ENFORCEMENT
                        || rule.action() == CaseAction.RECORD_EXECUTION)) {
            JsonNode props = Workflow.rule(CaseAction.DECIDE_PENALTY).schema().path("properties");
            fields.add(new Field("决定日期", text(props.path("decidedOn"), decision.path("decidedOn"))));
            fields.add(new Field("处罚种类", text(props.path("measures"), decision.path("measures"))));
            fields.add(new Field("罚款（元）", text(props.path("fineYuan"), decision.path("fineYuan"))));
            fields.add(new Field("履行期限", text(props.path("performBy"), decision.path("performBy"))));
        }
        JsonNode demand = earlier.get(CaseAction.SEND_DEMAND);
        if (demand != null && rule.action() == CaseAction.APPLY_COURT_ENFORCEMENT) {
            fields.add(new Field("催告日期", chineseDate(demand.path("demandedOn").asString())));
        }
        JsonNode ruling = earlier.get(CaseAction.COURT_RULING);
        if (ruling != null && rule.action() == CaseAction.RECORD_EXECUTION) {
            JsonNode props = Workflow.rule(CaseAction.COURT_RULING).schema().path("properties");
            fields.add(new Field("法院裁定", text(props.path("decision"), ruling.path("decision"))));
            fields.add(new Field("裁定书文号", ruling.path("rulingNumber").asString()));
            fields.add(new Field("裁定日期", text(props.path("ruledOn"), ruling.path("ruledOn"))));
        }
        JsonNode properties = rule.schema().path("properties");
        for (String name : properties.propertyNames()) {
            JsonNode value = data.get(name);
            if (value == null || value.isNull() || name.equals("photos")) {
                continue;
            }
            JsonNode schema = properties.get(name);
            String label = schema.path("title").asString(name);
            String text = text(schema, value);
            if (PersonalNumbers.FIELDS.contains(name)) {
                // documents are read by every role that sees the case; full numbers only in the audited case view
                text = PersonalNumbers.mask(name, text);
            }
            if (schema.path("maxLength").asInt(0) > PARAGRAPH_LENGTH) {
                paragraphs.add(label + "：" + text);
            } else {
                fields.add(new Field(label, text));
            }
        }
        JsonNode range = data.path("fineRange");
        if (range.isObject()) {
            fineRange(range, fields);
        }
        opened.forEach((step, due) -> fields.add(new Field(step.zh + "至", chineseDate(due.toString()))));
        List<String> photos = List.of();
        Geometry drawn = null;
        if (rule.action() == CaseAction.RECORD_SURVEY) {
            drawn = outline;
            photos = cluePhotos;
        } else if (data.has("photos")) {
            List<String> shas = new ArrayList<>();
            data.get("photos").forEach(p -> shas.add(p.asString()));
            photos = shas;
        }
        return new DocumentContent(fields, paragraphs, drawn, photos);
    }

    /** The fine range a decision was taken within: the area used, where it comes from, the rates and the range. */
    private static void fineRange(JsonNode range, List<Field> fields) {
        String source =
                PenaltyOptions.AreaSource.valueOf(range.path("areaSource").asString()).zh;
        fields.add(new Field("计罚面积", area(range.path("areaM2").asDouble()) + "，" + source));
        List<String> rates = new ArrayList<>();
        for (JsonNode part : range.path("areas")) {
            if (part.path("m2").asDouble() > 0) {
                rates.add(String.format(
                        Locale.ROOT,
                        "%s %.2f 平方米，每平方米 %s 元至 %s 元",
                        part.path("titleZh").asString(),
                        part.path("m2").asDouble(),
                        yuan(part.path("minYuanPerM2").asDouble()),
                        yuan(part.path("maxYuanPerM2").asDouble())));
            }
        }
        if (!rates.isEmpty()) {
            fields.add(new Field("罚款标准", String.join("；", rates)));
        }
        fields.add(new Field(
                "罚款幅度",
                String.format(
                        Locale.ROOT,
                        "%.2f 元至 %.2f 元",
                        range.path("minYuan").asDouble(),
                        range.path("maxYuan").asDouble())));
    }

    /** A number as printed: whole numbers without decimals, others with two. */
    private static String yuan(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static String area(double m2) {
        return String.format(Locale.ROOT, "%.2f 平方米（%.2f 亩）", m2, m2 * 15 / 10000);
    }

    private static String landClasses(CaseRow c) {
        List<String> parts = new ArrayList<>();
        if (c.basicFarmlandM2() != null && c.basicFarmlandM2() > 0) {
            parts.add(String.format(Locale.ROOT, "永久基本农田 %.2f 平方米", c.basicFarmlandM2()));
        }
        if (c.otherCultivatedM2() != null && c.otherCultivatedM2() > 0) {
            parts.add(String.format(Locale.ROOT, "其他耕地 %.2f 平方米", c.otherCultivatedM2()));
        }
        return String.join("；", parts);
    }

    /**
     * The articles a document rests on (the Land Administration Law as revised in 2019, the Administrative Penalty Law
     * of 2021, the Administrative Compulsion Law of 2011). To be verified by the county's legal office.
     */
    static String legalBasis(DocumentType type) {
        String land = "《中华人民共和国土地管理法》";
        String penalty = "《中华人民共和国行政处罚法》";
        String compulsion = "《中华人民共和国行政强制法》";
        return switch (type) {
            case WARNING_INTERVIEW_RECORD -> land + "第六十七条";
            case STOP_ORDER -> land + "第六十八条";
            case FILING_FORM -> penalty + "第五十四条";
            case SURVEY_RECORD, INQUIRY_RECORD -> penalty + "第五十四条、第五十五条";
            case PENALTY_NOTICE -> land + "第七十七条，" + penalty + "第四十四条、第六十三条";
            case PENALTY_DECISION -> land + "第七十七条";
            case DEMAND -> compulsion + "第三十五条、第五十四条";
            case ENFORCEMENT_APPLICATION -> compulsion + "第五十三条，" + land + "第八十三条";
            case EXECUTION_REPORT -> compulsion + "第五十七条、第五十八条";
        };
    }

    /** 2026-03-05 → 2026年3月5日. */
    static String chineseDate(String iso) {
        LocalDate d = LocalDate.parse(iso);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Town and village names of a village code, as far as the grid knows them. */
    String place(String gridCode) {
        String village = cells.find(gridCode).map(GridCell::name).orElse(gridCode);
        String town =
                cells.find(gridCode.substring(0, 9) + "000").map(GridCell::name).orElse("");
        return town + village;
    }

    private static String text(JsonNode schema, JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(text(schema.path("items"), v)));
            return String.join("、", parts);
        }
        if (value.isString() && "date".equals(schema.path("format").asString(""))) {
            return chineseDate(value.asString());
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "是" : "否";
        }
        JsonNode names = schema.path("x-enumTitles");
        if (value.isString() && names.has(value.asString())) {
            return names.get(value.asString()).asString();
        }
        if (value.isNumber()) {
            return yuan(value.asDouble());
        }
        return value.asString();
    }
}
