// The phone's own storage (IndexedDB): everything the app needs without signal and everything not yet confirmed
// by the server. No record or photo here is deleted before the server has confirmed it, except a refused record (or
// observation) the inspector discards after a confirmation; packages of past tasks no queued record names are pruned.
//
//   meta      key → value: cached task lists ("tasks:<user>:<date>"), the chosen task
//   packages  taskId → {taskId, user, version, etag, downloadedAt, sizeBytes, data}  (data: the JSON package)
//   tracks    id → {id, user, taskId, startedAt, endedAt, cutSeq, points}   (cutSeq: first point not yet in a record)
//   points    seq (auto) → {seq, trackId, lon, lat, accuracyM, time}       index byTrack [trackId, seq]
//   queue     clientId → {clientId, user, createdAt, body (the exact JSON text sent), summary, photos, state, …}
//   photos    sha256 → {sha256, bytes (ArrayBuffer), type, size, takenAt}
//   drafts    user → the observation being drawn
//   verifiers username → {username, salt, iterations, hash, user, savedAt, failures}  (offline login, offline.js)
import { openDB } from 'idb';

const NAME = 'gengbao-patrol';
const VERSION = 2;

let opening;

/** The database, opened once. */
export function db() {
  opening ??= openDB(NAME, VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        d.createObjectStore('meta');
        d.createObjectStore('packages', { keyPath: 'taskId' });
        d.createObjectStore('tracks', { keyPath: 'id' });
        const points = d.createObjectStore('points', { keyPath: 'seq', autoIncrement: true });
        points.createIndex('byTrack', ['trackId', 'seq']);
        d.createObjectStore('queue', { keyPath: 'clientId' });
        d.createObjectStore('photos', { keyPath: 'sha256' });
        d.createObjectStore('drafts');
      }
      if (oldVersion < 2) d.createObjectStore('verifiers', { keyPath: 'username' });
    },
  });
  return opening;
}

export async function getMeta(key) {
  return (await db()).get('meta', key);
}

export async function setMeta(key, value) {
  return (await db()).put('meta', value, key);
}

/** The points of a track from seq on (all when from is 0), in order. */
export async function trackPoints(trackId, from = 0, tx) {
  const store = tx ? tx.objectStore('points') : (await db()).transaction('points').store;
  return store.index('byTrack').getAll(IDBKeyRange.bound([trackId, from], [trackId, Number.MAX_SAFE_INTEGER]));
}

/** A random UUID (crypto.randomUUID where the browser has it). */
export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** SHA-256 of bytes as 64 lower-case hex digits. */
export async function sha256Hex(bytes) {
  if (!crypto.subtle) throw new Error('crypto.subtle is missing: the app must be opened over HTTPS');
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...d].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** Bytes for people: 980 B, 12.3 KB, 4.5 MB. */
export function bytesText(n) {
  if (n == null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Today's date in the county (China time), YYYY-MM-DD. */
export function chinaToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
