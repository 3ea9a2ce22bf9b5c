/**
 * An offline Slack for tests: an HTTP server on 127.0.0.1 that answers the Web
 * API methods Muster uses, receives `files.uploadV2` bytes and `response_url`
 * posts, records every call, and fails on request. Point Bolt's
 * `clientOptions.slackApiUrl` (or a `WebClient`) at `apiUrl`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CallHold, CallHolds } from './call-holds.js';
import { FailureInjection } from './failure-injection.js';
import {
  FAKE_TEAM_ID,
  type FailurePredicate,
  type FakeChannel,
  type FakeDm,
  type FakeEphemeral,
  type FakeFailure,
  type FakeFileDownload,
  type FakeMessage,
  type FakeResponseUrlPost,
  type FakeSharedFile,
  type FakeUpload,
  type FakeUser,
  type FakeView,
  type RecordedCall,
} from './fake-slack-types.js';
import { fail, type MethodContext, type MethodTable, type SlackAnswer } from './method-kit.js';
import { chatMethods } from './methods/chat-methods.js';
import { conversationMethods } from './methods/conversation-methods.js';
import { fileMethods, receiveUpload } from './methods/file-methods.js';
import { identityMethods } from './methods/identity-methods.js';
import { membershipMethods } from './methods/membership-methods.js';
import { viewMethods } from './methods/view-methods.js';
import { parseRequest } from './request-body.js';
import { WorkspaceState } from './workspace-state.js';

export interface FakeSlackOptions {
  users?: FakeUser[];
  usergroups?: Record<string, string[]>;
  /** Accepted tokens; by default any `xox…-` token is, so tests need not agree on one. */
  tokens?: string[];
  /** Drives message `ts` and `created` stamps; defaults to the real clock. */
  now?: () => number;
}

export interface FakeSlack {
  /** `http://127.0.0.1:PORT/api/` — what `slackApiUrl` expects, trailing slash included. */
  readonly apiUrl: string;
  /** Base for `response_url`s whose posts land in `responses` (give it to `slackRequest`). */
  readonly responseUrl: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  clearCalls(): void;
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** Returns a function that lifts the rule. */
  failWhen(method: string, predicate: FailurePredicate): () => void;
  clearFailures(): void;
  /**
   * Holds calls to `method` whose arguments match, unanswered and not carried out, until
   * released; a held call whose client goes away is never carried out (a replica killed mid-send).
   */
  hold(method: string, matches?: (args: Record<string, unknown>) => boolean): CallHold;
  addUser(user: FakeUser): void;
  addChannel(channel: { name: string; isPrivate?: boolean; members?: string[] }): FakeChannel;
  addUsergroup(id: string, userIds: string[]): void;
  readonly users: FakeUser[];
  readonly channels: FakeChannel[];
  /** By id or by name. */
  channel(idOrName: string): FakeChannel | undefined;
  /** Current content (after updates and deletes), oldest first. */
  messages(channelId: string): FakeMessage[];
  readonly dms: FakeDm[];
  dmWith(userId: string): FakeDm | undefined;
  readonly ephemerals: FakeEphemeral[];
  readonly views: FakeView[];
  readonly uploads: FakeUpload[];
  /** A file `user` shared with the app, as from a modal's file input; `files.info` knows it. */
  addFile(file: { name: string; content: Buffer | string; filetype?: string; user?: string }): FakeSharedFile;
  /** Every request for a shared file's private URL, in order. */
  readonly fileDownloads: FakeFileDownload[];
  readonly responses: FakeResponseUrlPost[];
  close(): Promise<void>;
}

