/**
 * A fake Bot Connector service (Teams' side of a bot conversation) on
 * 127.0.0.1: activities' `serviceUrl` points here, so every reply, proactive
 * message, card update and one-to-one chat Muster makes lands in memory.
 * It keeps each message's versions (an update replaces the shown one), can
 * be told to fail the next calls (with a Retry-After if asked) or to answer
 * them late (the work done, the answer held back, as when a client times
 * out), answers a one-to-one chat Muster asks to create again with the same
 * chat, as Teams does, and serves the signing keys of the local
 * token issuer (test/fakes/fake-teams/tokens.ts) for the authentication tests.
 */
import {
  errorReply,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-http.js';

type Json = Record<string, unknown>;

export interface ConnectorMessage {
  id: string;
  /** The conversation, without a channel thread's `;messageid=…`. */
  conversationId: string;
  replyToId?: string;
  /** The activity as last posted or updated. */
  activity: Json;
  versions: Json[];
}

export type ConnectorCall = 'post' | 'reply' | 'update' | 'create';

export interface FakeConnector {
  /** The serviceUrl (with its trailing slash, as Teams sends it). */
  serviceUrl: string;
  requests: RecordedRequest[];
  /** Messages in a conversation (channel, group chat or one-to-one), oldest first; all of them without one. */
  messages(conversationId?: string): ConnectorMessage[];
  message(id: string): ConnectorMessage | undefined;
  /** The one-to-one chats Muster created, by the member's user id. */
  personalChats: Map<string, string>;
  /** The next `count` calls of a kind answer `status`, with `headers` (a Retry-After) if given. */
  failNext(call: ConnectorCall, status?: number, count?: number, headers?: Record<string, string>): void;
  /** The next `count` calls of a kind are carried out but answered only after `ms`. */
  delayNext(call: ConnectorCall, ms: number, count?: number): void;
  /** Ends every failure and delay asked for. */
  clearFailures(): void;
  /** Keys served at `/<tenant>/discovery/v2.0/keys` (the JWKS of the local issuer). */
  setSigningKeys(tenant: string, jwks: unknown): void;
  close(): Promise<void>;
}

const conversationOf = (id: string) => id.split(';')[0]!;

export async function startFakeConnector(): Promise<FakeConnector> {
  const messages: ConnectorMessage[] = [];
  const personalChats = new Map<string, string>();
  const failures = new Map<
    ConnectorCall,
    { status: number; count: number; headers?: Record<string, string> }
  >();
  const delays = new Map<ConnectorCall, { ms: number; count: number }>();
  const keys = new Map<string, unknown>();
  let next = 1;

  const fail = (call: ConnectorCall): Reply | undefined => {
    const planned = failures.get(call);
    if (!planned || planned.count <= 0) return undefined;
    planned.count -= 1;
    const reply = errorReply(planned.status, 'ServiceError', `injected ${call} failure`);
    return planned.headers ? { ...reply, headers: planned.headers } : reply;
  };

  /** The answer, held back when a delay was asked for this kind of call. */
  const late = async (call: ConnectorCall, reply: Reply): Promise<Reply> => {
    const planned = delays.get(call);
    if (!planned || planned.count <= 0) return reply;
    planned.count -= 1;
    await new Promise((resolve) => setTimeout(resolve, planned.ms));
    return reply;
  };

  const post = (conversationId: string, body: Json, replyToId?: string): Reply => {
    const id = `m${next++}`;
    const activity = { ...body, id };
    messages.push({
      id,
      conversationId: conversationOf(conversationId),
      ...(replyToId ? { replyToId } : {}),
      activity,
      versions: [activity],
    });
    return { status: 201, body: { id } };
  };

  const handle = (request: RecordedRequest): Promise<Reply> | Reply => {
    const { method, path } = request;
    const jwks = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(path);
    if (method === 'GET' && jwks) {
      const found = keys.get(jwks[1]!);
      return found ? { status: 200, body: found } : errorReply(404, 'NotFound');
    }
    const body = (request.body ?? {}) as Json;
    if (method === 'POST' && path === '/v3/conversations') {
      const failed = fail('create');
      if (failed) return failed;
      const members = (body.members as { id: string }[] | undefined) ?? [];
      const member = !body.isGroup ? members[0]?.id : undefined;
      const id = (member && personalChats.get(member)) ?? `a:personal-${next++}`;
      if (member) personalChats.set(member, id);
      return late('create', { status: 201, body: { id } });
    }
    const activity = /^\/v3\/conversations\/(.+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!activity) return errorReply(404, 'NotFound', `no route ${method} ${path}`);
    const [, conversationId = '', activityId] = activity;
    if (method === 'POST' && !activityId) return fail('post') ?? late('post', post(conversationId, body));
    if (method === 'POST' && activityId)
      return fail('reply') ?? late('reply', post(conversationId, body, activityId));
    if (method === 'PUT' && activityId) {
      const failed = fail('update');
      if (failed) return failed;
      const message = messages.find((m) => m.id === activityId);
      if (!message || message.conversationId !== conversationOf(conversationId))
        return errorReply(404, 'ActivityNotFoundInConversation');
      message.activity = { ...body, id: activityId };
      message.versions.push(message.activity);
      return late('update', { status: 200, body: { id: activityId } });
    }
    return errorReply(405, 'MethodNotAllowed');
  };

  const server: FakeServer = await startFakeServer(handle);
  return {
    serviceUrl: `${server.url}/`,
    requests: server.requests,
    messages: (conversationId) =>
      conversationId === undefined
        ? [...messages]
        : messages.filter((m) => m.conversationId === conversationOf(conversationId)),
    message: (id) => messages.find((m) => m.id === id),
    personalChats,
    failNext(call, status = 503, count = 1, headers) {
      failures.set(call, { status, count, ...(headers ? { headers } : {}) });
    },
    delayNext(call, ms, count = 1) {
      delays.set(call, { ms, count });
    },
    clearFailures() {
      failures.clear();
      delays.clear();
    },
    setSigningKeys(tenant, jwks) {
      keys.set(tenant, jwks);
    },
    close: () => server.close(),
  };
}

/** The Adaptive Card a message carries, if any. */
export function cardOf(message: ConnectorMessage | undefined): Json | undefined {
  const attachments = (message?.activity.attachments as { contentType?: string; content?: Json }[]) ?? [];
  return attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** Everything a message says (its text and its card), for loose assertions. */
export function textOf(message: ConnectorMessage | undefined): string {
  if (!message) return '';
  return `${String(message.activity.text ?? '')}\n${JSON.stringify(cardOf(message) ?? {})}`;
}
