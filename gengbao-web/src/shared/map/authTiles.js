// Vector tiles that need the bearer token: OpenLayers loads tiles with plain XHR, so the tile loader fetches each
// tile itself with authHeaders(). 204/404 is an empty tile; any other failure marks the tile as failed (OL retries it
// on the next render of that area).
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import { authHeaders, refused } from '../api.js';

export function authTileLoader(tile, url) {
  tile.setLoader(async (extent, resolution, projection) => {
    try {
      const headers = authHeaders();
      const response = await fetch(url, { headers });
      if (response.status === 204 || response.status === 404) {
        tile.setFeatures([]);
        return;
      }
      if (response.status === 401) refused(headers.Authorization);
      if (!response.ok) {
        tile.onError();
        return;
      }
      const data = await response.arrayBuffer();
      tile.setFeatures(tile.getFormat().readFeatures(data, { extent, featureProjection: projection }));
    } catch {
      tile.onError();
    }
  });
}

/**
 * A vector-tile layer of the map layer id. options: url (template with {z}/{x}/{y}; default
 * /api/v1/map/tiles/{id}/{z}/{x}/{y}.mvt), style (an OL style or function), minZoom (below it the layer is hidden and
 * asks for nothing), maxZoom (of the data: deeper views enlarge these tiles), zIndex, visible, declutter.
 */
export function authVectorTileLayer(id, { url, style, minZoom, maxZoom = 16, zIndex, visible = true, declutter } = {}) {
  const source = new VectorTileSource({
    format: new MVT(),
    url: url ?? `/api/v1/map/tiles/${encodeURIComponent(id)}/{z}/{x}/{y}.mvt`,
    tileLoadFunction: authTileLoader,
    maxZoom,
    wrapX: false,
  });
  const layer = new VectorTileLayer({
    source,
    style,
    zIndex,
    visible,
    declutter,
    minZoom: minZoom != null ? Math.max(0, minZoom - 0.001) : undefined,
    renderMode: 'hybrid',
  });
  layer.set('gengbaoLayer', id);
  return layer;
}
