// Signing in without signal. After each online login the phone keeps a verifier of the password in IndexedDB
// (PBKDF2-SHA-256 with a random salt, never the password itself) together with the user's profile. When a later login
// cannot reach the server, the password is checked against that verifier and, if right, the app opens an "offline
// session": the user without a token. It shows the tasks and packages kept on the phone, the map and the recording;
// records are queued for that user as usual and go up only after an online sign-in gives a real token (sync.js never
// sends without one, and only the session's own user's records).
//
// An offline check refuses exactly like the server ("wrong username or password"), for an account the phone does not
// know too, at the same cost. Five wrong passwords in a row delete the verifier: that account then needs an online
// login again. An online login answered "account disabled" deletes it as well.
//
// When the server refuses the token of an open session (it expired while the app was open, or was revoked), the app
// goes on as an offline session of the same user instead of dropping to the login form, so nothing in progress is
// interrupted or lost; the banner asks for an online sign-in to upload.
import { reactive } from 'vue';
import { ApiError, onSessionLost, openSession, requestLogin } from '../shared/api.js';
import { t, words } from '../shared/i18n.js';
import { db } from './db.js';

words({
  'patrol.signin.wrong': ['用户名或密码错误', 'Wrong username or password'],
  'patrol.signin.offlineHint': [
    '无信号时只能离线登录曾在本机在线登录过的账号',
    'Without signal, only accounts that have signed in online on this phone can sign in',
  ],
  'patrol.session.offline': [
    '已离线登录：记录保存在本机，在线登录后上传',
    'Signed in offline: records stay on this phone and are uploaded after an online sign-in',
  ],
  'patrol.session.expired': [
    '登录已过期：记录保存在本机，在线登录后上传',
    'Your sign-in has expired: records stay on this phone and are uploaded after an online sign-in',
  ],
  'patrol.session.signalBack': ['有信号了，请在线登录以上传记录。', 'Signal is back: sign in online to upload.'],
  'patrol.session.signIn': ['在线登录', 'Sign in online'],
  'patrol.session.later': ['稍后', 'Later'],
  'patrol.session.signInTitle': ['在线登录以上传', 'Sign in online to upload'],
});

/** PBKDF2 rounds for new verifiers (each verifier keeps its own count, so this can grow). */
const ITERATIONS = 310_000;
/** Wrong offline passwords in a row after which the verifier is deleted. */
export const MAX_WRONG = 5;
/** How long an offline session lasts, as long as a token (gengbao.tokens.lifetime). */
const OFFLINE_HOURS = 12;
const KEY = 'gengbao.patrol.offline';

/**
 * current: the offline session {user, since, expiresAt, reason: 'offline' | 'expired'} or null (kept in localStorage
 * like the online session; it holds no secret). signIn: whether the online sign-in sheet is open.
 */
export const offline = reactive({ current: readOffline(), signIn: false });

function readOffline() {
  try {
    const o = JSON.parse(localStorage.getItem(KEY) || 'null');
    if (o && new Date(o.expiresAt) > new Date()) return o;
  } catch {
    /* a damaged entry counts as none */
  }
  return null;
}

function openOffline(user, reason) {
  const now = Date.now();
  offline.current = {
    user,
    since: new Date(now).toISOString(),
    expiresAt: new Date(now + OFFLINE_HOURS * 3_600_000).toISOString(),
    reason,
  };
  localStorage.setItem(KEY, JSON.stringify(offline.current));
}

/** Ends the offline session (an online session opened, or the user logged out). */
export function endOffline() {
  offline.current = null;
  offline.signIn = false;
  localStorage.removeItem(KEY);
}

onSessionLost((s) => openOffline(s.user, 'expired'));

/**
 * The login of the patrol app: online when the server can be reached (then the verifier is renewed), else against
 * the verifier. Resolves with the session (online: {token, expiresAt, user}; offline: {user, offline: true}).
 */
export async function signIn(username, password) {
  let s;
  try {
    s = await requestLogin(username, password);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'ACCOUNT_DISABLED') await forget(username);
    if (!(e instanceof ApiError) || e.code !== 'NETWORK') throw e;
    return signInOffline(username, password, e);
  }
  try {
    await remember(s.user.username, password, s.user);
  } catch {
    /* no offline login on this phone (no WebCrypto, storage full); the online login stands */
  }
  endOffline();
  openSession(s);
  return s;
}

async function signInOffline(username, password, networkError) {
  const d = await db();
  const v = await d.get('verifiers', username);
  if (!v) {
    // nobody has ever signed in online here: the honest answer is "no network"
    if ((await d.count('verifiers')) === 0) throw networkError;
    await derive(password, new Uint8Array(16), ITERATIONS); // as long as a real check
    throw wrong();
  }
  const hash = await derive(password, new Uint8Array(v.salt), v.iterations);
  if (!same(hash, new Uint8Array(v.hash))) {
    v.failures = (v.failures || 0) + 1;
    if (v.failures >= MAX_WRONG) await d.delete('verifiers', username);
    else await d.put('verifiers', v);
    throw wrong();
  }
  if (v.failures) {
    v.failures = 0;
    await d.put('verifiers', v);
  }
  openOffline(v.user, 'offline');
  return { user: v.user, offline: true };
}

function wrong() {
  return Object.assign(new Error(t('patrol.signin.wrong')), { hint: t('patrol.signin.offlineHint') });
}

/** Keeps (or renews) the verifier of this user's password with the profile the server sent. */
async function remember(username, password, user) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, ITERATIONS);
  await (await db()).put('verifiers', {
    username,
    salt: salt.buffer,
    iterations: ITERATIONS,
    hash: hash.buffer,
    user: JSON.parse(JSON.stringify(user)),
    savedAt: new Date().toISOString(),
    failures: 0,
  });
}

async function forget(username) {
  await (await db()).delete('verifiers', username);
}

async function derive(password, salt, iterations) {
  if (!crypto.subtle) throw new Error('crypto.subtle is missing: the app must be opened over HTTPS');
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** Compares two byte arrays in time independent of where they differ. */
function same(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
