/**
 * The public vocabulary of the fake Slack: the fixed workspace ids, the shapes a
 * test can inspect (users, channels, messages, views, uploads, recorded calls)
 * and the failures it can inject.
 */

/** Fixed ids, so tests and the signed-request client agree on the workspace without passing them around. */
export const FAKE_TEAM_ID = 'T0001';
export const FAKE_TEAM_DOMAIN = 'muster-test';
export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_BOT_ID = 'B0001';
export const FAKE_APP_ID = 'A0001';

export interface FakeUser {
  id: string;
  email: string;
  name: string;
  realName?: string;
  deleted?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  topic: string;
  purpose: string;
  members: Set<string>;
  archived: boolean;
  created: number;
  creator: string;
}

export interface FakeFileRef {
  id: string;
  name: string;
  title: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  threadTs?: string;
  user: string;
  pinned: boolean;
  edited: boolean;
  /** Set when the message is the share of an uploaded file (files.completeUploadExternal). */
  files?: FakeFileRef[];
}

export interface FakeDm {
  id: string;
  /** The other members (one for a DM, several for a group DM); the bot is implied. */
  users: string[];
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  messageTs: string;
}

export interface FakeView {
  id: string;
  hash: string;
  /** The view as last opened, pushed, updated or published, with Slack's own fields added. */
  view: Record<string, unknown>;
  openedWith: 'views.open' | 'views.push' | 'views.publish';
  triggerId?: string;
  /** For a published Home tab: whose it is. */
  userId?: string;
  rootViewId: string;
  previousViewId?: string;
  updates: number;
}

export interface FakeUpload {
  fileId: string;
  filename: string;
  title: string;
  /** What the client declared to files.getUploadURLExternal. */
  declaredLength: number;
  /** Bytes actually received at the upload URL. */
  length: number;
  content: Buffer;
  /** Undefined when completed without a channel (a private, unshared file). */
  channel?: string;
  threadTs?: string;
  initialComment?: string;
}

/** A file someone shared with the app (a modal's file input); `files.info` describes it, `url_private_download` serves it. */
export interface FakeSharedFile {
  id: string;
  name: string;
  filetype: string;
  content: Buffer;
  /** Who uploaded it. */
  user: string;
}

/** A download of a shared file, with the token that came with it (undefined: none). */
export interface FakeFileDownload {
  fileId: string;
  token: string | undefined;
  status: number;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered, to make failed assertions readable. */
  status: number;
  error?: string;
}

/** Something `response_url` received (Bolt's `respond()`), when the signed client points it at the fake. */
export interface FakeResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export type FakeFailure =
  /** Slack's normal failure: HTTP 200 with `{ ok: false, error }` (plus any extra fields). */
  | { error: string; extra?: Record<string, unknown> }
  /** A non-200, non-429 answer, as in an outage; the web client retries these per its retryConfig. */
  | { status: number; body?: string }
  /** HTTP 429 with `Retry-After` in seconds; the web client waits that long and retries. */
  | { status: 429; retryAfter: number }
  /**
   * The call is carried out, but the answer is held back — Slack having done the
   * work while the client times out is the case idempotency has to survive.
   */
  | { delayMs: number };

export type FailurePredicate = (args: Record<string, unknown>) => FakeFailure | undefined;
