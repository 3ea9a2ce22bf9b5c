/**
 * The one HTTP listener of a Muster process. Adapters register their routes
 * on it (health now; Slack events, Teams messages and the local console in
 * their issues) instead of each opening a port. Routes are exact
 * method + path matches; anything else is a JSON 404/405.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface HttpServer {
  route(method: HttpMethod, path: string, handler: RouteHandler): void;
  /** Resolves with the bound address (port 0 picks a free one). */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
  /** The node server, for SDKs that attach to it directly (Socket Mode does not need it). */
  readonly server: Server;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function createHttpServer(logger: Logger): HttpServer {
  const routes = new Map<string, Map<string, RouteHandler>>();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const byMethod = routes.get(path);
    const handler = byMethod?.get(req.method ?? 'GET');
    if (!byMethod) return sendJson(res, 404, { error: 'not_found' });
    if (!handler) {
      res.setHeader('allow', [...byMethod.keys()].join(', '));
      return sendJson(res, 405, { error: 'method_not_allowed' });
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        logger.error('HTTP handler failed', { path, error });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
        else res.end();
      });
  });

  return {
    server,
    route(method, path, handler) {
      const byMethod = routes.get(path) ?? new Map<string, RouteHandler>();
      if (byMethod.has(method)) throw new Error(`${method} ${path} is already registered`);
      byMethod.set(method, handler);
      routes.set(path, byMethod);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold the shutdown open.
        server.closeIdleConnections();
      });
    },
  };
}
