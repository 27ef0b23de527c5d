// Patrol records as the phone builds them (api.md, "Patrol record body"). Each saved observation becomes one record
// that carries the part of the track walked since the previous record, so it can go to the server (and come back with
// its clue's verdict) as soon as there is signal; stopping the track sends the rest. Consecutive parts share their
// boundary point, so the track stays continuous and no distance is counted twice. The record's JSON text is fixed when
// it is queued: every retry sends the same bytes under the same clientId, which the server accepts once.
import { reactive } from 'vue';
import { db, trackPoints, uuid } from './db.js';
import { pointsWritten, recording, trackEnded } from './geo.js';

/** The current user's queue, newest first, for the views (refreshed by loadQueue). */
export const queue = reactive({ items: [], user: null });

export async function loadQueue(user = queue.user) {
  queue.user = user;
  if (!user) {
    queue.items = [];
    return;
  }
  const all = await (await db()).getAll('queue');
  queue.items = all.filter((i) => i.user === user).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export const pendingCount = () => queue.items.filter((i) => i.state !== 'synced').length;

const round7 = (x) => Math.round(x * 1e7) / 1e7;

/** Queues an observation: {kind, note, geometry (GeoJSON lon/lat), observedAt, photos: [{sha256, size, …}]}. */
export async function saveObservation(observation, taskId) {
  const o = {
    clientId: uuid(),
    kind: observation.kind,
    geometry: roundGeometry(observation.geometry),
    note: observation.note?.trim() || null,
    observedAt: observation.observedAt,
    photos: observation.photos.map((p) => {
      const photo = { sha256: p.sha256, takenAt: p.takenAt };
      if (p.bearing != null) photo.bearing = p.bearing;
      if (p.position) photo.position = p.position; // where the phone was (extra field, kept with the record)
      return photo;
    }),
  };
  const photos = observation.photos.map((p) => ({ sha256: p.sha256, size: p.size }));
  return enqueue({ taskId, observations: [o], photos, endTrack: false });
}

/** Stops the track; its last part (if it has one) is queued as a record without observations. */
export async function stopTrackAndQueue(taskId) {
  return enqueue({ taskId, observations: [], photos: [], endTrack: true });
}

async function enqueue({ taskId, observations, photos, endTrack }) {
  await pointsWritten();
  const user = queue.user;
  const d = await db();
  const tx = d.transaction(['tracks', 'points', 'queue', 'drafts'], 'readwrite');
  const track = recording.track ? await tx.objectStore('tracks').get(recording.track.id) : null;
  const segment = track ? await trackPoints(track.id, track.cutSeq, tx) : [];
  const now = new Date().toISOString();
  const times = [now, ...segment.map((p) => p.time)];
  for (const o of observations) times.push(o.observedAt, ...o.photos.map((p) => p.takenAt).filter(Boolean));
  times.sort((a, b) => Date.parse(a) - Date.parse(b));
  const body = { taskId: taskId ?? track?.taskId ?? null, startedAt: times[0], endedAt: times[times.length - 1] };
  if (segment.length >= 2) {
    body.track = { type: 'LineString', coordinates: segment.map((p) => [round7(p.lon), round7(p.lat)]) };
    body.trackTimes = segment.map((p) => p.time);
    track.cutSeq = segment[segment.length - 1].seq;
  }
  body.observations = observations;
  let item = null;
  if (observations.length || body.track) {
    item = {
      clientId: uuid(),
      user,
      createdAt: now,
      body: JSON.stringify(body),
      summary: {
        taskId: body.taskId,
        trackPoints: body.track ? segment.length : 0,
        observations: observations.map((o) => ({
          clientId: o.clientId,
          kind: o.kind,
          note: o.note,
          geometry: o.geometry,
          photoCount: o.photos.length,
        })),
      },
      photos: uniqueBy(photos, (p) => p.sha256),
      state: 'pending',
      recordAccepted: false,
      confirmedPhotos: [],
      attempts: 0,
      error: null,
      clues: [],
    };
    await tx.objectStore('queue').put(item);
  }
  if (track) {
    if (endTrack) track.endedAt = now;
    await tx.objectStore('tracks').put(track);
  }
  if (observations.length) await tx.objectStore('drafts').delete(user);
  await tx.done;
  if (track && endTrack) trackEnded();
  else if (track) recording.track = track;
  await loadQueue();
  return item;
}

function uniqueBy(list, key) {
  const seen = new Set();
  return list.filter((x) => !seen.has(key(x)) && seen.add(key(x)));
}

function roundGeometry(g) {
  if (g.type === 'Point') return { type: 'Point', coordinates: g.coordinates.map(round7) };
  return { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map((c) => c.map(round7))) };
}

