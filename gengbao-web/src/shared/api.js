// The REST client of both apps: bearer token from the login, JSON in and out, and problem+json turned into an
// ApiError whose message is in the user's language.
import { reactive } from 'vue';
import { locale } from './i18n.js';

const TOKEN = 'gengbao.session';

/** The logged-in session, {token, expiresAt, user} or null; reactive so views follow log in and out. */
export const session = reactive({ current: readSession() });

function readSession() {
  try {
    const s = JSON.parse(localStorage.getItem(TOKEN) || 'null');
    if (s && new Date(s.expiresAt) > new Date()) return s;
  } catch {
    /* a damaged entry counts as logged out */
  }
  return null;
}

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem;
    this.code = problem?.code ?? (status === 0 ? 'NETWORK' : 'HTTP_' + status);
  }
}

export function problemMessage(problem, status) {
  if (problem?.messages) return problem.messages[locale.lang] ?? problem.detail;
  if (problem?.detail) return problem.detail;
  return locale.lang === 'en' ? `The server answered ${status}` : `服务器返回 ${status}`;
}

/** Headers every call sends: the token and the language. */
export function authHeaders(extra = {}) {
  const h = { 'Accept-Language': locale.lang === 'en' ? 'en' : 'zh-CN', ...extra };
  if (session.current) h.Authorization = 'Bearer ' + session.current.token;
  return h;
}

/**
 * Calls the API. body: an object (sent as JSON), a Blob/File/FormData (sent as is) or undefined.
 * Returns the parsed JSON (or the Response when raw is set); throws ApiError on failure.
 */
export async function api(path, { method = 'GET', body, headers = {}, raw = false, signal } = {}) {
  const h = authHeaders(headers);
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData) && !(body instanceof ArrayBuffer)) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: payload, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, locale.lang === 'en' ? 'No network: the server cannot be reached' : '网络不可用：无法连接服务器');
  }
  if (response.status === 401) refused(h.Authorization);
  if (!response.ok && response.status !== 304) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      /* not JSON */
    }
    throw new ApiError(response.status, problem, problemMessage(problem, response.status));
  }
  if (raw) return response;
  if (response.status === 204 || response.status === 304) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Asks the server for a session ({token, expiresAt, user}) without opening it. */
export function requestLogin(username, password) {
  return api('/api/v1/auth/login', { method: 'POST', body: { username, password } });
}

/** Makes s the session of the app (kept in localStorage until it expires or the user logs out). */
export function openSession(s) {
  session.current = s;
  localStorage.setItem(TOKEN, JSON.stringify(s));
}

export async function login(username, password) {
  const s = await requestLogin(username, password);
  openSession(s);
  return s;
}

export function logout() {
  session.current = null;
  localStorage.removeItem(TOKEN);
}

const lostListeners = new Set();

/** Calls fn(session) after the server refused the session's token (expired or revoked) and the session was ended. */
export function onSessionLost(fn) {
  lostListeners.add(fn);
}

/**
 * The server answered 401 to a call that sent this Authorization header: the session ends, but only if it is still
 * the one whose token was sent (a late answer to an earlier user's call must not end the next user's session).
 */
export function refused(authorization) {
  const s = session.current;
  if (!s || !authorization || authorization !== 'Bearer ' + s.token) return;
  logout();
  for (const fn of lostListeners) fn(s);
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}
