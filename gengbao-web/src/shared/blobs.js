// Files the API serves only with the bearer token (photos, PDF documents): fetched as blobs and shown or saved
// through object URLs, which the caller revokes when done.
import { api } from './api.js';

/** An object URL of the bytes at path (revoke it with URL.revokeObjectURL). */
export async function objectUrl(path, { signal } = {}) {
  const response = await api(path, { raw: true, signal });
  return URL.createObjectURL(await response.blob());
}

/** Downloads the file at path under the name filename. */
export async function download(path, filename) {
  const url = await objectUrl(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the URL; keep it a little for browsers that read it late
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