/** Lists the queued item's observations with their geometry, for the map. */
export function queuedObservations() {
  return queue.items.flatMap((i) =>
    i.summary.observations.map((o) => ({ ...o, state: i.state, clue: i.clues.find((c) => c.observationId === o.clientId) })),
  );
}

/** How long confirmed records (and their photo bytes) stay on the phone to be looked at. */
const KEEP_SYNCED_DAYS = 14;

/** Removes records the server confirmed more than two weeks ago, with photo bytes no other record names. */
export async function forgetOldSynced(user) {
  const d = await db();
  const all = await d.getAll('queue');
  const limit = Date.now() - KEEP_SYNCED_DAYS * 86_400_000;
  const old = all.filter((i) => i.user === user && i.state === 'synced' && Date.parse(i.syncedAt) < limit);
  if (!old.length) return;
  const keep = new Set(all.filter((i) => !old.includes(i)).flatMap((i) => i.photos.map((p) => p.sha256)));
  for (const draft of await d.getAll('drafts')) draft.photos?.forEach((p) => keep.add(p.sha256));
  const tx = d.transaction(['queue', 'photos'], 'readwrite');
  for (const i of old) {
    await tx.objectStore('queue').delete(i.clientId);
    for (const p of i.photos) if (!keep.has(p.sha256)) await tx.objectStore('photos').delete(p.sha256);
  }
  await tx.done;
}

/**
 * Whether the inspector may correct a queued record: the server refused its content (422) and has never accepted it,
 * so nothing of it is stored there and the same clientId may carry the corrected body.
 */
export function correctable(item) {
  return item.state === 'error' && !item.recordAccepted && item.error?.status === 422;
}

/**
 * Whether the inspector may discard a queued record: the server refused it for good (a 4xx other than an expired
 * token or a busy server) and has never accepted it.
 */
export function discardable(item) {
  const status = item.error?.status;
  return item.state === 'error' && !item.recordAccepted && status >= 400 && status < 500 && ![401, 408, 429].includes(status);
}

/** Sets the kind and note of the refused record's observations ({clientId: {kind, note}}) and queues it again. */
export async function correctRecord(clientId, edits) {
  const d = await db();
  const item = await d.get('queue', clientId);
  if (!item || !correctable(item)) return;
  const body = JSON.parse(item.body);
  for (const o of [...body.observations, ...item.summary.observations]) {
    const e = edits[o.clientId];
    if (!e) continue;
    o.kind = e.kind;
    o.note = e.note?.trim() || null;
  }
  item.body = JSON.stringify(body);
  item.state = 'pending';
  item.error = null;
  item.corrected = new Date().toISOString();
  await d.put('queue', item);
  await loadQueue();
}

/**
 * Removes one observation from a refused record, with the photo bytes no other record or draft names (the caller has
 * asked the inspector). A record left with neither observation nor track is discarded as a whole.
 */
export async function removeObservation(clientId, observationId) {
  const d = await db();
  const item = await d.get('queue', clientId);
  if (!item || !correctable(item)) return;
  const body = JSON.parse(item.body);
  const gone = body.observations.find((o) => o.clientId === observationId);
  if (!gone) return;
  if (body.observations.length === 1 && !body.track) return discardRecord(clientId);
  body.observations = body.observations.filter((o) => o !== gone);
  const still = new Set(body.observations.flatMap((o) => o.photos.map((p) => p.sha256)));
  const dropped = item.photos.filter((p) => !still.has(p.sha256));
  item.photos = item.photos.filter((p) => still.has(p.sha256));
  item.summary.observations = item.summary.observations.filter((o) => o.clientId !== observationId);
  item.body = JSON.stringify(body);
  item.corrected = new Date().toISOString();
  await d.put('queue', item);
  await forgetPhotos(dropped.map((p) => p.sha256));
  await loadQueue();
}

/** Deletes a record that was never accepted, with its photo bytes no other record or draft names (asked before). */
export async function discardRecord(clientId) {
  const d = await db();
  const item = await d.get('queue', clientId);
  if (!item || !discardable(item)) return;
  await d.delete('queue', clientId);
  await forgetPhotos(item.photos.map((p) => p.sha256));
  await loadQueue();
}

/** Deletes these photos' bytes unless a queued record or a draft still names them. */
async function forgetPhotos(shas) {
  if (!shas.length) return;
  const d = await db();
  const keep = new Set((await d.getAll('queue')).flatMap((i) => i.photos.map((p) => p.sha256)));
  for (const draft of await d.getAll('drafts')) draft.photos?.forEach((p) => keep.add(p.sha256));
  const tx = d.transaction('photos', 'readwrite');
  for (const sha of shas) if (!keep.has(sha)) await tx.store.delete(sha);
  await tx.done;
}