const METHODS: MethodTable = {
  ...identityMethods,
  ...conversationMethods,
  ...membershipMethods,
  ...chatMethods,
  ...viewMethods,
  ...fileMethods,
};

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const state = new WorkspaceState(options.now ?? (() => Date.now()));
  for (const user of options.users ?? []) state.addUser(user);
  for (const [id, members] of Object.entries(options.usergroups ?? {})) state.usergroups.set(id, members);
  const failures = new FailureInjection();
  const holds = new CallHolds();
  const calls: RecordedCall[] = [];
  const responses: FakeResponseUrlPost[] = [];
  const fileDownloads: FakeFileDownload[] = [];
  const pendingDelays = new Set<NodeJS.Timeout>();
  let origin = '';

  const context: MethodContext = {
    state,
    uploadUrl: (fileId) => `${origin}/upload/v1/${fileId}`,
    downloadUrl: (fileId, name) =>
      `${origin}/files-pri/${FAKE_TEAM_ID}-${fileId}/download/${encodeURIComponent(name)}`,
  };

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, ms);
      pendingDelays.add(timer);
    });

  async function handleApiCall(
    method: string,
    req: IncomingMessage,
    raw: Buffer,
    url: URL,
    res: ServerResponse,
  ) {
    const call: RecordedCall = { method, args: {}, token: undefined, status: 200 };
    calls.push(call);
    let parsed: Awaited<ReturnType<typeof parseRequest>>;
    try {
      parsed = await parseRequest(url, req.headers, raw);
    } catch {
      return answer(res, call, 200, fail('invalid_form_data'));
    }
    call.args = parsed.args;
    call.token = parsed.token;

    // A held call waits here; one whose client went away meanwhile never reaches the workspace.
    if (!(await holds.pass(call, (gone) => (res.destroyed ? gone() : res.once('close', gone))))) return;
    const failure = failures.take(method, parsed.args);
    if (failure && 'retryAfter' in failure) {
      return answer(res, call, 429, fail('ratelimited'), { 'Retry-After': String(failure.retryAfter) });
    }
    if (failure && 'status' in failure) {
      return answer(res, call, failure.status, failure.body ?? 'Internal Server Error');
    }
    if (failure && 'error' in failure) return answer(res, call, 200, fail(failure.error, failure.extra));

    const result = runMethod(method, parsed.token, parsed.args);
    if (failure && 'delayMs' in failure) await delay(failure.delayMs);
    answer(res, call, 200, result);
  }

  /** `GET /files-pri/T0001-F…/download/name`: the bytes, only for a valid token, as Slack serves them. */
  function serveFile(req: IncomingMessage, res: ServerResponse, segment: string) {
    const fileId = segment.slice(`${FAKE_TEAM_ID}-`.length);
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const record = (status: number) => fileDownloads.push({ fileId, token, status });
    const failure = failures.take('files.download', { file: fileId });
    if (failure && 'status' in failure) {
      record(failure.status);
      return plain(res, failure.status, ('body' in failure && failure.body) || 'Internal Server Error');
    }
    const file = state.sharedFiles.get(fileId);
    const valid =
      token !== undefined && (options.tokens ? options.tokens.includes(token) : /^xox[a-z]-\S+$/.test(token));
    // Slack answers an unauthenticated request with its sign-in page; the fake says so plainly.
    if (!valid) {
      record(403);
      return plain(res, 403, 'sign in to download this file');
    }
    if (!file) {
      record(404);
      return plain(res, 404, 'Not Found');
    }
    record(200);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': file.content.length });
    res.end(file.content);
  }

  function runMethod(method: string, token: string | undefined, args: Record<string, unknown>): SlackAnswer {
    const handler = METHODS[method];
    if (!handler) return fail('unknown_method');
    if (!token) return fail('not_authed');
    const valid = options.tokens ? options.tokens.includes(token) : /^xox[a-z]-\S+$/.test(token);
    if (!valid) return fail('invalid_auth');
    return handler(args, context);
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const raw = await readBody(req);
    const [, area, ...rest] = url.pathname.split('/');
    const tail = rest.join('/');
    if (area === 'api' && tail !== '') return handleApiCall(tail, req, raw, url, res);
    if (area === 'upload' && req.method === 'POST') {
      const parsed = await parseRequest(url, req.headers, raw);
      const fileId = rest.at(-1) ?? '';
      if (!receiveUpload(state, fileId, parsed.fileBytes ?? Buffer.alloc(0)))
        return plain(res, 404, 'Not Found');
      return plain(res, 200, `OK - ${parsed.fileBytes?.length ?? 0}`);
    }
    if (area === 'files-pri' && req.method === 'GET') return serveFile(req, res, rest[0] ?? '');
    if (area === 'respond' && req.method === 'POST') {
      responses.push({ id: tail, body: JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown> });
      return plain(res, 200, JSON.stringify({ ok: true }), 'application/json');
    }
    plain(res, 404, 'Not Found');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // A fake that breaks should say so loudly rather than look like a Slack outage.
      console.error('fake Slack failed to handle', req.url, error);
      if (!res.headersSent) plain(res, 500, `fake Slack bug: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    responseUrl: `${origin}/respond/`,
    get calls() {
      return calls;
    },
    callsTo: (method) => calls.filter((call) => call.method === method),
    clearCalls: () => {
      calls.length = 0;
    },
    failNext: (method, failure, times) => failures.failNext(method, failure, times),
    failWhen: (method, predicate) => failures.failWhen(method, predicate),
    clearFailures: () => failures.reset(),
    hold: (method, matches) => holds.hold(method, matches),
    addUser: (user) => state.addUser(user),
    addChannel: (channel) => state.addChannel(channel),
    addUsergroup: (id, userIds) => {
      state.usergroups.set(id, [...userIds]);
    },
    get users() {
      return [...state.users.values()];
    },
    get channels() {
      return [...state.channels.values()];
    },
    channel: (idOrName) =>
      state.channels.get(idOrName) ??
      [...state.channels.values()].find((channel) => channel.name === idOrName),
    messages: (channelId) => [...(state.messages.get(channelId) ?? [])],
    get dms() {
      return [...state.dms.values()];
    },
    dmWith: (userId) => [...state.dms.values()].find((dm) => dm.users.length === 1 && dm.users[0] === userId),
    get ephemerals() {
      return state.ephemerals;
    },
    get views() {
      return [...state.views.values()];
    },
    get uploads() {
      return state.uploads;
    },
    addFile: (file) => {
      const shared: FakeSharedFile = {
        id: state.nextId('F'),
        name: file.name,
        filetype: file.filetype ?? (file.name.split('.').at(-1) ?? '').toLowerCase(),
        content: typeof file.content === 'string' ? Buffer.from(file.content) : file.content,
        user: file.user ?? 'U0UNKNOWN',
      };
      state.sharedFiles.set(shared.id, shared);
      return shared;
    },
    get fileDownloads() {
      return fileDownloads;
    },
    get responses() {
      return responses;
    },
    close: async () => {
      for (const timer of pendingDelays) clearTimeout(timer);
      pendingDelays.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(
  res: ServerResponse,
  call: RecordedCall,
  status: number,
  body: SlackAnswer | string,
  headers: Record<string, string> = {},
): void {
  call.status = status;
  if (typeof body === 'string') {
    call.error = `http_${status}`;
    plain(res, status, body, 'text/plain', headers);
    return;
  }
  if (!body.ok) call.error = String(body.error);
  plain(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

function plain(
  res: ServerResponse,
  status: number,
  body: string,
  contentType = 'text/plain',
  headers: Record<string, string> = {},
): void {
  // The client may have given up (timeout tests); writing to its socket would throw.
  if (res.destroyed) return;
  res.writeHead(status, { 'Content-Type': contentType, ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
