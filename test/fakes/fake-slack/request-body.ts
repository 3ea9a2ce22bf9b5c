/**
 * Turns a Web API request into the arguments Slack would see: form-urlencoded,
 * JSON or multipart bodies, query-string arguments, and the token from the
 * `Authorization` header or the body. Fields that clients JSON-encode into a
 * form body are decoded, so tests assert on objects, not on strings.
 */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * `users` is decoded only when it is a JSON array: Slack takes it as a
 * comma-separated string, and a test should be able to see which form was sent.
 */
const JSON_ENCODED_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'users']);

export interface ParsedRequest {
  args: Record<string, unknown>;
  token: string | undefined;
  /** The first file part of a multipart body, or the raw body when it is not a form at all. */
  fileBytes: Buffer | undefined;
}

export async function parseRequest(
  url: URL,
  headers: IncomingHttpHeaders,
  raw: Buffer,
): Promise<ParsedRequest> {
  const contentType = String(headers['content-type'] ?? '').toLowerCase();
  const args: Record<string, unknown> = Object.fromEntries(url.searchParams);
  let fileBytes: Buffer | undefined;

  if (contentType.startsWith('application/json')) {
    Object.assign(args, parseJsonObject(raw.toString('utf8')));
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  } else if (contentType.startsWith('multipart/form-data')) {
    // Undici's Request already knows multipart, which saves a parser dependency.
    const form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    for (const [key, value] of form) {
      if (typeof value === 'string') args[key] = value;
      else fileBytes ??= Buffer.from(await value.arrayBuffer());
    }
  } else if (raw.length > 0) {
    fileBytes = raw;
  }

  const token =
    bearerToken(headers.authorization) ?? (typeof args.token === 'string' ? args.token : undefined);
  delete args.token;
  return { args: decodeJsonFields(args), token, fileBytes };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.*)$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}

function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

function decodeJsonFields(args: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(args)) {
    if (!JSON_ENCODED_FIELDS.has(key) || typeof value !== 'string') continue;
    const looksEncoded = key === 'users' ? value.startsWith('[') : /^\s*[[{]/.test(value);
    if (!looksEncoded) continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Slack would answer invalid_blocks or similar; leaving the string lets the handler decide.
    }
  }
  return args;
}
