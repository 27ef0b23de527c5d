// How each map layer is drawn. Land use takes the survey's class colours from the legend the server sends; the other
// layers have fixed symbols (the server may override colours with style hints). Styles are cached per key, because a
// style function runs for every feature of every rendered tile.
import Style from 'ol/style/Style.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import CircleStyle from 'ol/style/Circle.js';

/** Colours of the clue verdicts (also the analysis panel's colours). */
export const VERDICT_COLOURS = {
  ILLEGAL: '#c62828',
  NEEDS_SITE_CHECK: '#ef8f00',
  LEGAL: '#2e7d32',
  NO_FARMLAND_INVOLVED: '#607d8b',
};
const NO_VERDICT = '#7b1fa2';
/** Clue statuses drawn hollow and dashed: no longer open. */
const FINISHED = new Set(['DISMISSED', 'CLOSED']);

/** Plan zones (GZQLXDM 管制区类型代码) when the legend gives no colour. */
const PLAN_COLOURS = { '010': '#d32f2f', '020': '#f57c00', '030': '#c9a400', '040': '#388e3c' };

/** Fixed symbols: stroke colour, width, dash, fill (rgba), and hatch for a diagonal pattern. */
const SYMBOLS = {
  jbnt: { stroke: '#1b5e20', width: 1.6, hatch: '#2e7d32' },
  approval: { stroke: '#c2185b', width: 1.6, fill: 'rgba(194,24,91,0.10)' },
  supply: { stroke: '#6a1b9a', width: 1.6, dash: [5, 3], fill: 'rgba(106,27,154,0.08)' },
  facility: { stroke: '#e65100', width: 1.6, fill: 'rgba(230,81,0,0.18)' },
  temporary: { stroke: '#00838f', width: 1.6, dash: [8, 4], fill: 'rgba(0,131,143,0.12)' },
  grid: { stroke: '#37474f', width: 1 },
  tracks: { stroke: '#1565c0', width: 2.5 },
};

/** The property of a land-use feature that holds its class code (DLBM in the national standard). */
const CODE_KEYS = ['DLBM', 'dlbm', 'code', 'landUseCode'];

export function codeOf(feature, key) {
  if (key) return feature.get(key);
  for (const k of CODE_KEYS) {
    const v = feature.get(k);
    if (v != null) return v;
  }
  return undefined;
}

/** #rrggbb (or #rgb) with an alpha, as rgba(); other CSS colours are returned unchanged. */
export function withAlpha(colour, alpha) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour || '');
  if (!m) return colour;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}

const hatchCache = new Map();
/** A diagonal hatch (basic farmland's conventional symbol) as a canvas pattern. */
export function hatchPattern(colour) {
  if (hatchCache.has(colour)) return hatchCache.get(colour);
  const size = 10;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(-size / 2, size / 2);
  ctx.lineTo(size / 2, -size / 2);
  ctx.moveTo(size / 2, size * 1.5);
  ctx.lineTo(size * 1.5, size / 2);
  ctx.stroke();
  const pattern = ctx.createPattern(canvas, 'repeat');
  hatchCache.set(colour, pattern);
  return pattern;
}

function symbolStyle({ stroke, width = 1.5, dash, fill, hatch }) {
  return new Style({
    stroke: new Stroke({ color: stroke, width, lineDash: dash }),
    fill: hatch ? new Fill({ color: hatchPattern(hatch) }) : fill ? new Fill({ color: fill }) : undefined,
    image: new CircleStyle({ radius: 4, fill: new Fill({ color: stroke }) }),
  });
}

/** A colour per class code from the legend ({code, color}); unknown codes are grey. */
function classStyle(legend, { alpha, width, outline, codeKey }) {
  const colours = new Map((legend || []).map((e) => [String(e.code), e.color ?? e.colour]));
  const cache = new Map();
  return (feature) => {
    const code = String(codeOf(feature, codeKey) ?? '');
    let style = cache.get(code);
    if (!style) {
      const colour = colours.get(code) ?? PLAN_COLOURS[code] ?? '#9e9e9e';
      style = new Style({
        fill: new Fill({ color: withAlpha(colour, alpha) }),
        stroke: new Stroke({ color: outline ?? colour, width }),
      });
      cache.set(code, style);
    }
    return style;
  };
}

/** Clues: a dot or an outline in the colour of the verdict; closed and dismissed clues hollow and dashed. */
function clueStyle() {
  const cache = new Map();
  return (feature) => {
    const verdict = feature.get('verdict') ?? '';
    const status = feature.get('status') ?? '';
    const finished = FINISHED.has(status);
    const key = verdict + '|' + finished;
    let style = cache.get(key);
    if (!style) {
      const colour = VERDICT_COLOURS[verdict] ?? NO_VERDICT;
      style = new Style({
        image: new CircleStyle({
          radius: 7,
          fill: new Fill({ color: finished ? 'rgba(255,255,255,0.85)' : colour }),
          stroke: new Stroke({ color: finished ? colour : '#fff', width: 2, lineDash: finished ? [3, 2] : undefined }),
        }),
        fill: new Fill({ color: withAlpha(colour, finished ? 0.08 : 0.3) }),
        stroke: new Stroke({ color: colour, width: 2.5, lineDash: finished ? [6, 4] : undefined }),
        zIndex: finished ? 0 : 1,
      });
      cache.set(key, style);
    }
    return style;
  };
}

/** Grid cells: village outlines thin, town outlines thick. */
function gridStyle(symbol) {
  const village = symbolStyle(symbol);
  const town = new Style({ stroke: new Stroke({ color: symbol.stroke, width: symbol.width * 2.5 }) });
  return (feature) => {
    const level = String(feature.get('level') ?? '').toUpperCase();
    const code = String(feature.get('code') ?? '');
    return level === 'TOWN' || /^\d{9}000$/.test(code) ? town : village;
  };
}

/**
 * The style of a map layer from its description (GET /api/v1/map/layers): {id, kind?, legend?, style?}. style hints
 * the server may give: stroke, fill, width, dash, hatch, property (the attribute holding the class code).
 */
export function layerStyle(layer) {
  const kind = layer.kind ?? layer.id;
  const hints = layer.style ?? {};
  if (kind === 'dltb') {
    return classStyle(layer.legend, { alpha: 0.72, width: 0.6, outline: 'rgba(255,255,255,0.7)', codeKey: hints.property });
  }
  if (kind === 'plan') return classStyle(layer.legend, { alpha: 0.1, width: 2, codeKey: hints.property });
  if (kind === 'clues') return clueStyle();
  const symbol = { ...(SYMBOLS[kind] ?? { stroke: '#455a64', width: 1.5 }), ...pickHints(hints) };
  if (kind === 'grid') return gridStyle(symbol);
  return symbolStyle(symbol);
}

function pickHints(h) {
  const out = {};
  for (const k of ['stroke', 'fill', 'width', 'dash', 'hatch']) if (h[k] != null) out[k] = h[k];
  return out;
}

/** A small CSS description of a layer's symbol for the legend: {background, border}. */
export function swatchOf(layer) {
  const kind = layer.kind ?? layer.id;
  const s = { ...(SYMBOLS[kind] ?? { stroke: '#455a64' }), ...pickHints(layer.style ?? {}) };
  const border = `2px ${s.dash ? 'dashed' : 'solid'} ${s.stroke}`;
  if (s.hatch) {
    return { border, background: `repeating-linear-gradient(135deg, ${s.hatch} 0 1px, transparent 1px 5px)` };
  }
  return { border, background: s.fill ?? 'transparent' };
}
