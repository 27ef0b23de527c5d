// The OpenLayers map of the console: Web Mercator view fitted to the county, the configured base map, zoom buttons
// with labels in the user's language, a "whole county" button, a scale line and the pointer's lon/lat.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Zoom from 'ol/control/Zoom.js';
import ZoomToExtent from 'ol/control/ZoomToExtent.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import MousePosition from 'ol/control/MousePosition.js';
import Attribution from 'ol/control/Attribution.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import { format as formatCoordinate } from 'ol/coordinate.js';
import { t } from '../../shared/i18n.js';
import { baseMapLayer } from '../../shared/map/baseMap.js';

/** The county extent [west, south, east, north] in lon/lat from the map configuration, or null. */
function countyExtentLonLat(config) {
  const e = config?.extent;
  return Array.isArray(e) && e.length === 4 && e.every(Number.isFinite) ? e : null;
}

function labelButton(control, selector, label) {
  const button = control.element.querySelector(selector);
  button.setAttribute('aria-label', label);
  button.title = label;
}

/** Creates the map in target; returns {map, countyExtent (EPSG:3857 or null)}. */
export function createCountyMap(target, config) {
  const extentLonLat = countyExtentLonLat(config);
  const countyExtent = extentLonLat ? transformExtent(extentLonLat, 'EPSG:4326', 'EPSG:3857') : null;
  const center = Array.isArray(config?.center) ? config.center : null;
  const view = new View({
    center: center ? fromLonLat(center) : fromLonLat([116.4, 36.5]),
    zoom: config?.zoom ?? 11,
    maxZoom: 21,
    constrainResolution: false,
  });

  const zoom = new Zoom({ zoomInTipLabel: t('map.zoomIn'), zoomOutTipLabel: t('map.zoomOut') });
  labelButton(zoom, '.ol-zoom-in', t('map.zoomIn'));
  labelButton(zoom, '.ol-zoom-out', t('map.zoomOut'));
  const controls = [zoom, new ScaleLine({ units: 'metric' }), new Attribution({ collapsible: true })];
  if (countyExtent) {
    const fit = new ZoomToExtent({ extent: countyExtent, label: '⤢', tipLabel: t('map.fit') });
    labelButton(fit, 'button', t('map.fit'));
    controls.push(fit);
  }
  const position = new MousePosition({
    projection: 'EPSG:4326',
    coordinateFormat: (c) => formatCoordinate(c, '{x}°E, {y}°N', 5),
    placeholder: '',
    className: 'ol-mouse-position gengbao-position',
  });
  position.element.setAttribute('aria-label', t('map.position'));
  position.element.title = t('map.position');
  controls.push(position);

  const base = baseMapLayer(config?.base);
  const map = new Map({ target, view, controls, layers: base ? [base] : [] });
  if (countyExtent) view.fit(countyExtent, { padding: [20, 20, 20, 20] });
  return { map, countyExtent };
}
