/**
 * What every fake Web API method is built from: the handler signature, Slack's
 * answer shapes, argument readers that accept both form strings and JSON values,
 * and Slack's cursor pagination.
 */
import type { WorkspaceState } from './workspace-state.js';

export type Args = Record<string, unknown>;
export type SlackAnswer = { ok: boolean } & Record<string, unknown>;

export interface MethodContext {
  state: WorkspaceState;
  /** Where `files.getUploadURLExternal` tells the client to send the bytes. */
  uploadUrl(fileId: string): string;
  /** A shared file's `url_private_download`: served only with a valid token, as Slack does. */
  downloadUrl(fileId: string, name: string): string;
}

export type MethodHandler = (args: Args, context: MethodContext) => SlackAnswer;
export type MethodTable = Record<string, MethodHandler>;

export function ok(fields: Record<string, unknown> = {}): SlackAnswer {
  return { ok: true, ...fields };
}

export function fail(error: string, fields: Record<string, unknown> = {}): SlackAnswer {
  return { ok: false, error, ...fields };
}

/** A form body carries everything as strings; a JSON body may carry numbers. */
export function text(args: Args, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function flag(args: Args, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function integer(args: Args, key: string, fallback: number): number {
  const parsed = Number.parseInt(text(args, key) ?? '', 10);
  return Number.isNaN(parsed) ? fallback : parsed;
}

export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function arrayArg(args: Args, key: string): unknown[] | undefined {
  const value = args[key];
  return Array.isArray(value) ? value : undefined;
}

/**
 * Slack's cursors are opaque base64 strings and an exhausted list answers
 * `next_cursor: ''`; clients (and WebClient.paginate) rely on both.
 */
export function paginate<T>(
  items: T[],
  args: Args,
  defaultLimit: number,
): { page: T[]; nextCursor: string } | { error: string } {
  const limit = Math.max(1, Math.min(integer(args, 'limit', defaultLimit) || defaultLimit, 1000));
  const cursor = text(args, 'cursor') ?? '';
  let offset = 0;
  if (cursor !== '') {
    const match = /^next:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!match) return { error: 'invalid_cursor' };
    offset = Number(match[1]);
  }
  const page = items.slice(offset, offset + limit);
  const more = offset + limit < items.length;
  return { page, nextCursor: more ? Buffer.from(`next:${offset + limit}`).toString('base64') : '' };
}
