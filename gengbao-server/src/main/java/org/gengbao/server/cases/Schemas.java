package org.gengbao.server.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.storage.JsonText;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builders of the JSON Schemas (draft 2020-12) of the transitions' data: every property has a Chinese {@code title},
 * dates have {@code format: date}, choices an {@code enum} with their Chinese names under {@code x-enumTitles} (an
 * annotation, ignored by validators), and objects list their {@code required} members and allow no others.
 */
final class Schemas {
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String SHA256 = "^[0-9a-f]{64}$";
    /** 18-digit resident ID number (the last character may be X). */
    static final String ID_NUMBER = "^[0-9]{17}[0-9X]$";

    private Schemas() {}

    /** One member of an object schema. */
    record Prop(String name, ObjectNode schema, boolean required) {}

    static Prop req(String name, ObjectNode schema) {
        return new Prop(name, schema, true);
    }

    static Prop opt(String name, ObjectNode schema) {
        return new Prop(name, schema, false);
    }

    static ObjectNode object(String titleZh, String titleEn, Prop... props) {
        ObjectNode s = JsonText.MAPPER.createObjectNode();
        s.put("$schema", DIALECT);
        s.put("title", titleZh);
        s.put("description", titleEn);
        s.put("type", "object");
        ObjectNode properties = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        for (Prop p : props) {
            properties.set(p.name(), p.schema());
            if (p.required()) {
                required.add(p.name());
            }
        }
        s.put("additionalProperties", false);
        return s;
    }

    private static ObjectNode typed(String type, String title) {
        ObjectNode s = JsonText.MAPPER.createObjectNode();
        s.put("type", type);
        s.put("title", title);
        return s;
    }

    static ObjectNode date(String title) {
        return typed("string", title).put("format", "date");
    }

    static ObjectNode text(String title, int maxLength) {
        return typed("string", title).put("minLength", 1).put("maxLength", maxLength);
    }

    static ObjectNode pattern(String title, String regex, int maxLength) {
        return typed("string", title).put("pattern", regex).put("maxLength", maxLength);
    }

    static ObjectNode number(String title, double minimum) {
        return typed("number", title).put("minimum", minimum);
    }

    static ObjectNode bool(String title) {
        return typed("boolean", title);
    }

    /** One of the values (value → Chinese name, in order). */
    static ObjectNode choice(String title, Map<String, String> values) {
        ObjectNode s = typed("string", title);
        ArrayNode e = s.putArray("enum");
        ObjectNode names = s.putObject("x-enumTitles");
        values.forEach((v, zh) -> {
            e.add(v);
            names.put(v, zh);
        });
        return s;
    }

    /** Several distinct values out of these, at least one. */
    static ObjectNode choices(String title, Map<String, String> values) {
        ObjectNode s = typed("array", title);
        s.set("items", choice(title, values));
        s.put("minItems", 1);
        s.put("uniqueItems", true);
        return s;
    }

    /** SHA-256 hashes of photos in the evidence store. */
    static ObjectNode photos(String title, int minItems) {
        ObjectNode s = typed("array", title);
        s.set("items", pattern("照片 SHA-256", SHA256, 64));
        s.put("minItems", minItems);
        s.put("maxItems", 50);
        s.put("uniqueItems", true);
        return s;
    }

    static Map<String, String> values(String... valueAndZh) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < valueAndZh.length; i += 2) {
            m.put(valueAndZh[i], valueAndZh[i + 1]);
        }
        return m;
    }
}
