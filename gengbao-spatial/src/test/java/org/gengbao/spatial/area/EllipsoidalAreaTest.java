package org.gengbao.spatial.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.testing.RandomParcels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class EllipsoidalAreaTest {
    private static final double DEG = Math.PI / 180;
    private static final GaussKrugerCrs ZONE_39 = (GaussKrugerCrs) CrsRegistry.byEpsg(4527);

    /** GeographicLib's published area of the 1°×1° cell at the equator on WGS 84 (geodesic edges). */
    @Test
    void geodesicAreaMatchesGeographicLibPublishedValue() {
        double area = new GeodesicArea(Ellipsoid.WGS84)
                .signedRingAreaM2(new double[] {0, 0, 1, 1}, new double[] {0, 1, 1, 0}, 4);
        assertThat(area).isCloseTo(12_308_778_361.469, within(0.001));
    }

    /**
     * The national formula on a cell bounded by meridians and parallels equals the closed-form area of an ellipsoidal
     * zone: b²·ΔL·[sinφ/(2(1−e²sin²φ)) + ln((1+e sinφ)/(1−e sinφ))/(4e)] between the two latitudes.
     */
    @ParameterizedTest
    @CsvSource({"0, 1, 0, 1", "18, 18.5, 110, 110.5", "36, 36.001, 117, 117.001", "53, 53.01, 122, 122.3"})
    void trapezoidFormulaEqualsClosedFormZoneArea(double lat1, double lat2, double lon1, double lon2) {
        for (Ellipsoid e : new Ellipsoid[] {Ellipsoid.WGS84, Ellipsoid.CGCS2000}) {
            double formula = new EllipsoidalTrapezoidArea(e)
                    .signedRingAreaM2(
                            new double[] {lat1 * DEG, lat1 * DEG, lat2 * DEG, lat2 * DEG},
                            new double[] {lon1 * DEG, lon2 * DEG, lon2 * DEG, lon1 * DEG},
                            4);
            double exact = zoneArea(e, lat1 * DEG, lat2 * DEG) * (lon2 - lon1) * DEG;
            assertThat(formula / exact - 1).as(e.name()).isCloseTo(0, within(1e-10));
        }
    }

    /** The WGS 84 equatorial cell by the trapezoid formula: smaller than the geodesic cell by its bulging edge. */
    @Test
    void equatorCellByTrapezoidFormula() {
        double area = new EllipsoidalTrapezoidArea(Ellipsoid.WGS84)
                .signedRingAreaM2(new double[] {0, 0, DEG, DEG}, new double[] {0, DEG, DEG, 0}, 4);
        assertThat(area).isCloseTo(zoneArea(Ellipsoid.WGS84, 0, DEG) * DEG, within(0.01));
        assertThat(area).isCloseTo(12_308_463_893.975, within(0.01));
    }

    @Test
    void ringOrientationGivesTheSign() {
        double[] lat = {30 * DEG, 30 * DEG, 30.01 * DEG, 30.01 * DEG};
        double[] ccwLon = {110 * DEG, 110.01 * DEG, 110.01 * DEG, 110 * DEG};
        double ccw = EllipsoidalTrapezoidArea.CGCS2000.signedRingAreaM2(lat, ccwLon, 4);
        double[] latCw = {30 * DEG, 30.01 * DEG, 30.01 * DEG, 30 * DEG};
        double[] cwLon = {110 * DEG, 110 * DEG, 110.01 * DEG, 110.01 * DEG};
        double cw = EllipsoidalTrapezoidArea.CGCS2000.signedRingAreaM2(latCw, cwLon, 4);
        assertThat(ccw).isPositive();
        assertThat(cw).isCloseTo(-ccw, within(1e-6));
    }

    /**
     * Parcels anywhere in the zone: national formula and GeographicLib agree to 2e-5 as required. In practice the two
     * differ by (a) the shape of an edge — the national formula integrates each edge at its mean longitude, GeographicLib
     * along a geodesic, a few 10⁻⁷ for edges of tens of metres and up to 3·10⁻⁶ for edges of 300 m — and (b) GeographicLib's absolute rounding of about
     * 10⁻³ m² (it sums edge areas measured from the equator), which dominates for parcels of a few hundred m².
     */
    @Test
    void nationalFormulaAgreesWithGeographicLibOnParcels() {
        Random r = new Random(7);
        AreaMeasure national = AreaMeasure.ellipsoidal(ZONE_39);
        AreaMeasure geodesic = AreaMeasure.of(AreaMethod.GEODESIC, ZONE_39);
        double worst = 0;
        for (int i = 0; i < 500; i++) {
            double x = 39_500_000 + (r.nextDouble() * 2 - 1) * 160_000;
            double y = 2_500_000 + r.nextDouble() * 3_000_000;
            Polygon p = RandomParcels.star(r, ZONE_39, x, y, 10 + r.nextDouble() * 200, 4 + r.nextInt(60));
            double a = national.areaM2(p);
            double b = geodesic.areaM2(p);
            worst = Math.max(worst, Math.abs(a / b - 1));
            assertThat(Math.abs(a - b)).as("parcel %d", i).isLessThanOrEqualTo(5e-6 * b + 2e-3);
        }
        assertThat(worst).isLessThan(2e-5);
    }

    /**
     * Gauss-Krüger is conformal with scale factor k ≥ 1 (k = 1 on the central meridian), so the plane area exceeds the
     * ellipsoidal one by the mean of k² − 1 ≈ x²/R² + x⁴/(3R⁴), x the distance from the central meridian — once that
     * excess (10⁻⁵ at 20 km) is larger than the national formula's own edge approximation (a few 10⁻⁷ for 50 m edges).
     */
    @ParameterizedTest
    @ValueSource(doubles = {20_000, 50_000, 80_000, 150_000, 250_000})
    void planarAreaExceedsEllipsoidalAreaByTheScaleFactor(double offsetM) {
        Random r = new Random((long) offsetM);
        AreaMeasure national = AreaMeasure.ellipsoidal(ZONE_39);
        AreaMeasure planar = AreaMeasure.of(AreaMethod.PLANAR, ZONE_39);
        double[] latLon = new double[2];
        for (int i = 0; i < 50; i++) {
            double y = 3_000_000 + r.nextDouble() * 2_000_000;
            Polygon p = RandomParcels.star(r, ZONE_39, 39_500_000 + offsetM, y, 100, 12);
            double flat = planar.areaM2(p);
            double ellipsoidal = national.areaM2(p);
            assertThat(flat).isGreaterThan(ellipsoidal);
            GaussKrugerProjection.of(ZONE_39).inverseRadians(39_500_000 + offsetM, y, latLon);
            double n2 = Ellipsoid.CGCS2000.eccentricitySquared()
                    / (1 - Ellipsoid.CGCS2000.eccentricitySquared())
                    * Math.pow(Math.cos(latLon[0]), 2);
            double radius = 6_378_137
                    / Math.sqrt(1
                            - Ellipsoid.CGCS2000.eccentricitySquared()
                                    * Math.pow(Math.sin(latLon[0]), 2)); // N, radius of curvature in the prime vertical
            double rMean = radius / Math.sqrt(1 + n2);
            double expected = Math.pow(offsetM / rMean, 2) + Math.pow(offsetM / rMean, 4) / 3;
            assertThat(flat / ellipsoidal - 1).isCloseTo(expected, within(expected * 0.01 + 1e-6));
        }
    }

    @Test
    void holesSubtractAndPartsAdd() throws Exception {
        WKTReader wkt = new WKTReader(WorkingPrecision.factory(ZONE_39));
        AreaMeasure m = AreaMeasure.ellipsoidal(ZONE_39);
        Geometry shell = wkt.read("POLYGON((39500000 4000000, 39500100 4000000, 39500100 4000100, 39500000 4000100,"
                + " 39500000 4000000))");
        Geometry hole = wkt.read("POLYGON((39500010 4000010, 39500020 4000010, 39500020 4000020, 39500010 4000020,"
                + " 39500010 4000010))");
        Geometry withHole = wkt.read("POLYGON((39500000 4000000, 39500100 4000000, 39500100 4000100, 39500000"
                + " 4000100, 39500000 4000000), (39500010 4000010, 39500010 4000020, 39500020 4000020, 39500020"
                + " 4000010, 39500010 4000010))");
        assertThat(m.areaM2(withHole)).isCloseTo(m.areaM2(shell) - m.areaM2(hole), within(1e-6));
        Geometry multi = shell.getFactory().createMultiPolygon(new Polygon[] {(Polygon) shell, (Polygon) hole});
        assertThat(m.areaM2(multi)).isCloseTo(m.areaM2(shell) + m.areaM2(hole), within(1e-6));
        assertThat(m.areaM2(shell.reverse())).isCloseTo(m.areaM2(shell), within(1e-9));
    }

    /** Near the central meridian k² − 1 is below 10⁻⁷: there the two agree within the formula's tolerance. */
    @Test
    void nearTheCentralMeridianPlanarAndEllipsoidalAgree() {
        Random r = new Random(5);
        AreaMeasure national = AreaMeasure.ellipsoidal(ZONE_39);
        AreaMeasure planar = AreaMeasure.of(AreaMethod.PLANAR, ZONE_39);
        for (int i = 0; i < 50; i++) {
            Polygon p = RandomParcels.star(r, ZONE_39, 39_500_000 + r.nextDouble() * 1000, 4_000_000, 100, 12);
            assertThat(planar.areaM2(p) / national.areaM2(p) - 1).isCloseTo(0, within(1e-6));
        }
    }

    /**
     * Splitting a polygon keeps its area to 10⁻⁶: the shared edges cancel exactly, but each new vertex changes how the
     * national formula approximates the edge it lies on (see the class comment of EllipsoidalTrapezoidArea).
     */
    @Test
    void additivityUnderSplitting() {
        Random r = new Random(11);
        AreaMeasure m = AreaMeasure.ellipsoidal(ZONE_39);
        for (int i = 0; i < 200; i++) {
            Polygon a = RandomParcels.star(r, ZONE_39, 39_520_000, 4_000_000, 80, 5 + r.nextInt(40));
            Polygon b = RandomParcels.star(r, ZONE_39, 39_520_000 + r.nextDouble() * 80, 4_000_000, 80, 7);
            double whole = m.areaM2(a);
            double parts = m.areaM2(a.intersection(b)) + m.areaM2(a.difference(b));
            assertThat(parts / whole - 1).isCloseTo(0, within(1e-6));
        }
    }

    private static double zoneArea(Ellipsoid ellipsoid, double lat1, double lat2) {
        return authalicIntegral(ellipsoid, lat2) - authalicIntegral(ellipsoid, lat1);
    }

    private static double authalicIntegral(Ellipsoid ellipsoid, double lat) {
        double e2 = ellipsoid.eccentricitySquared();
        double e = Math.sqrt(e2);
        double b = ellipsoid.semiMinorAxisM();
        double s = Math.sin(lat);
        return b * b * (s / (2 * (1 - e2 * s * s)) + Math.log((1 + e * s) / (1 - e * s)) / (4 * e));
    }
}
