package org.gengbao.spatial.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Checks attribute values handed to a {@link FeatureWriter} against the writer's {@link FieldDef}s, so every format
 * writes the same thing. Guarantees: the result for a field is {@code null} or, by field type,
 *
 * <ul>
 *   <li>STRING — a {@link String} (numbers, dates and booleans are converted to their text);
 *   <li>INTEGER — a {@link Long}, or a {@link Boolean} (GeoPackage BOOLEAN columns are read as INTEGER fields with
 *       Boolean values, and each writer keeps them as booleans where its format can);
 *   <li>DECIMAL — a {@link BigDecimal} (integers and finite doubles are converted);
 *   <li>DATE — a {@link LocalDate} (an ISO {@code YYYY-MM-DD} string is parsed).
 * </ul>
 *
 * Anything else is a programming error and fails with an {@link IllegalArgumentException} naming the field, as does an
 * attribute key that is not a field (it would otherwise be dropped without a trace).
 */
public final class FieldValues {
    private FieldValues() {}

    /** The values of {@code attributes} in field order; missing keys give {@code null}. */
    public static Object[] inFieldOrder(List<FieldDef> fields, Map<String, ?> attributes) {
        Object[] values = new Object[fields.size()];
        int matched = 0;
        for (int i = 0; i < values.length; i++) {
            FieldDef field = fields.get(i);
            Object value = attributes.get(field.name());
            if (value != null || attributes.containsKey(field.name())) {
                matched++;
            }
            values[i] = normalise(field, value);
        }
        if (matched != attributes.size()) {
            for (String key : attributes.keySet()) {
                if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                    throw new IllegalArgumentException("Attribute \"" + key + "\" is not one of the fields "
                            + fields.stream().map(FieldDef::name).toList());
                }
            }
        }
        return values;
    }

    /** The value to write for {@code field}; see the class description. */
    public static Object normalise(FieldDef field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case STRING -> value instanceof BigDecimal d ? d.toPlainString() : textOf(field, value);
            case INTEGER -> integer(field, value);
            case DECIMAL -> decimal(field, value);
            case DATE -> date(field, value);
        };
    }

    private static String textOf(FieldDef field, Object value) {
        if (value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof LocalDate) {
            return value.toString();
        }
        throw mismatch(field, value);
    }

    private static Object integer(FieldDef field, Object value) {
        if (value instanceof Long || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            if (value instanceof BigDecimal d) {
                return d.longValueExact();
            }
            if (value instanceof BigInteger b) {
                return b.longValueExact();
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Field " + field.name() + " (INTEGER) cannot hold " + value + ": not a whole number in range", e);
        }
        throw mismatch(field, value);
    }

    private static BigDecimal decimal(FieldDef field, Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("Field " + field.name() + " (DECIMAL) cannot hold " + d);
            }
            return BigDecimal.valueOf(d);
        }
        throw mismatch(field, value);
    }

    private static LocalDate date(FieldDef field, Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof String s) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "Field " + field.name() + " (DATE) cannot hold \"" + s + "\": not a YYYY-MM-DD date", e);
            }
        }
        throw mismatch(field, value);
    }

    private static IllegalArgumentException mismatch(FieldDef field, Object value) {
        return new IllegalArgumentException("Field " + field.name() + " (" + field.type() + ") cannot hold a "
                + value.getClass().getSimpleName() + ": " + value);
    }
}
