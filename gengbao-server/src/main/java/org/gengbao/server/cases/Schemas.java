package org.gengbao.server.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.storage.JsonText;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builders of the JSON Schemas (draft 2020-12) of the transitions' data: every property has a Chinese {@code title}
 * and an English {@code x-titleEn}, dates have {@code format: date}, choices an {@code enum} with their Chinese names
 * under {@code x-enumTitles} and English ones under {@code x-enumTitlesEn} (annotations, ignored by validators), and
 * objects list their {@code required} members and allow no others. Every builder takes both languages, so no field
 * can be built without its English name.
 */
final class Schemas {
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String SHA256 = "^[0-9a-f]{64}$";
    /** 18-digit resident ID number (the last character may be X). */
    static final String ID_NUMBER = "^[0-9]{17}[0-9X]$";

    private Schemas() {}

    /** One member of an object schema. */
    record Prop(String name, ObjectNode schema, boolean required) {}

    /** The names of a choice for people. */
    record Name(String zh, String en) {}

    static Prop req(String name, ObjectNode schema) {
        return new Prop(name, schema, true);
    }

    static Prop opt(String name, ObjectNode schema) {
        return new Prop(name, schema, false);
    }

    /** The schema of an action's data; its English title is both {@code description} and {@code x-titleEn}. */
    static ObjectNode object(String titleZh, String titleEn, Prop... props) {
        ObjectNode s = JsonText.MAPPER.createObjectNode();
        s.put("$schema", DIALECT);
        s.put("title", titleZh);
        s.put("x-titleEn", english(titleEn));
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

    private static ObjectNode typed(String type, String titleZh, String titleEn) {
        ObjectNode s = JsonText.MAPPER.createObjectNode();
        s.put("type", type);
        s.put("title", titleZh);
        s.put("x-titleEn", english(titleEn));
        return s;
    }

    static ObjectNode date(String titleZh, String titleEn) {
        return typed("string", titleZh, titleEn).put("format", "date");
    }

    static ObjectNode text(String titleZh, String titleEn, int maxLength) {
        return typed("string", titleZh, titleEn).put("minLength", 1).put("maxLength", maxLength);
    }

    static ObjectNode pattern(String titleZh, String titleEn, String regex, int maxLength) {
        return typed("string", titleZh, titleEn).put("pattern", regex).put("maxLength", maxLength);
    }

    static ObjectNode number(String titleZh, String titleEn, double minimum) {
        return typed("number", titleZh, titleEn).put("minimum", minimum);
    }

    static ObjectNode bool(String titleZh, String titleEn) {
        return typed("boolean", titleZh, titleEn);
    }

    /** One of the values (value → its names, in order). */
    static ObjectNode choice(String titleZh, String titleEn, Map<String, Name> values) {
        ObjectNode s = typed("string", titleZh, titleEn);
        ArrayNode e = s.putArray("enum");
        ObjectNode zh = s.putObject("x-enumTitles");
        ObjectNode en = s.putObject("x-enumTitlesEn");
        values.forEach((v, name) -> {
            e.add(v);
            zh.put(v, name.zh());
            en.put(v, english(name.en()));
        });
        return s;
    }

    /** Several distinct values out of these, at least one. */
    static ObjectNode choices(String titleZh, String titleEn, Map<String, Name> values) {
        ObjectNode s = typed("array", titleZh, titleEn);
        s.set("items", choice(titleZh, titleEn, values));
        s.put("minItems", 1);
        s.put("uniqueItems", true);
        return s;
    }

    /** SHA-256 hashes of photos in the evidence store. */
    static ObjectNode photos(String titleZh, String titleEn, int minItems) {
        ObjectNode s = typed("array", titleZh, titleEn);
        s.set("items", pattern("照片 SHA-256", "Photo SHA-256", SHA256, 64));
        s.put("minItems", minItems);
        s.put("maxItems", 50);
        s.put("uniqueItems", true);
        return s;
    }

    /** Choices as triples: value, Chinese name, English name. */
    static Map<String, Name> values(String... valueZhEn) {
        if (valueZhEn.length % 3 != 0) {
            throw new IllegalArgumentException("choices come as value, Chinese name, English name");
        }
        Map<String, Name> m = new LinkedHashMap<>();
        for (int i = 0; i < valueZhEn.length; i += 3) {
            m.put(valueZhEn[i], new Name(valueZhEn[i + 1], english(valueZhEn[i + 2])));
        }
        return m;
    }

    private static String english(String en) {
        if (en == null || en.isBlank()) {
            throw new IllegalArgumentException("an English name is required");
        }
        return en;
    }
}
