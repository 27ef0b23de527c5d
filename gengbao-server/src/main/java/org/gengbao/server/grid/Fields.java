package org.gengbao.server.grid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Members of a JSON request body, checked with clear problems: a missing required member or one of the wrong JSON type
 * is malformed (400), a value that is well-formed but unusable (empty, too long, unknown name) is 422.
 */
final class Fields {
    private Fields() {}

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
        }
        return body;
    }

    static boolean present(JsonNode body, String field) {
        return body.hasNonNull(field);
    }

    /** A text member, trimmed; null when absent (or 400 FIELD_MISSING when required); 422 when empty or too long. */
    static String text(JsonNode body, String field, boolean required, int maxLength) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw missing(field);
            }
            return null;
        }
        if (!n.isString()) {
            throw Problem.badRequest("FIELD_INVALID", field + " 应为文字，收到 " + n, field + " must be text; got " + n);
        }
        String s = n.asString().trim();
        if (s.isEmpty()) {
            if (required) {
                throw invalid("FIELD_EMPTY", field + " 不能为空", field + " must not be empty");
            }
            return null;
        }
        if (s.length() > maxLength) {
            throw invalid(
                    "FIELD_TOO_LONG",
                    field + " 超过 " + maxLength + " 个字符",
                    field + " is longer than " + maxLength + " characters");
        }
        return s;
    }

    /** A whole number member in [min, max]; null when absent and not required. */
    static Integer integer(JsonNode body, String field, boolean required, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw missing(field);
            }
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw Problem.badRequest(
                    "FIELD_INVALID", field + " 应为整数，收到 " + n, field + " must be a whole number; got " + n);
        }
        int v = n.intValue();
        if (v < min || v > max) {
            throw invalid(
                    "FIELD_OUT_OF_RANGE",
                    field + " 应在 " + min + " 到 " + max + " 之间，收到 " + v,
                    field + " must be between " + min + " and " + max + "; got " + v);
        }
        return v;
    }

    static LocalDate date(JsonNode body, String field) {
        String s = text(body, field, false, 10);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                    "DATE_INVALID",
                    field + " 应写成 YYYY-MM-DD，收到“" + s + "”",
                    field + " must be YYYY-MM-DD; got \"" + s + "\"");
        }
    }

    /** An enum constant by name (case-insensitive); 422 {@code code} naming the choices. */
    static <E extends Enum<E>> E choice(Class<E> type, String field, String value, String code) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String all = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(
                    code,
                    field + " 的值“" + value + "”无效，可选：" + all,
                    "Unknown " + field + " \"" + value + "\"; one of " + all);
        }
    }

    static Problem missing(String field) {
        return Problem.badRequest("FIELD_MISSING", "请求缺少 " + field, "The request lacks " + field);
    }

    static Problem invalid(String code, String zh, String en) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, code, zh, en);
    }

    static Problem notFound(String what, String whatZh, String id) {
        return Problem.notFound(
                what.toUpperCase(Locale.ROOT) + "_NOT_FOUND",
                "找不到" + whatZh + "“" + id + "”（或不在本账号的网格范围内）",
                "No " + what.toLowerCase(Locale.ROOT).replace('_', ' ') + " \"" + id
                        + "\" (or it lies outside this account's grid)");
    }
}
