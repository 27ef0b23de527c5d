package org.gengbao.server.county;

import org.gengbao.spatial.crs.GaussKrugerCrs;

/**
 * The county served.
 *
 * @param code 6-digit administrative code
 * @param crs the working Gauss-Krüger zone
 */
public record County(String code, String name, GaussKrugerCrs crs) {}
