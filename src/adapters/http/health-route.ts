/**
 * `GET /healthz`: 200 `{"status":"ok"}` while the process serves requests, so
 * an operator (or a container orchestrator) can see it is up.
 */
import { type HttpServer, sendJson } from './http-server.js';

export const HEALTH_PATH = '/healthz';

export function registerHealthRoute(http: HttpServer): void {
  http.route('GET', HEALTH_PATH, (_req, res) => sendJson(res, 200, { status: 'ok' }));
}
