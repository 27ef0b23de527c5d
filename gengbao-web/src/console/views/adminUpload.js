// A multipart upload with progress: fetch cannot report upload progress, XMLHttpRequest can (upload.onprogress).
// Answers like api(): the parsed JSON, or an ApiError carrying the problem+json message in the user's language.
import { ApiError, authHeaders, refused } from '../../shared/api.js';
import { pick, t } from '../../shared/i18n.js';

/**
 * POSTs formData to path. onProgress gets {loaded, total} while the bytes go out (total null when unknown) and
 * {sent: true} once they are all sent and the server is working on them.
 */
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const headers = authHeaders({ Accept: 'application/json' });
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : null });
    xhr.upload.onload = () => onProgress({ sent: true });
    xhr.onerror = () => reject(new ApiError(0, null, t('common.offline')));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      if (xhr.status === 401) refused(headers.Authorization);
      const message = body?.messages ? pick(body.messages) : body?.detail ?? `HTTP ${xhr.status}`;
      reject(new ApiError(xhr.status, body, message));
    };
    xhr.send(formData);
  });
}
