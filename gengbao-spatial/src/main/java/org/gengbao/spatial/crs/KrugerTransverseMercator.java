package org.gengbao.spatial.crs;

/**
 * Transverse Mercator by Krüger's series to sixth order in the third flattening n, as given by Karney (2011,
 * "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85:475–485): the algorithm PROJ uses by
 * default. Within a few thousand kilometres of the central meridian the error is a few nanometres, and — what matters
 * for areas — the mapping is smooth: no iteration stops at a tolerance, the inverse's Newton step converges to machine
 * precision.
 *
 * <p>Coordinates here are relative: easting without false easting, latitude/longitude in radians with longitude
 * relative to the central meridian. Instances are immutable and thread-safe.
 */
final class KrugerTransverseMercator {
    private final double e2;
    private final double e;
    private final double oneMinusE2;
    /** k0·A, the rectifying radius times the scale factor. */
    private final double scaledRectifyingRadius;

    private final double[] alpha = new double[7];
    private final double[] beta = new double[7];

    KrugerTransverseMercator(double semiMajorAxisM, double flattening, double scaleFactor) {
        double f = flattening;
        this.e2 = f * (2 - f);
        this.e = Math.sqrt(e2);
        this.oneMinusE2 = 1 - e2;
        double n = f / (2 - f);
        double n2 = n * n;
        double n3 = n2 * n;
        double n4 = n3 * n;
        double n5 = n4 * n;
        double n6 = n5 * n;
        double a = semiMajorAxisM / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
        this.scaledRectifyingRadius = scaleFactor * a;
        alpha[1] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800;
        alpha[2] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360;
        alpha[3] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
        alpha[4] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
        alpha[5] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
        alpha[6] = 212378941 * n6 / 319334400;
        beta[1] = n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800;
        beta[2] = n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
        beta[3] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
        beta[4] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
        beta[5] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
        beta[6] = 20648693 * n6 / 638668800;
    }

    /**
     * Geodetic latitude and longitude (radians, longitude relative to the central meridian) → easting (without false
     * easting) and northing in metres.
     */
    void forward(double latRad, double lonRad, double[] out) {
        double tau = Math.tan(latRad);
        double tauPrime = conformalTan(tau);
        double cosLon = Math.cos(lonRad);
        double xiPrime = Math.atan2(tauPrime, cosLon);
        double etaPrime = asinh(Math.sin(lonRad) / Math.hypot(tauPrime, cosLon));
        double[] z = clenshaw(alpha, xiPrime, etaPrime);
        out[0] = scaledRectifyingRadius * (etaPrime + z[1]);
        out[1] = scaledRectifyingRadius * (xiPrime + z[0]);
    }

    /**
     * Easting (without false easting) and northing in metres → latitude and longitude in radians (longitude relative to
     * the central meridian): {@code out[0] = latitude}, {@code out[1] = longitude}.
     */
    void inverse(double eastingM, double northingM, double[] out) {
        double xi = northingM / scaledRectifyingRadius;
        double eta = eastingM / scaledRectifyingRadius;
        double[] z = clenshaw(beta, xi, eta);
        double xiPrime = xi - z[0];
        double etaPrime = eta - z[1];
        double sinhEta = Math.sinh(etaPrime);
        double cosXi = Math.cos(xiPrime);
        double tauPrime = Math.sin(xiPrime) / Math.hypot(sinhEta, cosXi);
        out[0] = Math.atan(geodeticTan(tauPrime));
        out[1] = Math.atan2(sinhEta, cosXi);
    }

    /** τ' = tan of the conformal latitude, from τ = tan φ. */
    private double conformalTan(double tau) {
        double tau1 = Math.hypot(1, tau);
        double sigma = Math.sinh(e * atanh(e * tau / tau1));
        return tau * Math.hypot(1, sigma) - sigma * tau1;
    }

    /** Inverse of {@link #conformalTan} by Newton's method (Karney 2011, eq. 19–21), to machine precision. */
    private double geodeticTan(double tauPrime) {
        double tau = tauPrime / oneMinusE2;
        for (int i = 0; i < 8; i++) {
            double tauPrimeI = conformalTan(tau);
            double delta = (tauPrime - tauPrimeI)
                    / Math.hypot(1, tauPrimeI)
                    * (1 + oneMinusE2 * tau * tau)
                    / (oneMinusE2 * Math.hypot(1, tau));
            tau += delta;
            if (Math.abs(delta) <= 1e-15 * Math.max(1, Math.abs(tau))) {
                break;
            }
        }
        return tau;
    }

    /**
     * Σ c_j sin(2jζ) for complex ζ = ξ + iη by Clenshaw summation; returns {real, imaginary}. Needs one sin, one cos and
     * one exp instead of twenty-four transcendental calls.
     */
    private static double[] clenshaw(double[] c, double xi, double eta) {
        double sin2xi = Math.sin(2 * xi);
        double cos2xi = Math.cos(2 * xi);
        double exp2eta = Math.exp(2 * eta);
        double sinh2eta = (exp2eta - 1 / exp2eta) / 2;
        double cosh2eta = (exp2eta + 1 / exp2eta) / 2;
        // a = 2 cos(2ζ) = 2(cos2ξ cosh2η − i sin2ξ sinh2η)
        double ar = 2 * cos2xi * cosh2eta;
        double ai = -2 * sin2xi * sinh2eta;
        double y1r = 0;
        double y1i = 0;
        double y2r = 0;
        double y2i = 0;
        for (int j = c.length - 1; j >= 1; j--) {
            double yr = c[j] + ar * y1r - ai * y1i - y2r;
            double yi = ar * y1i + ai * y1r - y2i;
            y2r = y1r;
            y2i = y1i;
            y1r = yr;
            y1i = yi;
        }
        // sin(2ζ) = sin2ξ cosh2η + i cos2ξ sinh2η
        double sr = sin2xi * cosh2eta;
        double si = cos2xi * sinh2eta;
        return new double[] {y1r * sr - y1i * si, y1r * si + y1i * sr};
    }

    private static double asinh(double x) {
        double y = Math.abs(x);
        double r = Math.log1p(y + y * y / (1 + Math.hypot(1, y)));
        return x < 0 ? -r : r;
    }

    private static double atanh(double x) {
        double y = Math.abs(x);
        double r = Math.log1p(2 * y / (1 - y)) / 2;
        return x < 0 ? -r : r;
    }
}
