package org.gengbao.spatial.overlay;

import org.locationtech.jts.geom.Geometry;

/** The part of the patch inside one reference feature, with its area. */
record Piece(Geometry geometry, double areaM2, IndexedFeature feature, LayerIndex layer) {}
