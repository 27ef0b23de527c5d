package org.gengbao.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengbao.server.documents.DocumentContent;
import org.gengbao.server.documents.DocumentContent.Field;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the document of a transition says: the case facts (number, party, place, area, verdict) and the transition's
 * data, each value under the Chinese title its schema gives it (choices by their Chinese names); long texts become
 * paragraphs. The survey record also draws the case's outline and prints the clue photos; the execution report prints
 * the photos of the result.
 */
@Component
class CaseDocuments {
    private static final int PARAGRAPH_LENGTH = 500;

    private final GridCells cells;

    CaseDocuments(GridCells cells) {
        this.cells = cells;
    }

    DocumentContent content(CaseRow c, Workflow.Rule rule, JsonNode data, Geometry outline, List<String> cluePhotos) {
        List<Field> fields = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        fields.add(new Field("案件编号", c.number()));
        if (c.partyName() != null) {
            fields.add(new Field("当事人", c.partyName()));
        }
        fields.add(new Field("违法地点", place(c.gridCode())));
        if (c.areaM2() != null) {
            fields.add(new Field(
                    "占地面积", String.format(Locale.ROOT, "%.2f 平方米（%.2f 亩）", c.areaM2(), c.areaM2() * 15 / 10000)));
        }
        if (c.basicFarmlandM2() != null && c.basicFarmlandM2() > 0) {
            fields.add(new Field("其中永久基本农田", String.format(Locale.ROOT, "%.2f 平方米", c.basicFarmlandM2())));
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
            if (schema.path("maxLength").asInt(0) > PARAGRAPH_LENGTH) {
                paragraphs.add(label + "：" + text);
            } else {
                fields.add(new Field(label, text));
            }
        }
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
        if (value.isBoolean()) {
            return value.asBoolean() ? "是" : "否";
        }
        JsonNode names = schema.path("x-enumTitles");
        if (value.isString() && names.has(value.asString())) {
            return names.get(value.asString()).asString();
        }
        if (value.isNumber()) {
            double d = value.asDouble();
            return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }
        return value.asString();
    }
}
