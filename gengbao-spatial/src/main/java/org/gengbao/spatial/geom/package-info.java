/**
 * Geometry intake: parsing GeoJSON (RFC 7946), WKT and WKB, checking coordinates, bringing geometries into the county's
 * working Gauss-Krüger system on a 1 mm grid, and validating them with repairs that are recorded.
 *
 * <p><b>Precision.</b> Working geometries are in metres of one CGCS2000 Gauss-Krüger zone, with every input coordinate
 * rounded to {@link org.gengbao.spatial.geom.WorkingPrecision#GRID_M 1 mm} on intake (surveys deliver millimetres or
 * coarser). Overlay then runs in floating precision on those exact values, with snapping and snap-rounding fallbacks
 * (see {@code overlay.RobustOverlay}).
 *
 * <p><b>Repairs.</b> An invalid polygon is repaired only when the repair is unambiguous, which Gengbao defines as:
 * the repaired polygon encloses exactly the area its rings enclose (shell minus holes, by the shoelace formula). Removing
 * a spike, splitting a self-touching ring into shell and hole, merging parts that share an edge, dropping repeated
 * vertices — all keep that area and are recorded with a reason and a location. A bow-tie (crossing edges) or overlapping
 * parts change it, so they are rejected with the place of the problem: only the person who drew the outline knows what
 * was meant.
 */
package org.gengbao.spatial.geom;
