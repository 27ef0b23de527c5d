package org.gengbao.server.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks data against the subset of JSON Schema (draft 2020-12) that the transitions' schemas use: {@code type}
 * (object, array, string, number, integer, boolean), {@code properties}, {@code required}, {@code
 * additionalProperties: false}, {@code enum}, {@code minimum}, {@code maximum}, {@code minLength}, {@code maxLength},
 * {@code pattern}, {@code format} (date, date-time), {@code items}, {@code minItems}, {@code maxItems} and {@code
 * uniqueItems}. Other keywords are annotations. Reports the first violation with the JSON Pointer of the failing value;
 * the Chinese message names the field by its {@code title}, the English one by its {@code x-titleEn} (else its title).
 */
final class SchemaValidator {
    private SchemaValidator() {}

    /** A failed check: where (JSON Pointer, "" for the whole document) and why, in Chinese and English. */
    record Violation(String pointer, String zh, String en) {}

    static Optional<Violation> validate(JsonNode schema, JsonNode value) {
        return check(schema, value, "");
    }

    private static Optional<Violation> check(JsonNode schema, JsonNode value, String at) {
        String title = schema.path("title").asString(at.isEmpty() ? "数据" : at);
        String en = "“" + titleEn(schema, at.isEmpty() ? "data" : at) + "” ";
        String type = schema.path("type").asString(null);
        if (type != null && !hasType(value, type)) {
            return fail(at, "“" + title + "”应为" + typeZh(type), en + "must be of type " + type);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                return fail(
                        at,
                        "“" + title + "”应为以下之一：" + list(schema.get("enum")),
                        en + "must be one of " + list(schema.get("enum")));
            }
        }
        if (value.isString()) {
            String s = value.asString();
            int length = s.codePointCount(0, s.length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                return fail(
                        at,
                        "“" + title + "”不能为空或过短",
                        en
                                + (schema.get("minLength").asInt() <= 1
                                        ? "must not be empty"
                                        : "needs at least "
                                                + count(schema.get("minLength").asInt(), "character")));
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                return fail(
                        at,
                        "“" + title + "”不能超过 " + schema.get("maxLength").asInt() + " 个字符",
                        en + "allows at most " + count(schema.get("maxLength").asInt(), "character"));
            }
            if (schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asString())
                            .matcher(s)
                            .find()) {
                return fail(
                        at,
                        "“" + title + "”格式不正确",
                        en + "does not match " + schema.get("pattern").asString());
            }
            String format = schema.path("format").asString("");
            if (format.equals("date") && !parses(s, true)) {
                return fail(at, "“" + title + "”应为日期 YYYY-MM-DD", en + "must be a date YYYY-MM-DD");
            }
            if (format.equals("date-time") && !parses(s, false)) {
                return fail(at, "“" + title + "”应为带时区的时间", en + "must be a date-time with offset (RFC 3339)");
            }
        }
        if (value.isNumber()) {
            double d = value.asDouble();
            if (schema.has("minimum") && d < schema.get("minimum").asDouble()) {
                return fail(
                        at,
                        "“" + title + "”不能小于 " + schema.get("minimum").asString(),
                        en + "must be at least " + schema.get("minimum").asString());
            }
            if (schema.has("maximum") && d > schema.get("maximum").asDouble()) {
                return fail(
                        at,
                        "“" + title + "”不能大于 " + schema.get("maximum").asString(),
                        en + "must be at most " + schema.get("maximum").asString());
            }
        }
        if (value.isArray()) {
            int n = value.size();
            if (schema.has("minItems") && n < schema.get("minItems").asInt()) {
                return fail(
                        at,
                        "“" + title + "”至少应有 " + schema.get("minItems").asInt() + " 项",
                        en + "needs at least " + count(schema.get("minItems").asInt(), "item"));
            }
            if (schema.has("maxItems") && n > schema.get("maxItems").asInt()) {
                return fail(
                        at,
                        "“" + title + "”最多 " + schema.get("maxItems").asInt() + " 项",
                        en + "allows at most " + count(schema.get("maxItems").asInt(), "item"));
            }
            if (schema.path("uniqueItems").asBoolean(false)) {
                Set<JsonNode> seen = new HashSet<>();
                for (JsonNode item : value) {
                    if (!seen.add(item)) {
                        return fail(at, "“" + title + "”中有重复项", en + "has duplicate items");
                    }
                }
            }
            if (schema.has("items")) {
                for (int i = 0; i < n; i++) {
                    Optional<Violation> v = check(schema.get("items"), value.get(i), at + "/" + i);
                    if (v.isPresent()) {
                        return v;
                    }
                }
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode r : schema.path("required")) {
                String name = r.asString();
                if (!value.has(name) || value.get(name).isNull()) {
                    String t = properties.path(name).path("title").asString(name);
                    String tEn = titleEn(properties.path(name), name);
                    return fail(at + "/" + escape(name), "缺少必填项“" + t + "”", "“" + tEn + "” is required");
                }
            }
            for (String name : value.propertyNames()) {
                JsonNode sub = properties.get(name);
                if (sub == null) {
                    if (schema.path("additionalProperties").isBoolean()
                            && !schema.get("additionalProperties").asBoolean()) {
                        return fail(
                                at + "/" + escape(name), "不认识的字段“" + name + "”", "“" + name + "” is not a known field");
                    }
                    continue;
                }
                Optional<Violation> v = check(sub, value.get(name), at + "/" + escape(name));
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    /** The English name of a field: its {@code x-titleEn}, else its (Chinese) title, else the fallback. */
    private static String titleEn(JsonNode schema, String fallback) {
        String en = schema.path("x-titleEn").asString("");
        return en.isBlank() ? schema.path("title").asString(fallback) : en;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isString();
            case "number" -> v.isNumber();
            case "integer" ->
                v.isIntegralNumber()
                        || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Double.isFinite(v.asDouble()));
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String typeZh(String type) {
        return switch (type) {
            case "object" -> "对象";
            case "array" -> "数组";
            case "string" -> "文本";
            case "number" -> "数字";
            case "integer" -> "整数";
            case "boolean" -> "是/否（布尔值）";
            default -> type;
        };
    }

    private static boolean parses(String s, boolean dateOnly) {
        try {
            if (dateOnly) {
                return s.length() == 10 && LocalDate.parse(s) != null;
            }
            return OffsetDateTime.parse(s) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String list(JsonNode values) {
        StringBuilder b = new StringBuilder();
        for (JsonNode v : values) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(v.asString());
        }
        return b.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Optional<Violation> fail(String at, String zh, String en) {
        return Optional.of(new Violation(at, zh, en));
    }
}
