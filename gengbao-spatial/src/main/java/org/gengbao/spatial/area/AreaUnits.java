package org.gengbao.spatial.area;

/** Chinese area units. 1 mu (亩) = 10000/15 m² ≈ 666.667 m²; 1 hectare (公顷) = 15 mu = 10 000 m². */
public final class AreaUnits {
    public static final double M2_PER_MU = 10_000.0 / 15.0;
    public static final double M2_PER_HECTARE = 10_000.0;

    private AreaUnits() {}

    public static double toMu(double m2) {
        return m2 / M2_PER_MU;
    }

    public static double toHectares(double m2) {
        return m2 / M2_PER_HECTARE;
    }

    public static double muToM2(double mu) {
        return mu * M2_PER_MU;
    }

    /** Rounds to 0.01 m², the precision of every reported area. */
    public static double roundM2(double m2) {
        return Math.round(m2 * 100.0) / 100.0;
    }
}
