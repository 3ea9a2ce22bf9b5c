import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerHealthRoute } from '../../../src/adapters/http/health-route.js';
import { createHttpServer, type HttpServer, sendJson } from '../../../src/adapters/http/http-server.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';

function call(port: number, method: string, path: string) {
  return new Promise<{ status: number; body: string; allow?: string }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, method, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, allow: res.headers.allow }));
    })
      .on('error', reject)
      .end();
  });
}

describe('createHttpServer', () => {
  let http: HttpServer;
  let port: number;
  let logger: RecordingLogger;

  beforeEach(async () => {
    logger = new RecordingLogger();
    http = createHttpServer(logger);
    registerHealthRoute(http);
    http.route('POST', '/api/messages', (_req, res) => sendJson(res, 202, { accepted: true }));
    http.route('GET', '/boom', () => {
      throw new Error('handler bug');
    });
    port = (await http.listen(0, '127.0.0.1')).port;
  });
  afterEach(() => http.close());

  it('answers GET /healthz with 200 {"status":"ok"}', async () => {
    expect(await call(port, 'GET', '/healthz')).toMatchObject({ status: 200, body: '{"status":"ok"}' });
  });

  it('routes other registered paths, ignoring the query string', async () => {
    expect(await call(port, 'POST', '/api/messages?x=1')).toMatchObject({
      status: 202,
      body: '{"accepted":true}',
    });
  });

  it('answers 404 for an unknown path and 405 (with Allow) for the wrong method', async () => {
    expect((await call(port, 'GET', '/nope')).status).toBe(404);
    expect(await call(port, 'POST', '/healthz')).toMatchObject({ status: 405, allow: 'GET' });
  });

  it('turns a failing handler into a 500 and logs it', async () => {
    expect(await call(port, 'GET', '/boom')).toMatchObject({
      status: 500,
      body: '{"error":"internal_error"}',
    });
    expect(logger.messages('error')).toEqual(['HTTP handler failed']);
  });

  it('refuses to register the same route twice', () => {
    expect(() => registerHealthRoute(http)).toThrow('GET /healthz is already registered');
  });
});
