// Drawing one patch on the map with OpenLayers' Draw interaction (Esc cancels, Backspace removes the last corner),
// or showing a patch that came from a file. The patch leaves as a GeoJSON geometry in lon/lat (EPSG:4326, which the
// server reads as CGCS2000 lon/lat).
import { reactive } from 'vue';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Draw from 'ol/interaction/Draw.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Style from 'ol/style/Style.js';
import Stroke from 'ol/style/Stroke.js';
import Fill from 'ol/style/Fill.js';

const LON_LAT = { dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' };
const PATCH_STYLE = new Style({
  stroke: new Stroke({ color: '#0d47a1', width: 3 }),
  fill: new Fill({ color: 'rgba(13,71,161,0.18)' }),
});

/** onPatch(geometry) is called with a GeoJSON Polygon in lon/lat when a drawing is finished. */
export function patchDrawing(map, onPatch) {
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, style: PATCH_STYLE, zIndex: 100 }));
  const state = reactive({ drawing: false, hasPatch: false });
  let draw = null;

  function onKey(event) {
    if (!draw) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Backspace' && event.target === map.getTargetElement()) {
      event.preventDefault();
      draw.removeLastPoint();
    }
  }

  function stop() {
    if (draw) map.removeInteraction(draw);
    draw = null;
    state.drawing = false;
    document.removeEventListener('keydown', onKey);
  }

  function start() {
    clear();
    draw = new Draw({ source, type: 'Polygon' });
    draw.on('drawend', (event) => {
      stop();
      state.hasPatch = true;
      onPatch(new GeoJSON().writeGeometryObject(event.feature.getGeometry(), { ...LON_LAT, decimals: 9 }));
    });
    map.addInteraction(draw);
    document.addEventListener('keydown', onKey);
    state.drawing = true;
    map.getTargetElement().focus();
  }

  function cancel() {
    draw?.abortDrawing();
    stop();
  }

  function clear() {
    cancel();
    source.clear();
    state.hasPatch = false;
  }

  /** Shows a lon/lat GeoJSON geometry (from a file) and zooms to it; other systems are analysed but not drawn. */
  function show(geometry, crs, { fit = true } = {}) {
    clear();
    state.hasPatch = true;
    if (crs && !/^EPSG:(4326|4490)$/i.test(crs)) return;
    const feature = new GeoJSON().readFeature({ type: 'Feature', geometry, properties: {} }, LON_LAT);
    source.addFeature(feature);
    if (fit) map.getView().fit(feature.getGeometry().getExtent(), { padding: [60, 60, 60, 60], maxZoom: 19, duration: 300 });
  }

  return { state, start, cancel, clear, show, dispose: stop };
}
