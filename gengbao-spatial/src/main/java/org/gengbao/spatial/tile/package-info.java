/**
 * Web map tiles: the EPSG:3857 tile pyramid ({@link org.gengbao.spatial.tile.TileAddress}, {@link
 * org.gengbao.spatial.tile.WebMercator}), the exact map from the county's working Gauss-Krüger zone to one tile's units
 * ({@link org.gengbao.spatial.tile.TileProjection}), what a tile draws of a feature — size filter, Douglas-Peucker
 * simplification to a quarter pixel, clipping to the buffered tile, rounding ({@link
 * org.gengbao.spatial.tile.TileGeometry}) — and the Mapbox Vector Tile encoding ({@link
 * org.gengbao.spatial.tile.VectorTileWriter}).
 *
 * <p>Tiles are for display only. They never feed a measurement: every figure of the analysis comes from the stored
 * geometries in the working zone.
 */
package org.gengbao.spatial.tile;
