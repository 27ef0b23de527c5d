// The thematic layers of the console map: one vector-tile layer per entry of GET /api/v1/map/layers (only the layers
// the caller may see are listed), drawn in a fixed order from land use at the bottom to clues on top.
import { authVectorTileLayer } from '../../shared/map/authTiles.js';
import { layerStyle } from './styles.js';

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

/** Builds the OL layers; onTileError(id) counts failed tiles. Returns {id: layer}. */
export function thematicLayers(map, layers, onTileError) {
  const built = {};
  layers.forEach((l, i) => {
    const visible = !OFF_AT_START.has(l.id);
    const layer = authVectorTileLayer(l.id, {
      url: l.tiles,
      style: layerStyle(l),
      minZoom: l.minZoom,
      maxZoom: l.maxZoom ?? 16,
      zIndex: 10 + i,
      visible,
      declutter: Boolean(l.style?.label),
    });
    layer.getSource().on('tileloaderror', () => onTileError(l.id));
    map.addLayer(layer);
    built[l.id] = layer;
  });
  return built;
}
