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
