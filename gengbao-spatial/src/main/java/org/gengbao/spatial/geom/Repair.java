package org.gengbao.spatial.geom;

import org.gengbao.spatial.SpatialInputException.Location;

/**
 * An unambiguous repair made to an input geometry, kept with the result so the change is visible.
 *
 * @param code stable identifier, e.g. {@code SPIKE_REMOVED}
 * @param location where, in longitude/latitude (EPSG:4490)
 */
public record Repair(String code, String zh, String en, Location location) {}
