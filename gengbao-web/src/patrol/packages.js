// Offline packages of tasks: GET …/tasks/{id}/package?format=json kept in IndexedDB with its version (the ETag);
// GET …/package/version is the cheap check, and a package is downloaded again only when that version changed.
// Packages of past tasks are pruned quietly (prunePackages), never one that a queued record or a track still needs.
import { reactive } from 'vue';
import { api } from '../shared/api.js';
import { chinaToday, db, getMeta, setMeta } from './db.js';

/** The task the map shows and records belong to, with its stored package (data included), or nulls. */
export const chosen = reactive({ task: null, pkg: null });

/** Makes a task the current one (remembered on the phone); task null clears it. */
export async function chooseTask(user, task) {
  chosen.task = task;
  chosen.pkg = task ? (await storedPackage(task.id)) ?? null : null;
  await setMeta(`chosen:${user}`, task);
}

/** The task chosen before (the app was closed or reloaded). */
export async function restoreChosen(user) {
  const task = user ? await getMeta(`chosen:${user}`) : null;
  chosen.task = task ?? null;
  chosen.pkg = task ? (await storedPackage(task.id)) ?? null : null;
}

const base = (taskId) => `/api/v1/patrol/tasks/${encodeURIComponent(taskId)}/package`;

/** The stored package of a task (with its data), or undefined. */
export async function storedPackage(taskId) {
  return (await db()).get('packages', taskId);
}

/** Stored packages of these tasks without their data: {taskId: {version, downloadedAt, sizeBytes}}. */
export async function packageInfo(taskIds) {
  const d = await db();
  const out = {};
  for (const id of taskIds) {
    const p = await d.get('packages', id);
    if (p) out[id] = { version: p.version, downloadedAt: p.downloadedAt, sizeBytes: p.sizeBytes, checkedAt: p.checkedAt };
  }
  return out;
}

/** The server's current version of the task's package. */
export async function currentVersion(taskId) {
  return (await api(`${base(taskId)}/version`)).version;
}

/**
 * Downloads the package when the phone has none or an older version; returns {changed}. onProgress(received, total)
 * follows the download.
 */
export async function downloadPackage(taskId, user, onProgress = () => {}) {
  const d = await db();
  const stored = await d.get('packages', taskId);
  if (stored) {
    const version = await currentVersion(taskId);
    if (version === stored.version) {
      stored.checkedAt = new Date().toISOString();
      await d.put('packages', stored);
      return { changed: false };
    }
  }
  const headers = stored?.etag ? { 'If-None-Match': stored.etag } : {};
  const response = await api(`${base(taskId)}?format=json`, { raw: true, headers });
  if (response.status === 304) {
    stored.checkedAt = new Date().toISOString();
    await d.put('packages', stored);
    return { changed: false };
  }
  const total = Number(response.headers.get('Content-Length')) || 0;
  const chunks = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const text = await new Blob(chunks).text();
  const data = JSON.parse(text);
  const now = new Date().toISOString();
  await d.put('packages', {
    taskId,
    user,
    version: response.headers.get('X-Package-Version') || data.version,
    etag: response.headers.get('ETag'),
    downloadedAt: now,
    checkedAt: now,
    sizeBytes: received,
    data,
  });
  return { changed: true };
}

/** How long after its date (or due date, the later) a task's package stays on the phone. */
const KEEP_PACKAGE_DAYS = 7;

/** The task's day as the package says (the later of date and due date), else the day it was downloaded. */
function packageDay(p) {
  const task = p.data?.task;
  const days = [task?.date, task?.dueDate].filter(Boolean).sort();
  return days.length ? days[days.length - 1] : (p.downloadedAt ?? '').slice(0, 10);
}

/**
 * Deletes the stored packages of tasks more than a week past, and, given today's task list as fetched online for
 * user (listed: {date, ids}), those of that user and day that are no longer in it (reassigned, cancelled). A package
 * that a record not yet confirmed by the server (of any user of the phone) or an unfinished track names is kept.
 * Quiet: a failure only leaves the packages for the next time.
 */
export async function prunePackages(user, listed) {
  try {
    const d = await db();
    const needed = new Set();
    for (const i of await d.getAll('queue')) if (i.state !== 'synced' && i.summary?.taskId) needed.add(i.summary.taskId);
    for (const tr of await d.getAll('tracks')) if (!tr.endedAt && tr.taskId) needed.add(tr.taskId);
    const today = chinaToday();
    const limit = new Date(Date.parse(today + 'T00:00:00Z') - KEEP_PACKAGE_DAYS * 86_400_000).toISOString().slice(0, 10);
    const listedIds = new Set(listed?.ids ?? []);
    const gone = [];
    const tx = d.transaction('packages', 'readwrite');
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const p = cursor.value;
      if (needed.has(p.taskId)) continue;
      const day = packageDay(p);
      const old = day && day < limit;
      const dropped = listed && p.user === user && p.data?.task?.date === listed.date && !listedIds.has(p.taskId);
      if (old || dropped) {
        await cursor.delete();
        gone.push(p.taskId);
      }
    }
    await tx.done;
    if (chosen.task && gone.includes(chosen.task.id)) chosen.pkg = null;
    return gone;
  } catch {
    return [];
  }
}
