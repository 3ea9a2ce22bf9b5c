/**
 * The plumbing every console route shares: reading a JSON body (bounded),
 * the query string, who the request acts as, and turning a malformed request
 * into a 4xx `{ error }` that says what to send instead. Use-case refusals
 * are not errors here: handlers answer them as ephemeral replies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Directory } from '../../core/directory/directory-schema.js';
import { type RouteHandler, sendJson } from '../http/http-server.js';
import { type ConsolePerson, findPerson } from './console-access.js';

/** A form post is a few kilobytes; anything far larger is not from the console page. */
const MAX_BODY_BYTES = 256 * 1024;

/** How much JSON a route takes, and what to say to a body over it (a 413). */
export interface BodyLimit {
  maxBytes: number;
  tooLarge: string;
}

const FORM_BODY: BodyLimit = {
  maxBytes: MAX_BODY_BYTES,
  tooLarge: `Send at most ${MAX_BODY_BYTES} bytes of JSON.`,
};

export const USER_HEADER = 'x-muster-user';

/** A request the console cannot act on, answered with `status` and `{ error: message }`. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Runs the handler, answering an HttpProblem with its status; anything else is the HTTP server's 500. */
export function guarded(handler: RouteHandler): RouteHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      sendJson(res, error.status, { error: error.message });
    }
  };
}

export function query(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

/** The directory contact the request acts as: the `x-muster-user` header, else `?as=`. */
export function identify(req: IncomingMessage, directory: Directory): ConsolePerson {
  const header = req.headers[USER_HEADER];
  const id = (Array.isArray(header) ? header[0] : header) || query(req).get('as') || undefined;
  const person = findPerson(directory, id);
  if (person) return person;
  throw new HttpProblem(
    400,
    id
      ? `"${id}" is not a contact in the directory. Pick someone from GET /console/api/session and send their id as the ${USER_HEADER} header or ?as=.`
      : `Say who you are: send a directory contact id (GET /console/api/session lists them) as the ${USER_HEADER} header or ?as=.`,
  );
}

export async function readJson(req: IncomingMessage, limit: BodyLimit = FORM_BODY): Promise<unknown> {
  // A declared length over the limit is refused before a byte is read; a missing or wrong one is not trusted.
  if (Number(req.headers['content-length']) > limit.maxBytes) throw new HttpProblem(413, limit.tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit.maxBytes) throw new HttpProblem(413, limit.tooLarge);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'Send a JSON body (content-type: application/json).');
  }
}

/** Reads and checks the body; a mismatch is a 400 naming each bad field. */
export async function readBody<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  limit?: BodyLimit,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(req, limit));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new HttpProblem(400, `Fix the request: ${problems.join('; ')}.`);
}

export function sendOk(res: ServerResponse, body: unknown): void {
  sendJson(res, 200, body);
}
