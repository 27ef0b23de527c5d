// The thematic layers of the console map: one vector-tile layer per entry of GET /api/v1/map/layers (only the layers
// the caller may see are listed), drawn in a fixed order from land use at the bottom to clues on top.
import { authVectorTileLayer } from '../../shared/map/authTiles.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import { labelStyle, layerStyle } from './styles.js';

const ORDER = ['dltb', 'plan', 'jbnt', 'approval', 'supply', 'facility', 'temporary', 'grid', 'tracks', 'clues'];
/** Layers switched off at start (busy outlines that would hide land use): the user turns them on. */
const OFF_AT_START = new Set(['plan', 'supply', 'facility', 'temporary']);

/** The layers of the answer in drawing order, land use at the bottom; ids this page does not know go on top. */
export function layerList(answer) {
  const list = Array.isArray(answer) ? answer : [];
  const rank = (l) => {
    const i = ORDER.indexOf(l.id);
    return i < 0 ? ORDER.length : i;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
}

/**
 * Adds the layers to the map: one vector-tile layer per map layer (property gengbaoLayer = its id, for clicks and
 * tests) and, for layers with labels, a decluttered label layer above everything on the same source. onTileError(id)
 * counts failed tiles. Returns {layers: {id: layer}, setVisible(id, on)}.
 */
export function thematicLayers(map, layers, onTileError) {
  const built = {};
  const labels = {};
  layers.forEach((l, i) => {
    const visible = !OFF_AT_START.has(l.id);
    const layer = authVectorTileLayer(l.id, {
      url: l.tiles,
      style: layerStyle(l),
      minZoom: l.minZoom,
      maxZoom: l.maxZoom ?? 16,
      zIndex: 10 + i,
      visible,
    });
    layer.getSource().on('tileloaderror', () => onTileError(l.id));
    map.addLayer(layer);
    built[l.id] = layer;
    const label = labelStyle(l);
    if (label) {
      const minZoom = Math.max(l.minZoom ?? 0, l.style.labelMinZoom ?? 0);
      labels[l.id] = new VectorTileLayer({
        source: layer.getSource(),
        style: label,
        declutter: true,
        minZoom: minZoom - 0.001,
        zIndex: 200 + i,
        visible,
      });
      map.addLayer(labels[l.id]);
    }
  });
  return {
    layers: built,
    setVisible(id, on) {
      built[id]?.setVisible(on);
      labels[id]?.setVisible(on);
    },
  };
}
