package org.gengbao.spatial.generate;

import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;

/**
 * What county to generate.
 *
 * @param seed everything follows from it
 * @param targetParcels approximate number of land-use parcels (DLTB features); the result is within a few percent
 * @param targetPlanZones number of planning polygons (0: one per grid cell)
 * @param approvals number of approval polygons
 * @param supplies number of land-supply polygons
 * @param countyCode 6-digit administrative code
 * @param originLonDeg longitude of the south-west corner
 * @param originLatDeg latitude of the south-west corner
 */
public record CountySpec(
        long seed,
        int targetParcels,
        int targetPlanZones,
        int approvals,
        int supplies,
        String countyCode,
        String countyName,
        GaussKrugerCrs crs,
        double originLonDeg,
        double originLatDeg) {

    /** The demo county: about 5 000 parcels, in 3-degree zone 39 (EPSG:4527) in Shandong. */
    public static CountySpec demo(long seed) {
        return of(seed, 5_000, 0, 250, 250);
    }

    /** The benchmark county: 100 000 parcels, 20 000 planning zones, 5 000 approvals and 5 000 supplies. */
    public static CountySpec benchmark(long seed) {
        return of(seed, 100_000, 20_000, 5_000, 5_000);
    }

    public static CountySpec of(long seed, int parcels, int planZones, int approvals, int supplies) {
        return new CountySpec(
                seed,
                parcels,
                planZones,
                approvals,
                supplies,
                "371399",
                "耕保示范县",
                (GaussKrugerCrs) CrsRegistry.byEpsg(4527),
                117.20,
                36.05);
    }
}
