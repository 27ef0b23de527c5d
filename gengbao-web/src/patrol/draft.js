// The observation being drawn: kind, outline corners (walked with the GPS or tapped on the map) or a point, note and
// photos. Kept in IndexedDB at each change, so a reload or a crash in the middle of a patch loses nothing; the photo
// bytes go to IndexedDB as soon as they are taken.
import { reactive } from 'vue';
import { db, sha256Hex } from './db.js';
import { compass, gps } from './geo.js';

const empty = () => ({
  open: false,
  kind: 'SUSPECTED_VIOLATION',
  shape: 'polygon', // polygon | point
  input: 'walk', // walk (GPS position) | tap (on the map)
  corners: [], // [lon, lat]
  point: null, // [lon, lat]
  note: '',
  photos: [], // {sha256, size, type, takenAt, bearing, position}
  startedAt: null,
});

export const draft = reactive(empty());
let owner = null;

export async function restoreDraft(user) {
  owner = user;
  const saved = user ? await (await db()).get('drafts', user) : null;
  Object.assign(draft, empty(), saved ?? {});
}

export async function keepDraft() {
  if (owner) await (await db()).put('drafts', JSON.parse(JSON.stringify(draft)), owner);
}

export async function openDraft() {
  if (!draft.open) Object.assign(draft, empty(), { open: true });
  await keepDraft();
}

export async function discardDraft() {
  const photos = draft.photos.map((p) => p.sha256);
  Object.assign(draft, empty());
  if (owner) await (await db()).delete('drafts', owner);
  await forgetPhotos(photos);
}

/** A position from the GPS or the map: the next corner, or the point. */
export async function addPosition(lonLat) {
  draft.startedAt ??= new Date().toISOString();
  if (draft.shape === 'point') draft.point = lonLat;
  else draft.corners.push(lonLat);
  await keepDraft();
}

export async function undoPosition() {
  if (draft.shape === 'point') draft.point = null;
  else draft.corners.pop();
  await keepDraft();
}

/** The GeoJSON geometry of the draft (lon/lat), or null while it has too few positions. */
export function draftGeometry() {
  if (draft.shape === 'point') return draft.point ? { type: 'Point', coordinates: draft.point } : null;
  if (draft.corners.length < 3) return null;
  return { type: 'Polygon', coordinates: [[...draft.corners, draft.corners[0]]] };
}

/** Takes in a photo file: its SHA-256, the bytes into IndexedDB, time, position and bearing into the draft. */
export async function addPhoto(file) {
  const bytes = await file.arrayBuffer();
  const sha256 = await sha256Hex(bytes);
  const takenAt = new Date().toISOString();
  const type = file.type || 'image/jpeg';
  await (await db()).put('photos', { sha256, bytes, type, size: bytes.byteLength, takenAt });
  if (draft.photos.some((p) => p.sha256 === sha256)) return;
  draft.startedAt ??= takenAt;
  draft.photos.push({
    sha256,
    size: bytes.byteLength,
    type,
    takenAt,
    bearing: compass.heading,
    position: gps.status === 'ok' ? { lon: gps.lon, lat: gps.lat, accuracyM: gps.accuracyM } : null,
  });
  await keepDraft();
}

export async function removePhoto(sha256) {
  draft.photos = draft.photos.filter((p) => p.sha256 !== sha256);
  await keepDraft();
  await forgetPhotos([sha256]);
}

/** Deletes photo bytes that no queued record names. */
async function forgetPhotos(shas) {
  const d = await db();
  const used = new Set((await d.getAll('queue')).flatMap((i) => i.photos.map((p) => p.sha256)));
  for (const sha of shas) if (!used.has(sha)) await d.delete('photos', sha);
}

/** A photo's bytes as a Blob (for a thumbnail), or null. */
export async function photoBlob(sha256) {
  const p = await (await db()).get('photos', sha256);
  return p ? new Blob([p.bytes], { type: p.type }) : null;
}

export function resetDraftAfterSave() {
  Object.assign(draft, empty());
}
