/**
 * The overlay analysis in PostGIS SQL, and the store it reads.
 *
 * <p>{@link org.gengbao.postgis.PostgisLayerStore} keeps layer versions in one table per kind (geometry in the county's
 * Gauss-Krüger SRID with a GiST index, each feature's ellipsoidal area by the national formula and its geodesic area by
 * PostGIS, and the attributes the analysis needs). {@link org.gengbao.postgis.PostgisOverlayEngine} computes the same
 * {@link org.gengbao.spatial.overlay.OverlayMeasurements} as the in-memory engine with three SQL statements per patch
 * (see {@link org.gengbao.postgis.OverlaySql} for the formulation and why).
 */
package org.gengbao.postgis;
