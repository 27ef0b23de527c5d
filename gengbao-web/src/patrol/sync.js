// Sends the queue when there is signal: on the online event, on "sync now", after each save, and again with growing
// pauses (backoff) after a failure. Per record: PUT the record (idempotent under its clientId), PUT each photo the
// answer names as missing, PUT the record once more to have the server confirm that nothing is missing; only then is
// the item marked synced (it stays on the phone with its clues' verdicts). An item the server refused keeps its
// error and is tried again on the next "sync now"; the inspector may correct or discard it in the queue (records.js),
// nothing is deleted otherwise. After a run, packages of past tasks no queued record needs are pruned (packages.js).
//
// Records go up only with a token of their own user: a run starts only when the session's user owns the queue, and
// every request checks it again, so a record of one inspector is never sent with another's token on a shared phone.
// When the server refuses the token (401: expired or revoked) the run stops and leaves the items as they were; the app
// goes on as an offline session (offline.js) and asks for an online sign-in, after which the queue is sent.
import { reactive } from 'vue';
import { api, ApiError, authHeaders, problemMessage, refused, session } from '../shared/api.js';
import { t, words } from '../shared/i18n.js';
import { db } from './db.js';
import { prunePackages } from './packages.js';
import { loadQueue, queue } from './records.js';

words({
  'patrol.sync.network': ['网络不可用：无法连接服务器', 'No network: the server cannot be reached'],
  'patrol.sync.photoLost': ['照片 {sha} 已不在手机上，无法上传', 'Photo {sha} is no longer on this phone and cannot be sent'],
  'patrol.sync.stillMissing': ['服务器仍缺少照片：{list}', 'The server still misses photos: {list}'],
  'patrol.sync.signIn': ['请在线登录后上传', 'Sign in online to upload'],
});

/** Whether the phone thinks it has a network (the browser's guess; a failed call counts more). */
export const net = reactive({ online: navigator.onLine });

export const sync = reactive({
  running: false,
  records: { done: 0, total: 0 },
  photos: { done: 0, total: 0 },
  bytes: { done: 0, total: 0 },
  error: null,
  retryAt: null,
  lastAt: null,
});

let failures = 0;
let timer = null;

window.addEventListener('online', () => {
  net.online = true;
  failures = 0;
  syncNow();
});
window.addEventListener('offline', () => {
  net.online = false;
});

/** Failures worth retrying by themselves: no network, a busy server, a photo upload cut off on the way. */
const transient = (e) =>
  !(e instanceof ApiError) || e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500 ||
  e.code === 'UPLOAD_INCOMPLETE';

/** The run's session is no longer that of the record's user (logged out, signed in as someone else, token refused). */
class NotOwner extends Error {
  constructor() {
    super(t('patrol.sync.signIn'));
  }
}

/** Throws unless the session is the record's user's: checked right before each request (which reads the token). */
function own(item) {
  if (!session.current || session.current.user?.username !== item.user) throw new NotOwner();
}

/**
 * Sends everything not yet confirmed; does nothing while a run is under way, and without an online session of the
 * queue's user (an offline session has no token).
 */
export async function syncNow() {
  if (sync.running || !queue.user || session.current?.user?.username !== queue.user) return;
  clearTimeout(timer);
  timer = null;
  sync.retryAt = null;
  sync.running = true;
  sync.error = null;
  let lost = null;
  let stopped = false;
  try {
    const d = await db();
    const mine = (await d.getAll('queue')).filter((i) => i.user === queue.user);
    const items = mine.filter((i) => i.state !== 'synced').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const unsent = items.flatMap((i) => i.photos.filter((p) => !i.confirmedPhotos.includes(p.sha256)));
    if (items.length) {
      // (a run with nothing to send leaves the progress of the last one on show)
      sync.records = { done: 0, total: items.length };
      sync.photos = { done: 0, total: unsent.length };
      sync.bytes = { done: 0, total: unsent.reduce((s, p) => s + (p.size || 0), 0) };
    }
    for (const item of items) {
      try {
        await send(item);
        sync.records.done++;
      } catch (e) {
        if (e instanceof NotOwner || (e instanceof ApiError && e.status === 401)) {
          stopped = true; // the item stays as it was, to be sent after an online sign-in
          break;
        }
        item.state = 'error';
        item.attempts = (item.attempts || 0) + 1;
        item.error = {
          message: e.message,
          messages: e.problem?.messages ?? null, // the server's words in both languages, shown in the one chosen
          code: e.code ?? null,
          status: e.status ?? null,
          at: new Date().toISOString(),
        };
        await d.put('queue', item);
        if (transient(e)) {
          lost = e;
          break;
        }
      } finally {
        await loadQueue();
      }
    }
    // verdicts not fetched at upload time (no signal just then) are fetched now
    if (!stopped) {
      for (const item of mine.filter((i) => i.state === 'synced' && i.clues.some((c) => !c.detailed))) {
        await clueDetails(item);
      }
      sync.lastAt = new Date().toISOString();
      await prunePackages(queue.user);
    }
  } finally {
    sync.running = false;
    await loadQueue();
  }
  if (stopped) {
    sync.error = t('patrol.sync.signIn');
  } else if (lost) {
    failures++;
    sync.error = lost.message;
    const seconds = Math.min(300, 5 * 2 ** (failures - 1)) * (1 + Math.random() * 0.2);
    sync.retryAt = new Date(Date.now() + seconds * 1000).toISOString();
    timer = setTimeout(syncNow, seconds * 1000);
  } else {
    failures = 0;
  }
}

