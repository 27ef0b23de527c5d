/**
 * The web map's server side (issue 6): vector tiles of the reference layers in force, the grid cells, clues and patrol
 * tracks ({@link org.gengbao.server.map.MapTiles}; drawn by the spatial core's {@code tile} package), the catalogue of
 * layers a caller may see with legends and style hints (the land-use colours of {@code land-use-colours.csv}, the rest
 * in {@code map-styles.json}), and the base-map configuration ({@code gengbao.map.*}). REST under {@code /api/v1/map}.
 * Scoped layers are limited to the caller's grid scope exactly as the owning modules' list endpoints limit them.
 */
package org.gengbao.server.map;
