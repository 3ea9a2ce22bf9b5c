import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleEvents } from '../../../src/adapters/console/console-events.js';
import type { ConsoleMessage } from '../../../src/adapters/console/console-model.js';
import { createHttpServer, type HttpServer } from '../../../src/adapters/http/http-server.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';

const CLOCK = { now: '2027-08-28T08:00:00.000Z', nowText: 'Sat 28 Aug 2027 09:00 BST' };
const message = (id: string, channelId: string, ephemeralFor?: string): ConsoleMessage => ({
  id,
  channelId,
  at: CLOCK.now,
  author: { name: 'Muster' },
  text: id,
  ...(ephemeralFor ? { ephemeralFor } : {}),
});

/** Opens a raw stream and collects everything it is sent. */
function open(port: number, as: string) {
  let text = '';
  const req = request({ host: '127.0.0.1', port, path: `/events?as=${as}` }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
    });
  });
  req.end();
  return { text: () => text, close: () => req.destroy() };
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('ConsoleEvents', () => {
  let http: HttpServer;
  let hub: ConsoleEvents;
  let port: number;

  beforeEach(async () => {
    // Pat sees the coordination channel and the incident; Nia only the coordination channel.
    hub = new ConsoleEvents((who, channel) => channel === 'coordination' || who === 'pat', 50);
    http = createHttpServer(new RecordingLogger());
    http.route('GET', '/events', (req, res) => {
      const as = new URL(req.url ?? '/', 'http://x').searchParams.get('as') ?? '';
      hub.subscribe(req, res, as, CLOCK);
    });
    port = (await http.listen(0, '127.0.0.1')).port;
  });
  afterEach(async () => {
    hub.close();
    await http.close();
  });

  it('greets a stream with the time, then sends each person only what they may see', async () => {
    const pat = open(port, 'pat');
    const nia = open(port, 'nia');
    await until(() => hub.size === 2 && nia.text().includes('event: clock'));
    hub.message(message('for-all', 'coordination'));
    hub.message(message('private', 'sv-2027-0001-corby'));
    hub.message(message('just-pat', 'coordination', 'pat'));
    await until(() => pat.text().includes('just-pat'));
    expect(pat.text()).toContain('"id":"for-all"');
    expect(pat.text()).toContain('"id":"private"');
    await until(() => nia.text().includes('for-all'));
    expect(nia.text()).not.toContain('private');
    expect(nia.text()).not.toContain('just-pat');
    expect(nia.text()).toMatch(/^retry: \d+\n\nevent: clock\ndata: \{"now":/);
  });

  it('keeps idle streams alive with a heartbeat comment', async () => {
    const pat = open(port, 'pat');
    await until(() => pat.text().includes(': heartbeat'));
  });

  it('forgets a stream when the browser goes away', async () => {
    const pat = open(port, 'pat');
    await until(() => hub.size === 1);
    pat.close();
    await until(() => hub.size === 0);
  });

  it('ends every stream on close, so the HTTP server can shut down', async () => {
    open(port, 'pat');
    await until(() => hub.size === 1);
    hub.close();
    expect(hub.size).toBe(0);
    await http.close();
  });
});
