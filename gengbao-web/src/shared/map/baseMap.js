// The base map of both apps, as GET /api/v1/map/config describes it: {type: none|xyz|wmts, url, attribution, ...}.
// "none" (the default) is no layer at all — the map's own background colour — so a default install makes no request
// outside the server. An XYZ URL has {x}/{y}/{z}; a WMTS URL is either a KVP template with {TileMatrix}, {TileRow}
// and {TileCol} (Tianditu's "…/vec_w/wmts?…&TILEMATRIXSET=w&…&tk=KEY" form, Web Mercator) or a plain endpoint with
// layer/matrixSet/format/style given next to it.
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import WMTS from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import { get as getProjection } from 'ol/proj.js';
import { getTopLeft, getWidth } from 'ol/extent.js';

/** A tile layer for the base map, or null when there is none (type "none", no URL or an unknown type). */
export function baseMapLayer(baseMap) {
  if (!baseMap || !baseMap.url) return null;
  const type = String(baseMap.type || 'none').toLowerCase();
  const attributions = baseMap.attribution ? [baseMap.attribution] : undefined;
  let source = null;
  if (type === 'xyz') {
    source = new XYZ({ url: baseMap.url, attributions, crossOrigin: 'anonymous', maxZoom: baseMap.maxZoom ?? 18 });
  } else if (type === 'wmts') {
    source = /\{TileMatrix\}/i.test(baseMap.url) ? wmtsTemplate(baseMap, attributions) : wmtsKvp(baseMap, attributions);
  }
  if (!source) return null;
  const layer = new TileLayer({ source, zIndex: 0 });
  layer.set('gengbaoBase', true);
  return layer;
}

/** A WMTS KVP/REST template over Web Mercator tiles (matrix = zoom, row = y, col = x), as Tianditu serves them. */
function wmtsTemplate({ url, maxZoom = 18 }, attributions) {
  const xyz = url.replace(/\{TileMatrix\}/gi, '{z}').replace(/\{TileRow\}/gi, '{y}').replace(/\{TileCol\}/gi, '{x}');
  return new XYZ({ url: xyz, attributions, crossOrigin: 'anonymous', maxZoom });
}

function wmtsKvp(baseMap, attributions) {
  const projection = getProjection('EPSG:3857');
  const extent = projection.getExtent();
  const size = getWidth(extent) / 256;
  const resolutions = [];
  const matrixIds = [];
  for (let z = 0; z <= (baseMap.maxZoom ?? 18); z++) {
    resolutions.push(size / 2 ** z);
    matrixIds.push(String(z));
  }
  return new WMTS({
    url: baseMap.url,
    layer: baseMap.layer ?? 'vec',
    matrixSet: baseMap.matrixSet ?? 'w',
    format: baseMap.format ?? 'tiles',
    style: baseMap.style ?? 'default',
    projection,
    tileGrid: new WMTSTileGrid({ origin: getTopLeft(extent), resolutions, matrixIds }),
    attributions,
    crossOrigin: 'anonymous',
    wrapX: true,
  });
}
