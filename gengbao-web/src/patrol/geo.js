// Where the phone is and where it has been: the GPS position (watchPosition), the compass heading when the phone has
// one (DeviceOrientation), and the track. Each track point is written to IndexedDB as it comes, so a crash or a
// closed tab loses nothing; an unfinished track is picked up again when the app opens.
import { reactive } from 'vue';
import { db, trackPoints, uuid } from './db.js';

/** status: idle, waiting, ok, denied, unavailable. */
export const gps = reactive({ status: 'idle', lon: null, lat: null, accuracyM: null, time: null, message: '' });

/** heading: degrees clockwise from north, or null where the phone has no compass (or has not said anything). */
export const compass = reactive({ heading: null });

/** The track being recorded (null when none) and its points as [lon, lat] for the map. */
export const recording = reactive({ track: null, line: [] });

/** A new point enters the track only if it is this far (m) from the last one, or this long (ms) after it. */
const MIN_STEP_M = 2;
const MIN_STEP_MS = 15_000;
/** Fixes less precise than this (m) are shown but kept out of the track. */
const MAX_ACCURACY_M = 100;

let watchId = null;
let user = null;
let writing = Promise.resolve();

/** Starts watching the position (once) and picks up an unfinished track of this user. */
export async function startGps(username) {
  user = username;
  if (watchId == null) {
    if (!('geolocation' in navigator)) {
      gps.status = 'unavailable';
    } else {
      gps.status = 'waiting';
      watchId = navigator.geolocation.watchPosition(onPosition, onError, {
        enableHighAccuracy: true,
        maximumAge: 0,
      });
    }
    listenToCompass();
  }
  await restoreTrack();
}

export function stopGps() {
  if (watchId != null) navigator.geolocation.clearWatch(watchId);
  watchId = null;
  gps.status = 'idle';
  recording.track = null;
  recording.line = [];
}

function onPosition(p) {
  gps.status = 'ok';
  gps.message = '';
  gps.lon = p.coords.longitude;
  gps.lat = p.coords.latitude;
  gps.accuracyM = p.coords.accuracy;
  gps.time = new Date(p.timestamp || Date.now()).toISOString();
  if (recording.track && p.coords.accuracy <= MAX_ACCURACY_M) {
    const point = { lon: gps.lon, lat: gps.lat, accuracyM: Math.round(p.coords.accuracy * 10) / 10, time: gps.time };
    writing = writing.then(() => addPoint(point)).catch(() => {});
  }
}

function onError(e) {
  gps.status = e.code === 1 ? 'denied' : 'unavailable';
  gps.message = e.message;
}

function listenToCompass() {
  const handle = (e) => {
    let h = null;
    if (typeof e.webkitCompassHeading === 'number') h = e.webkitCompassHeading;
    else if (e.absolute && typeof e.alpha === 'number') h = (360 - e.alpha) % 360;
    if (h != null && Number.isFinite(h)) compass.heading = Math.round(h * 10) / 10;
  };
  if ('ondeviceorientationabsolute' in window) window.addEventListener('deviceorientationabsolute', handle);
  else if ('DeviceOrientationEvent' in window) window.addEventListener('deviceorientation', handle);
}

/** iOS asks before it tells the heading; call from a tap. */
export async function askForCompass() {
  const ask = window.DeviceOrientationEvent?.requestPermission;
  if (typeof ask === 'function') {
    try {
      await ask.call(window.DeviceOrientationEvent);
    } catch {
      /* no compass then: photos carry no bearing */
    }
  }
}

/** Metres between two lon/lat points (haversine on a sphere of the Earth's mean radius; for spacing only). */
export function distanceM(a, b) {
  const r = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(s)));
}

let last = null;

async function addPoint(point) {
  const track = recording.track;
  if (!track) return;
  if (last) {
    const far = distanceM(last, point) >= MIN_STEP_M;
    const late = Date.parse(point.time) - Date.parse(last.time) >= MIN_STEP_MS;
    if (!far && !late) return;
    // times never go backwards in a track (the server refuses that)
    if (Date.parse(point.time) < Date.parse(last.time)) point.time = last.time;
  }
  const d = await db();
  const tx = d.transaction(['tracks', 'points'], 'readwrite');
  await tx.objectStore('points').add({ trackId: track.id, ...point });
  const stored = await tx.objectStore('tracks').get(track.id);
  stored.points = (stored.points || 0) + 1;
  await tx.objectStore('tracks').put(stored);
  await tx.done;
  last = point;
  recording.track = stored;
  recording.line = [...recording.line, [point.lon, point.lat]];
}

async function restoreTrack() {
  const d = await db();
  const open = (await d.getAll('tracks')).find((t) => t.user === user && !t.endedAt);
  if (!open) return;
  const points = await trackPoints(open.id);
  recording.track = open;
  recording.line = points.map((p) => [p.lon, p.lat]);
  last = points.length ? points[points.length - 1] : null;
}

/** Starts a track for the task (or none). */
export async function startTrack(taskId) {
  if (recording.track) return recording.track;
  const track = { id: uuid(), user, taskId: taskId ?? null, startedAt: new Date().toISOString(), endedAt: null,
    cutSeq: 0, points: 0 };
  await (await db()).put('tracks', track);
  last = null;
  recording.track = track;
  recording.line = [];
  if (gps.status === 'ok' && gps.accuracyM <= MAX_ACCURACY_M) {
    await addPoint({ lon: gps.lon, lat: gps.lat, accuracyM: gps.accuracyM, time: new Date().toISOString() });
  }
  return track;
}

/** Waits until every point reported so far is stored. */
export function pointsWritten() {
  return writing;
}

/** Ends the track; the caller turns its last part into a record in the same step (see records.js). */
export function trackEnded() {
  recording.track = null;
  recording.line = [];
  last = null;
}
