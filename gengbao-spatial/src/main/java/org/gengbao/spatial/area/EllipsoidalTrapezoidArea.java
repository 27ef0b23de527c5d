package org.gengbao.spatial.area;

/**
 * The national ellipsoidal polygon-area formula (图斑椭球面积计算公式, 国土调查办发〔2008〕32号), with the constants of
 * a chosen ellipsoid (CGCS2000 for every reported area).
 *
 * <p>For an edge from (B₁, L₁) to (B₂, L₂), in radians, with ΔB = B₂ − B₁, Bm = (B₁ + B₂)/2 and ΔL = (L₁ + L₂)/2 − L₀
 * against a fixed reference meridian L₀, the trapezoid between the edge and L₀ has the signed area
 *
 * <pre>
 * S = 2b²·ΔL·[A·sin(ΔB/2)·cos Bm − B'·sin(3ΔB/2)·cos 3Bm + C·sin(5ΔB/2)·cos 5Bm − D·sin(7ΔB/2)·cos 7Bm
 *             + E·sin(9ΔB/2)·cos 9Bm]
 * </pre>
 *
 * with b the semi-minor axis and A, B', C, D, E the series coefficients in e² printed in the document. A ring's area is
 * |Σ S| over its edges; a polygon's is its shell's minus its holes'.
 *
 * <p>Accuracy, stated honestly: the series itself is exact to about e¹⁰ ≈ 10⁻¹¹ relative, and for cells bounded by
 * meridians and parallels the formula is exact. For a slanting edge it integrates the zone between the edge's
 * latitudes at the edge's <em>mean</em> longitude, which differs from the area under the edge by about tan B · ΔB / 12
 * of the edge's share; with the difference between a straight Gauss-Krüger edge and its image in (B, L), parcels with
 * edges of tens of metres come out within a few 10⁻⁷ of their exact ellipsoidal area (10⁻³ m² on a hectare). That is
 * the method of the national survey, so figures are comparable with TBMJ; it also means that areas are additive under
 * splitting to about 10⁻⁶, not to machine precision.
 */
public final class EllipsoidalTrapezoidArea {
    private final double twoBSquared;
    private final double a;
    private final double bPrime;
    private final double c;
    private final double d;
    private final double e;

    public EllipsoidalTrapezoidArea(Ellipsoid ellipsoid) {
        double e2 = ellipsoid.eccentricitySquared();
        double e4 = e2 * e2;
        double e6 = e4 * e2;
        double e8 = e6 * e2;
        double b = ellipsoid.semiMinorAxisM();
        this.twoBSquared = 2.0 * b * b;
        this.a = 1.0 + 3.0 / 6.0 * e2 + 30.0 / 80.0 * e4 + 35.0 / 112.0 * e6 + 630.0 / 2304.0 * e8;
        this.bPrime = 1.0 / 6.0 * e2 + 15.0 / 80.0 * e4 + 21.0 / 112.0 * e6 + 420.0 / 2304.0 * e8;
        this.c = 3.0 / 80.0 * e4 + 7.0 / 112.0 * e6 + 180.0 / 2304.0 * e8;
        this.d = 1.0 / 112.0 * e6 + 45.0 / 2304.0 * e8;
        this.e = 5.0 / 2304.0 * e8;
    }

    /** The formula on the CGCS2000 ellipsoid. */
    public static final EllipsoidalTrapezoidArea CGCS2000 = new EllipsoidalTrapezoidArea(Ellipsoid.CGCS2000);

    /**
     * The signed area (m²) of a ring given as geodetic latitudes and longitudes in radians; positive when the ring runs
     * counter-clockwise (east, then north). The ring may be closed (last = first) or not.
     */
    public double signedRingAreaM2(double[] latRad, double[] lonRad, int count) {
        if (count < 3) {
            return 0.0;
        }
        double l0 = lonRad[0];
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            int j = i + 1 == count ? 0 : i + 1;
            sum += edgeTerm(latRad[i], lonRad[i], latRad[j], lonRad[j], l0);
        }
        return twoBSquared * sum;
    }

    /**
     * The bracketed series of one edge times ΔL (without the factor 2b²). The multiple-angle sines and cosines come from
     * Chebyshev recurrences on sin(ΔB/2) and cos Bm, so an edge costs two trigonometric calls instead of ten.
     */
    double edgeTerm(double b1, double l1, double b2, double l2, double l0) {
        double dB = b2 - b1;
        if (dB == 0.0) {
            return 0.0;
        }
        double dL = (l1 + l2) * 0.5 - l0;
        double s1 = Math.sin(dB * 0.5);
        double twoCos2x = 2.0 * (1.0 - 2.0 * s1 * s1); // 2·cos(ΔB)
        double s3 = s1 * (3.0 - 4.0 * s1 * s1);
        double s5 = twoCos2x * s3 - s1;
        double s7 = twoCos2x * s5 - s3;
        double s9 = twoCos2x * s7 - s5;
        double c1 = Math.cos((b1 + b2) * 0.5);
        double twoCos2y = 2.0 * (2.0 * c1 * c1 - 1.0); // 2·cos(2Bm)
        double c3 = twoCos2y * c1 - c1;
        double c5 = twoCos2y * c3 - c1;
        double c7 = twoCos2y * c5 - c3;
        double c9 = twoCos2y * c7 - c5;
        double series = a * s1 * c1 - bPrime * s3 * c3 + c * s5 * c5 - d * s7 * c7 + e * s9 * c9;
        return dL * series;
    }
}
