/**
 * The console's JSON API: one `api()` call that adds the signed-in person's
 * `x-muster-user` header and turns a failure into an `ApiError` whose message
 * can be shown as it is.
 */
import { state } from './state.js';

export const API = '/console/api';

export class ApiError extends Error {}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { accept: 'application/json' };
  if (state.userId) headers['x-muster-user'] = state.userId;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('Muster is not answering. Is it still running?');
  }
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  // A refused form or an unknown command comes back as a normal answer (ok: false) and is shown where it belongs.
  if (!response.ok && !(payload && (payload.form || payload.reply))) {
    const message = payload?.message ?? payload?.error?.message ?? payload?.error;
    throw new ApiError(typeof message === 'string' ? message : `Muster answered ${response.status}.`);
  }
  return payload ?? {};
}
