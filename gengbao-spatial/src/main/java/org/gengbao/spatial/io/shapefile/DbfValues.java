package org.gengbao.spatial.io.shapefile;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses the non-text dBASE values of {@link DbfReader} from their trimmed, non-empty text; see there for the rules.
 * Text that cannot be parsed is a {@code DBF_INVALID_VALUE} error naming field, record and text.
 */
final class DbfValues {
    private DbfValues() {}

    /** N/F: {@code null} for '*' fill, a Long for integer fields where exact, a BigDecimal as written otherwise. */
    static Object number(DbfReader.Field f, String t, ShapefileErrors.Where where, long recordNo) {
        if (t.charAt(0) == '*') {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw ShapefileErrors.invalidValue(where, recordNo, f.name(), t, "数字", "number");
        }
        if (f.isInteger()) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                return value;
            }
        }
        return value;
    }

    /** D: YYYYMMDD (or YYYY-MM-DD in wider fields); all zeros is {@code null}. */
    static LocalDate date(DbfReader.Field f, String t, ShapefileErrors.Where where, long recordNo) {
        if (t.chars().allMatch(c -> c == '0')) {
            return null;
        }
        String digits = t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-' ? t.replace("-", "") : t;
        if (digits.length() == 8 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return LocalDate.of(
                        Integer.parseInt(digits.substring(0, 4)),
                        Integer.parseInt(digits.substring(4, 6)),
                        Integer.parseInt(digits.substring(6, 8)));
            } catch (DateTimeException e) {
                // reported below
            }
        }
        throw ShapefileErrors.invalidValue(where, recordNo, f.name(), t, "日期（年月日，如 20240131）", "date (YYYYMMDD)");
    }

    /** L: T/t/Y/y true, F/f/N/n false, '?' {@code null}. */
    static Boolean logical(DbfReader.Field f, String t, ShapefileErrors.Where where, long recordNo) {
        return switch (t.charAt(0)) {
            case 'T', 't', 'Y', 'y' -> Boolean.TRUE;
            case 'F', 'f', 'N', 'n' -> Boolean.FALSE;
            case '?' -> null;
            default ->
                throw ShapefileErrors.invalidValue(
                        where, recordNo, f.name(), t, "逻辑值（T 或 F）", "logical value (T or F)");
        };
    }
}
