// How the map draws the offline package (GeoJSON in lon/lat, CGCS2000 ≈ WGS 84 at map scale) and the phone's own
// things: GPS, track, the observation being drawn, and the queued observations.
import GeoJSON from 'ol/format/GeoJSON.js';
import { Circle as CircleStyle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style.js';

export const FORMAT = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

/** Package layers the map offers, bottom to top: [package layer name, words key, shown at first]. */
export const PACKAGE_LAYERS = [
  ['dltb', 'patrol.layer.dltb', true],
  ['farmland', 'patrol.layer.farmland', true],
  ['task_area', 'patrol.layer.task_area', true],
  ['clues', 'patrol.layer.clues', true],
  ['signs', 'patrol.layer.signs', true],
  ['markers', 'patrol.layer.markers', true],
  ['targets', 'patrol.layer.targets', true],
];

// Land-use classes (GB/T 21010 first-level codes, the first two digits of DLBM).
const LAND_USE = {
  '01': '#f3e58c', '02': '#d8b66a', '03': '#86bb7f', '04': '#bcdb96', '05': '#e7a3a3', '06': '#c99ac0',
  '07': '#eaa886', '08': '#f1bccb', '09': '#b9b9b9', '10': '#c8c8c8', '11': '#97c6e6', '12': '#dedede',
};

function rgba(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

const cache = new Map();
const once = (key, make) => (cache.has(key) ? cache.get(key) : cache.set(key, make()).get(key));

const damaged = (c) => c === 'DAMAGED' || c === 'MISSING';

export const STYLES = {
  dltb: (f) => {
    const code = String(f.get('DLBM') ?? '').slice(0, 2);
    return once('dltb' + code, () => new Style({
      fill: new Fill({ color: rgba(LAND_USE[code] ?? '#dddddd', 0.45) }),
      stroke: new Stroke({ color: 'rgba(90,90,90,0.35)', width: 0.6 }),
    }));
  },
  farmland: () => once('farmland', () => new Style({
    fill: new Fill({ color: 'rgba(214,170,0,0.12)' }),
    stroke: new Stroke({ color: '#b38f00', width: 1.4 }),
  })),
  task_area: () => once('task', () => new Style({ stroke: new Stroke({ color: '#1f4d27', width: 3, lineDash: [10, 6] }) })),
  clues: () => once('clues', () => new Style({
    fill: new Fill({ color: 'rgba(200,0,30,0.2)' }),
    stroke: new Stroke({ color: '#c8001e', width: 2 }),
    image: new CircleStyle({ radius: 7, fill: new Fill({ color: '#c8001e' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  })),
  signs: (f) => once('sign' + damaged(f.get('condition')), () => new Style({
    image: new RegularShape({ points: 4, radius: 7, angle: Math.PI / 4, fill: new Fill({ color: '#1f5fa8' }),
      stroke: new Stroke({ color: damaged(f.get('condition')) ? '#e00000' : '#fff', width: 2 }) }),
  })),
  markers: (f) => once('marker' + damaged(f.get('condition')), () => new Style({
    image: new CircleStyle({ radius: 4, fill: new Fill({ color: '#6b3fa0' }),
      stroke: new Stroke({ color: damaged(f.get('condition')) ? '#e00000' : '#fff', width: 1.5 }) }),
  })),
  targets: (f) => new Style({
    image: new RegularShape({ points: 4, radius: 13, fill: new Fill({ color: '#ad1457' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: new Text({ text: String(f.get('seq') ?? ''), fill: new Fill({ color: '#fff' }), font: 'bold 12px sans-serif' }),
  }),
};

export const TRACK_STYLE = new Style({ stroke: new Stroke({ color: '#1565c0', width: 4 }) });

export const GPS_STYLES = {
  accuracy: new Style({ fill: new Fill({ color: 'rgba(21,101,192,0.12)' }), stroke: new Stroke({ color: 'rgba(21,101,192,0.5)', width: 1 }) }),
  position: new Style({ image: new CircleStyle({ radius: 8, fill: new Fill({ color: '#1565c0' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) }),
};

export function draftStyle(feature) {
  const i = feature.get('corner');
  if (i != null) {
    return new Style({
      image: new CircleStyle({ radius: 10, fill: new Fill({ color: '#ff6f00' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: new Text({ text: String(i + 1), fill: new Fill({ color: '#fff' }), font: 'bold 12px sans-serif' }),
    });
  }
  return new Style({
    fill: new Fill({ color: 'rgba(255,111,0,0.25)' }),
    stroke: new Stroke({ color: '#ff6f00', width: 3 }),
  });
}

const VERDICT_COLOUR = { ILLEGAL: '#c8001e', LEGAL: '#2e7d32', NEEDS_SITE_CHECK: '#8a5a00', NO_FARMLAND_INVOLVED: '#546e7a' };

/** Saved observations: dashed orange while waiting, the verdict's colour once synced. */
export function savedStyle(feature) {
  const colour = feature.get('state') === 'synced' ? VERDICT_COLOUR[feature.get('verdict')] ?? '#546e7a' : '#ff6f00';
  const dash = feature.get('state') === 'synced' ? undefined : [6, 4];
  return new Style({
    fill: new Fill({ color: rgba(colour, 0.18) }),
    stroke: new Stroke({ color: colour, width: 2.5, lineDash: dash }),
    image: new CircleStyle({ radius: 7, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  });
}
