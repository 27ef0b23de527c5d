// How a map layer is drawn, from the description GET /api/v1/map/layers gives: style hints (fill, fillOpacity,
// stroke, strokeWidth, dash, pattern "hatch", fillBy = the attribute whose legend colour fills a feature, pointRadius,
// label, labelMinZoom, fadeWhen) and a legend {attribute, items: [{value, zh, en, colour, strokeWidth?, dash?}]}, where
// the item with value null stands for every value the legend does not list. Styles are cached per legend value and
// fading, because a style function runs for every feature of every rendered tile.
import Style from 'ol/style/Style.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Text from 'ol/style/Text.js';
import CircleStyle from 'ol/style/Circle.js';

/** Faded features (out of force, closed clues) keep this share of their opacity. */
const FADED = 0.35;

/** #rrggbb (or #rgb) with an alpha, as rgba(); other CSS colours are returned unchanged. */
export function withAlpha(colour, alpha) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour || '');
  if (!m) return colour;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}

const hatches = new Map();
/** Diagonal lines over a background (basic farmland's conventional symbol) as a canvas pattern. */
function hatchPattern(line, background) {
  const key = line + '|' + background;
  if (hatches.has(key)) return hatches.get(key);
  const size = 10;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, size, size);
  }
  ctx.strokeStyle = line;
  ctx.lineWidth = 1.2;
  ctx.beginPath();
  for (const d of [-size, 0, size]) {
    ctx.moveTo(d, size);
    ctx.lineTo(d + size, 0);
  }
  ctx.stroke();
  const pattern = ctx.createPattern(canvas, 'repeat');
  hatches.set(key, pattern);
  return pattern;
}

/** The look of one legend class of a layer: {fill, fillOpacity, stroke, width, dash, hatch}. */
export function symbolOf(layer, item) {
  const h = layer.style ?? {};
  const fill = h.fillBy ? (item?.colour ?? h.fill) : h.fill;
  const ownStroke = item && ('strokeWidth' in item || 'dash' in item);
  return {
    fill,
    fillOpacity: h.fillOpacity ?? (fill ? 0.3 : 0),
    stroke: h.stroke ?? item?.colour ?? fill ?? '#555555',
    width: (ownStroke ? item.strokeWidth : undefined) ?? h.strokeWidth ?? 1,
    dash: ownStroke ? item.dash : h.dash,
    hatch: h.pattern === 'hatch',
  };
}

function olStyle(s, faded, pointRadius) {
  const k = faded ? FADED : 1;
  const background = s.fill ? withAlpha(s.fill, s.fillOpacity * k) : undefined;
  const fill = s.hatch ? hatchPattern(withAlpha(s.stroke, k), background) : background;
  return new Style({
    fill: fill ? new Fill({ color: fill }) : undefined,
    stroke: new Stroke({ color: withAlpha(s.stroke, faded ? 0.6 : 1), width: s.width, lineDash: faded ? (s.dash ?? [4, 4]) : s.dash }),
    image: new CircleStyle({
      radius: pointRadius,
      fill: new Fill({ color: withAlpha(s.fill ?? s.stroke, faded ? 0.3 : 0.95) }),
      stroke: new Stroke({ color: faded ? withAlpha(s.fill ?? s.stroke, 0.8) : '#ffffff', width: 1.5, lineDash: faded ? [3, 2] : undefined }),
    }),
    zIndex: faded ? 0 : 1,
  });
}

/** A test for the fadeWhen hint: {attribute: value} or {attribute: [values]}; all must hold. */
function fadeTest(fadeWhen) {
  const rules = Object.entries(fadeWhen ?? {});
  if (!rules.length) return () => false;
  return (feature) =>
    rules.every(([key, want]) => {
      const v = feature.get(key);
      return Array.isArray(want) ? want.includes(v) : v === want;
    });
}

function textStyle(text) {
  return new Style({
    text: new Text({
      text,
      font: '12px system-ui, "Noto Sans CJK SC", sans-serif',
      fill: new Fill({ color: '#1d2a1d' }),
      stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 3 }),
      overflow: false,
    }),
  });
}

/** The legend entry for a feature's value of the legend attribute (the catch-all entry for unlisted values). */
export function legendLookup(layer) {
  const items = new Map();
  for (const i of layer.legend?.items ?? []) items.set(i.value == null ? null : String(i.value), i);
  return (value) => items.get(value == null ? null : String(value)) ?? items.get(null);
}

/** The OpenLayers style function of a layer description (without its labels: see labelStyle). */
export function layerStyle(layer) {
  const h = layer.style ?? {};
  const by = h.fillBy ?? layer.legend?.attribute ?? null;
  const lookup = legendLookup(layer);
  const faded = fadeTest(h.fadeWhen);
  const pointRadius = h.pointRadius ?? 5;
  const cache = new Map();
  return (feature) => {
    const value = by ? (feature.get(by) ?? null) : null;
    const fade = faded(feature);
    const key = value + '|' + fade;
    let style = cache.get(key);
    if (!style) {
      style = olStyle(symbolOf(layer, by ? lookup(value) : undefined), fade, pointRadius);
      cache.set(key, style);
    }
    return style;
  };
}

/**
 * The labels of a layer (hint label: the attribute to show, from labelMinZoom), or null when it has none. Labels go on
 * a layer of their own with decluttering, so that the shapes stay clipped to their tiles (OpenLayers does not clip a
 * decluttered layer, and the tiles' buffers would show).
 */
export function labelStyle(layer) {
  const attribute = layer.style?.label;
  if (!attribute) return null;
  return (feature) => {
    const text = feature.get(attribute);
    return text == null || text === '' ? null : textStyle(String(text));
  };
}

/** CSS for a legend swatch of a layer (or one of its legend items). */
export function swatchCss(layer, item) {
  const s = symbolOf(layer, item);
  const border = `${Math.min(3, Math.max(1, s.width))}px ${s.dash ? 'dashed' : 'solid'} ${s.stroke}`;
  const fill = s.fill ? withAlpha(s.fill, Math.max(s.fillOpacity, 0.25)) : 'transparent';
  const background = s.hatch ? `repeating-linear-gradient(135deg, ${s.stroke} 0 1px, ${fill} 1px 5px)` : fill;
  return { border, background };
}
