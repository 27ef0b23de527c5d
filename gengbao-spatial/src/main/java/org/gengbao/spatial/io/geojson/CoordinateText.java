package org.gengbao.spatial.io.geojson;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Coordinates as JSON number text with a fixed number of decimals: rounded half away from zero, trailing zeros and a
 * trailing point dropped, never in exponent notation, {@code -0} written as {@code 0}.
 */
final class CoordinateText {
    private static final long[] POW10 = new long[16];
    /** Beyond this a scaled value is no longer an exact long: use BigDecimal. */
    private static final double FAST_LIMIT = 1e15;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private CoordinateText() {}

    static String format(double v, int decimals) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("Coordinate " + v + " is not a finite number");
        }
        double scaled = v * POW10[decimals];
        if (Math.abs(scaled) >= FAST_LIMIT) {
            BigDecimal d =
                    new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        long r = Math.round(Math.abs(scaled));
        if (r == 0) {
            return "0";
        }
        String digits = Long.toString(r);
        StringBuilder s = new StringBuilder(digits.length() + 3);
        if (v < 0) {
            s.append('-');
        }
        if (digits.length() <= decimals) {
            s.append("0.").append("0".repeat(decimals - digits.length())).append(digits);
        } else {
            int point = digits.length() - decimals;
            s.append(digits, 0, point);
            if (decimals > 0) {
                s.append('.').append(digits, point, digits.length());
            }
        }
        if (decimals > 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s.setLength(end);
        }
        return s.toString();
    }
}
