package org.gengbao.spatial.geom;

import java.util.Locale;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.SpatialInputException.Location;
import org.gengbao.spatial.crs.ChinaExtent;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Plausibility of coordinates for their declared system. The messages name the likely mistake — swapped axes, metres
 * declared as degrees, a zone prefix that does not match the EPSG code — because that is what a person needs to fix it.
 */
final class CoordinateChecks {
    private CoordinateChecks() {}

    static void check(Geometry g, Crs crs) {
        if (crs instanceof GaussKrugerCrs gk) {
            checkGaussKruger(g, gk);
        } else {
            for (Coordinate c : g.getCoordinates()) {
                checkDegrees(c.x, c.y, crs);
            }
        }
    }

    private static void checkDegrees(double lon, double lat, Crs crs) {
        if (ChinaExtent.contains(lon, lat)) {
            return;
        }
        Location at = new Location(lon, lat, crs.code());
        if (ChinaExtent.contains(lat, lon)) {
            throw new SpatialInputException(
                    "AXES_SWAPPED",
                    "坐标 " + at + " 的经纬度似乎颠倒了：此处先写经度、后写纬度",
                    "Longitude and latitude appear swapped at " + at + ": give longitude first, then latitude",
                    at);
        }
        if (Math.abs(lon) > 360 || Math.abs(lat) > 90) {
            throw new SpatialInputException(
                    "COORDINATES_LOOK_PROJECTED",
                    "坐标 " + at + " 不是经纬度，像是高斯-克吕格投影坐标（米）；请指明坐标系，如 EPSG:4527",
                    "Coordinates " + at + " are not degrees; they look like Gauss-Kruger metres. Name the coordinate"
                            + " system, e.g. EPSG:4527",
                    at);
        }
        throw new SpatialInputException(
                "OUTSIDE_CHINA",
                "坐标 " + at + " 不在中国范围内（东经 73°–136°，北纬 3°–54°）",
                "Position " + at + " is outside China (73-136°E, 3-54°N)",
                at);
    }

    private static void checkGaussKruger(Geometry g, GaussKrugerCrs gk) {
        GaussKrugerProjection projection = GaussKrugerProjection.of(gk);
        double[] lonLat = new double[2];
        for (Coordinate c : g.getCoordinates()) {
            Location at = new Location(c.x, c.y, gk.code());
            if (Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90) {
                throw new SpatialInputException(
                        "COORDINATES_LOOK_GEOGRAPHIC",
                        "坐标 " + at + " 像是经纬度而不是米；经纬度请使用 EPSG:4490",
                        "Coordinates " + at + " look like degrees, not metres; use EPSG:4490 for longitude/latitude",
                        at);
            }
            int prefix = (int) Math.floor(c.x / 1_000_000.0);
            if (gk.zonePrefixedEasting() && prefix != gk.zoneNumber()) {
                throw prefixMismatch(gk, c, prefix, at);
            }
            if (!gk.zonePrefixedEasting() && prefix != 0) {
                throw prefixMismatch(gk, c, prefix, at);
            }
            projection.inverseDegrees(c.x, c.y, lonLat);
            if (!ChinaExtent.contains(lonLat[0], lonLat[1])) {
                throw new SpatialInputException(
                        "OUTSIDE_CHINA",
                        "坐标 " + at + " 换算为经纬度后不在中国范围内（" + degrees(lonLat) + "）",
                        "Position " + at + " falls outside China once converted to longitude/latitude ("
                                + degrees(lonLat) + ")",
                        at);
            }
        }
    }

    private static SpatialInputException prefixMismatch(GaussKrugerCrs gk, Coordinate c, int prefix, Location at) {
        String hintEn;
        String hintZh;
        if (prefix == 0) {
            GaussKrugerCrs plain = CrsRegistry.gaussKruger(gk.width(), gk.zoneNumber(), false);
            hintEn = "the easting has no zone prefix; for unprefixed eastings use " + plain.code() + " (" + plain.name()
                    + ")";
            hintZh = "东坐标不带带号；不带带号的坐标请使用 " + plain.code();
        } else if (!gk.zonePrefixedEasting()) {
            hintEn = "the easting carries zone prefix " + prefix + ", but " + gk.code() + " has none; use "
                    + suggest(gk, prefix);
            hintZh = "东坐标带有带号 " + prefix + "，而 " + gk.code() + " 不带带号；请使用 " + suggest(gk, prefix);
        } else {
            hintEn = "the easting carries zone prefix " + prefix + ", but " + gk.code() + " is zone " + gk.zoneNumber()
                    + "; use " + suggest(gk, prefix);
            hintZh = "东坐标的带号为 " + prefix + "，而 " + gk.code() + " 是第 " + gk.zoneNumber() + " 带；请使用 "
                    + suggest(gk, prefix);
        }
        return new SpatialInputException(
                "ZONE_PREFIX_MISMATCH",
                "坐标 " + at + " 与坐标系不符：" + hintZh,
                "Coordinates " + at + " do not match the coordinate system: " + hintEn,
                at);
    }

    private static String suggest(GaussKrugerCrs gk, int prefix) {
        try {
            return CrsRegistry.gaussKruger(gk.width(), prefix, true).code();
        } catch (SpatialInputException e) {
            return "the EPSG code of zone " + prefix;
        }
    }

    private static String degrees(double[] lonLat) {
        return String.format(Locale.ROOT, "%.6f°E, %.6f°N", lonLat[0], lonLat[1]);
    }
}
