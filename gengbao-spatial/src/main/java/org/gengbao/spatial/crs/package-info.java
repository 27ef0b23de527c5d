/**
 * Coordinate reference systems of CGCS2000 (China Geodetic Coordinate System 2000).
 *
 * <p>Gengbao understands exactly these systems, all on the CGCS2000 ellipsoid (a = 6378137 m, 1/f = 298.257222101):
 *
 * <ul>
 *   <li>EPSG:4490 — CGCS2000 geographic longitude/latitude in degrees;
 *   <li>EPSG:4326 — WGS 84 longitude/latitude, <em>treated as CGCS2000</em> (the two frames agree to a few centimetres,
 *       far below what a phone's GPS can resolve);
 *   <li>EPSG:4513–4533 — 3-degree Gauss-Krüger zones 25–45, easting prefixed with the zone number (e.g. 39 500 000 m);
 *   <li>EPSG:4534–4554 — the same 3-degree zones without the prefix, named by central meridian 75°E–135°E;
 *   <li>EPSG:4491–4501 — 6-degree Gauss-Krüger zones 13–23, easting prefixed;
 *   <li>EPSG:4502–4512 — the same 6-degree zones without the prefix.
 * </ul>
 *
 * <p>Axis order is always easting/longitude first. The Gauss-Krüger mapping is Krüger's series to sixth order
 * (Karney 2011, the algorithm PROJ uses by default; see {@link org.gengbao.spatial.crs.GaussKrugerProjection} for why
 * not proj4j's): tested against PROJ's {@code cs2cs} (agreement better than 0.001 mm across China, half a degree
 * beyond each zone's edge) and against proj4j. Beijing 1954, Xi'an 1980 and the
 * shifted consumer-map systems (GCJ-02, BD-09) are deliberately <em>not</em> supported: mixing them in silently moves
 * a parcel by tens to hundreds of metres.
 */
package org.gengbao.spatial.crs;
