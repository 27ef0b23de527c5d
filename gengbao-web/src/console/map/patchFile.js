// Reading a patch from an uploaded file. The analysis endpoint takes one GeoJSON geometry or Feature (lon/lat unless
// a legacy "crs" member names another system), so a file must hold exactly one Polygon or MultiPolygon. A zipped
// shapefile is refused here with a message, because the server's analysis endpoint accepts GeoJSON only.
import { t } from '../../shared/i18n.js';

/** Files larger than this are not even read (a guard for the tab); the server enforces its own limit (BODY_TOO_LARGE). */
export const MAX_PATCH_FILE_BYTES = 20 * 1024 * 1024;

export class PatchFileError extends Error {}

/** {geometry, crs} from a File: geometry is a GeoJSON object, crs a code such as "EPSG:4527" or null. */
export async function readPatchFile(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.zip') || name.endsWith('.shp')) throw new PatchFileError(t('map.shapefileRefused'));
  if (file.size > MAX_PATCH_FILE_BYTES) {
    const mb = (file.size / 1048576).toFixed(1);
    throw new PatchFileError(t('map.fileTooLarge', { mb, max: MAX_PATCH_FILE_BYTES / 1048576 }));
  }
  let json;
  try {
    json = JSON.parse(await file.text());
  } catch (e) {
    throw new PatchFileError(t('map.fileNotJson', { detail: e.message }));
  }
  return patchFromGeoJson(json);
}

/** The single polygon of a GeoJSON geometry, Feature or FeatureCollection, with the collection's legacy crs. */
export function patchFromGeoJson(json) {
  const polygons = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'FeatureCollection') (node.features || []).forEach(visit);
    else if (node.type === 'Feature') visit(node.geometry);
    else if (node.type === 'GeometryCollection') (node.geometries || []).forEach(visit);
    else if (node.type === 'Polygon' || node.type === 'MultiPolygon') polygons.push(node);
  };
  visit(json);
  if (polygons.length === 0) throw new PatchFileError(t('map.fileNoPolygon'));
  if (polygons.length > 1) throw new PatchFileError(t('map.fileManyPolygons', { n: polygons.length }));
  return { geometry: polygons[0], crs: crsCode(json.crs) };
}

/** "EPSG:4527" from a GeoJSON 2008 crs member ("EPSG:4527", "urn:ogc:def:crs:EPSG::4527", OGC CRS84), else null. */
function crsCode(crs) {
  const name = crs?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84$/i.test(name)) return null;
  const m = name.match(/EPSG:{1,2}(\d+)$/i);
  return m ? 'EPSG:' + m[1] : name;
}