async function send(item) {
  const d = await db();
  let answer = await putRecord(item);
  item.recordAccepted = true;
  item.response = answer;
  item.error = null;
  const missing = answer.missingPhotos || [];
  for (const p of item.photos) {
    if (!missing.includes(p.sha256) && !item.confirmedPhotos.includes(p.sha256)) {
      item.confirmedPhotos.push(p.sha256); // received before (an earlier run whose answer was lost)
      sync.photos.done++;
      sync.bytes.done += p.size || 0;
    }
  }
  await d.put('queue', item);
  for (const sha of missing) {
    const photo = await d.get('photos', sha);
    if (!photo) throw new ApiError(422, null, t('patrol.sync.photoLost', { sha: sha.slice(0, 12) }));
    const before = sync.bytes.done;
    await putPhoto(item, photo, (loaded) => {
      sync.bytes.done = before + Math.min(loaded, photo.size);
    });
    sync.bytes.done = before + photo.size;
    sync.photos.done++;
    if (!item.confirmedPhotos.includes(sha)) item.confirmedPhotos.push(sha);
    await d.put('queue', item);
  }
  if (missing.length) {
    answer = await putRecord(item);
    if (answer.missingPhotos?.length) {
      throw new ApiError(500, null, t('patrol.sync.stillMissing', { list: answer.missingPhotos.join(', ') }));
    }
  }
  item.state = 'synced';
  item.syncedAt = new Date().toISOString();
  item.response = answer;
  item.clues = (answer.clues || []).map((c) => ({ ...c, detailed: false }));
  await d.put('queue', item);
  await clueDetails(item);
}

function putRecord(item) {
  own(item);
  return api(`/api/v1/patrol/records/${encodeURIComponent(item.clientId)}`, {
    method: 'PUT',
    body: new Blob([item.body], { type: 'application/json' }),
  });
}

/** PUT of a photo's bytes with upload progress (fetch cannot report it). */
function putPhoto(item, photo, onProgress) {
  own(item);
  const type = /^image\//.test(photo.type || '') ? photo.type : 'application/octet-stream';
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('PUT', `/api/v1/patrol/records/${encodeURIComponent(item.clientId)}/photos/${photo.sha256}`);
    const headers = authHeaders({ 'Content-Type': type });
    for (const [k, v] of Object.entries(headers)) x.setRequestHeader(k, v);
    x.upload.onprogress = (e) => onProgress(e.loaded);
    x.onload = () => {
      let problem = null;
      try {
        problem = JSON.parse(x.responseText);
      } catch {
        /* not JSON */
      }
      if (x.status >= 200 && x.status < 300) return resolve(problem);
      if (x.status === 401) refused(headers.Authorization);
      reject(new ApiError(x.status, problem, problemMessage(problem, x.status)));
    };
    x.onerror = () => reject(new ApiError(0, null, t('patrol.sync.network')));
    x.send(new Blob([photo.bytes], { type }));
  });
}

/** Reads each clue of a synced item (verdict, area, reasons); keeps what the upload answer said if that fails. */
async function clueDetails(item) {
  const d = await db();
  let changed = false;
  for (const c of item.clues) {
    if (session.current?.user?.username !== item.user) break;
    try {
      const clue = await api(`/api/v1/clues/${encodeURIComponent(c.id)}`);
      Object.assign(c, {
        verdict: clue.verdict ?? c.verdict ?? null,
        status: clue.status,
        areaM2: clue.areaM2 ?? null,
        needsOutline: clue.needsOutline,
        reasons: clue.analysis?.verdict?.reasons ?? [],
        detailed: true,
      });
      changed = true;
    } catch {
      /* later */
    }
  }
  if (changed) {
    await d.put('queue', item);
    await loadQueue();
  }
}
