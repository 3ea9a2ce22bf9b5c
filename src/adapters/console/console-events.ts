/**
 * Live updates for the console page, as Server-Sent Events
 * (`GET /console/api/events?as=<contactId>`): `message` (a message created or
 * updated: clients upsert by id, which is how the pinned card changes in
 * place), `channel` (a channel appeared or gained members) and `clock` (the
 * simulated time moved). Each stream belongs to one person and only carries
 * what that person may see; an ephemeral reply goes to its owner's streams
 * alone. A comment line every 15 s keeps proxies from closing idle streams.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ConsoleChannel, type ConsoleMessage, channelView } from './console-model.js';

/** Whether `contactId` may see the channel with this id. */
export type ChannelVisibility = (contactId: string, channelId: string) => boolean;

export interface ClockEvent {
  now: string;
  nowText: string;
}

interface Client {
  contactId: string;
  res: ServerResponse;
}

const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

export class ConsoleEvents {
  private readonly clients = new Set<Client>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly canSee: ChannelVisibility,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  /** Open streams, for tests and shutdown. */
  get size(): number {
    return this.clients.size;
  }

  /** Takes over the response as the person's event stream until the browser goes away. */
  subscribe(req: IncomingMessage, res: ServerResponse, contactId: string, hello: ClockEvent): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the stream and deliver it in lumps.
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    const client: Client = { contactId, res };
    this.clients.add(client);
    this.send(client, 'clock', hello);
    const drop = () => this.drop(client);
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
    this.heartbeat ??= setInterval(() => this.beat(), this.heartbeatMs).unref();
  }

  message(message: ConsoleMessage): void {
    for (const client of this.clients) {
      const allowed = message.ephemeralFor
        ? message.ephemeralFor === client.contactId
        : this.canSee(client.contactId, message.channelId);
      if (allowed) this.send(client, 'message', message);
    }
  }

  channel(channel: ConsoleChannel): void {
    for (const client of this.clients) {
      if (this.canSee(client.contactId, channel.id)) this.send(client, 'channel', channelView(channel));
    }
  }

  clock(event: ClockEvent): void {
    for (const client of this.clients) this.send(client, 'clock', event);
  }

  /** Ends every stream: an open stream would hold the HTTP server's shutdown open forever. */
  close(): void {
    for (const client of [...this.clients]) {
      client.res.end();
      this.drop(client);
    }
    this.stopHeartbeat();
  }

  private send(client: Client, event: string, data: unknown): void {
    if (client.res.writableEnded || client.res.destroyed) {
      this.drop(client);
      return;
    }
    // JSON.stringify escapes newlines inside strings, so the payload is one `data:` line.
    client.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private beat(): void {
    for (const client of [...this.clients]) {
      if (client.res.writableEnded || client.res.destroyed) this.drop(client);
      else client.res.write(': heartbeat\n\n');
    }
  }

  private drop(client: Client): void {
    this.clients.delete(client);
    if (this.clients.size === 0) this.stopHeartbeat();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
