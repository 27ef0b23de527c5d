/**
 * GeoJSON (RFC 7946, plus the legacy {@code crs} member GDAL writes for projected data) as a stream of features.
 *
 * <p>Both directions stream with Jackson's parser and generator:
 * {@link org.gengbao.spatial.io.geojson.GeoJsonFeatureReader} holds one Feature at a time (its geometry as a small tree
 * converted by {@link org.gengbao.spatial.geom.GeoJsonGeometryParser}, its properties converted token by token so that
 * decimals stay exact), and {@link org.gengbao.spatial.io.geojson.GeoJsonWriter} writes one feature per line with fixed
 * coordinate decimals and right-hand-rule rings. Neither builds the whole document in memory.
 */
package org.gengbao.spatial.io.geojson;
