package org.gengbao.spatial.layer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient conversions of attribute values as delivered (dates written many ways, numbers as text). */
final class AttributeValues {
    private static final Pattern YMD =
            Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

    private AttributeValues() {}

    /** A date from a LocalDate, "2020-05-01", "2020/5/1", "2020年5月1日", "20200501" or an ISO date-time. */
    static LocalDate date(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        String s = String.valueOf(v).trim();
        Matcher m = YMD.matcher(s);
        if (!m.find()) {
            m = COMPACT.matcher(s);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a date: \"" + s + "\"");
            }
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid date: \"" + s + "\"");
        }
    }

    static Double number(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return new BigDecimal(String.valueOf(v).trim()).doubleValue();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a number: \"" + v + "\"");
        }
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof BigDecimal d
                ? d.toPlainString()
                : String.valueOf(v).trim();
        return s.isEmpty() ? null : s;
    }
}
