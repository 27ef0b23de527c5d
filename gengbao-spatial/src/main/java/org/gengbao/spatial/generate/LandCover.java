package org.gengbao.spatial.generate;

import java.util.Random;

/**
 * The class mix of the generated survey: what a parcel is, given where it lies (town, village, developed block,
 * farmland by elevation, hills), and its slope grade and field-ridge coefficient when cultivated.
 */
final class LandCover {
    enum Context {
        TOWN,
        VILLAGE,
        DEVELOPED,
        FARM,
        HILL
    }

    private static final Object[][] TOWN = {
        {"0701", 38},
        {"05H1", 18},
        {"0601", 12},
        {"08H2", 8},
        {"08H1", 4},
        {"0810", 4},
        {"1004", 6},
        {"0809", 3},
        {"1201", 3},
        {"0508", 4}
    };
    private static final Object[][] VILLAGE = {{"0702", 86}, {"0809", 3}, {"08H2", 3}, {"1201", 4}, {"1104", 4}};
    private static final Object[][] DEVELOPED = {
        {"0601", 40}, {"05H1", 20}, {"0508", 15}, {"0702", 15}, {"08H2", 5}, {"0809", 5}
    };
    private static final Object[][] LOWLAND = {
        {"0101", 46},
        {"0102", 22},
        {"0103", 8},
        {"1104", 7},
        {"0201", 3},
        {"1202", 4},
        {"0702", 3},
        {"1201", 1},
        {"0404", 1},
        {"0307", 2},
        {"1107", 1},
        {"1203", 2}
    };
    private static final Object[][] UPLAND = {
        {"0102", 32},
        {"0103", 34},
        {"0201", 9},
        {"0301", 4},
        {"1202", 4},
        {"1104", 3},
        {"0702", 3},
        {"0404", 3},
        {"0307", 3},
        {"0204", 2},
        {"1006", 1},
        {"1203", 2}
    };
    private static final Object[][] HILLS = {
        {"0103", 26},
        {"0301", 24},
        {"0305", 14},
        {"0307", 10},
        {"0404", 12},
        {"0201", 6},
        {"0202", 2},
        {"1206", 3},
        {"1207", 3}
    };

    private LandCover() {}

    static String landUse(Random r, Context context, double elevation) {
        return pick(
                r,
                switch (context) {
                    case TOWN -> TOWN;
                    case VILLAGE -> VILLAGE;
                    case DEVELOPED -> DEVELOPED;
                    case HILL -> HILLS;
                    case FARM -> elevation < 0.4 ? LOWLAND : UPLAND;
                });
    }

    /** Slope grade GDPDJB 1 (≤ 2°) … 5 (> 25°) from elevation, with some noise. */
    static int slopeGrade(Random r, double elevation) {
        double e = elevation + (r.nextDouble() - 0.5) * 0.1;
        return e < 0.4 ? 1 : e < 0.6 ? 2 : e < 0.75 ? 3 : e < 0.88 ? 4 : 5;
    }

    /** Field-ridge deduction coefficient KCXS by slope grade (typical provincial tables; 4 decimals). */
    static double deductionCoefficient(Random r, int grade) {
        double lo = new double[] {0, 0.01, 0.03, 0.06, 0.10, 0.15}[grade];
        double hi = new double[] {0, 0.04, 0.08, 0.12, 0.18, 0.25}[grade];
        return Math.round((lo + r.nextDouble() * (hi - lo)) * 10000) / 10000.0;
    }

    /** Built-up area tag CZCSXM (202 town, 203 village) for construction classes; null elsewhere. */
    static String builtUpTag(Context context, String code) {
        boolean construction = code.startsWith("05")
                || code.startsWith("06")
                || code.startsWith("07")
                || code.startsWith("08")
                || code.equals("1004")
                || code.equals("1201");
        if (!construction) {
            return null;
        }
        return switch (context) {
            case TOWN -> "202";
            case DEVELOPED -> code.equals("0601") || code.equals("0508") ? "202A" : "203";
            default -> "203";
        };
    }

    private static String pick(Random r, Object[][] table) {
        int total = 0;
        for (Object[] row : table) {
            total += (Integer) row[1];
        }
        int x = r.nextInt(total);
        for (Object[] row : table) {
            x -= (Integer) row[1];
            if (x < 0) {
                return (String) row[0];
            }
        }
        throw new IllegalStateException();
    }
}
