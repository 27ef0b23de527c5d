// The thematic layers of the console map: one vector-tile layer per entry of GET /api/v1/map/layers (only the layers
// the caller may see are listed), drawn in a fixed order from land use at the bottom to clues on top.
import { authVectorTileLayer } from '../../shared/map/authTiles.js';
import { layerStyle } from './styles.js';

const ORDER = ['dltb', 'plan', 'jbnt', 'approval', 'supply', 'facility', 'temporary', 'grid', 'tracks', 'clues'];
/** Layers switched off at start (busy outlines that would hide land use): the user turns them on. */
const OFF_AT_START = new Set(['plan', 'supply', 'facility', 'temporary']);

/** The layer list of the answer ({layers: [...]} or a bare array), in drawing order. */
export function layerList(answer) {
  const list = Array.isArray(answer) ? answer : (answer?.layers ?? []);
  const rank = (l) => {
    const i = ORDER.indexOf(l.kind ?? l.id);
    return i < 0 ? ORDER.length : i;
  };
  return [...list].sort((a, b) => rank(a) - rank(b));
}

/** Builds the OL layers; onTileError(id) counts failed tiles. Returns {id: layer}. */
export function thematicLayers(map, layers, onTileError) {
  const built = {};
  layers.forEach((l, i) => {
    const kind = l.kind ?? l.id;
    const visible = l.visible ?? !OFF_AT_START.has(kind);
    const layer = authVectorTileLayer(l.id, {
      style: layerStyle(l),
      minZoom: l.minZoom,
      maxZoom: l.maxZoom ?? 16,
      zIndex: 10 + i,
      visible,
      declutter: false,
    });
    layer.getSource().on('tileloaderror', () => onTileError(l.id));
    map.addLayer(layer);
    built[l.id] = layer;
  });
  return built;
}
