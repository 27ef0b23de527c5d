package org.gengbao.server.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * One cell of the grid.
 *
 * @param code 12-digit administrative code (a town's ends in "000")
 * @param parentCode the town of a village, the county (6 digits) of a town
 * @param geometry the boundary in the county's working Gauss-Krüger system
 * @param areaM2 ellipsoidal area
 */
public record GridCell(
        String code, GridLevel level, String name, String parentCode, Geometry geometry, double areaM2) {}
