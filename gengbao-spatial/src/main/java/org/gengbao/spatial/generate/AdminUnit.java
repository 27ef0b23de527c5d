package org.gengbao.spatial.generate;

import org.locationtech.jts.geom.Geometry;

/**
 * A town (镇) or village (村) of the generated county.
 *
 * @param code 12-digit administrative code (county 6 + town 3 + village 3, "000" for a town)
 * @param parentCode the town's code for a village, the county's 6-digit code for a town
 */
public record AdminUnit(String code, String name, String parentCode, Geometry geometry) {
    /** The 19-digit location-unit code (坐落单位代码) of survey data: the 12-digit code padded with zeros. */
    public String locationCode() {
        return code + "0000000";
    }
}
