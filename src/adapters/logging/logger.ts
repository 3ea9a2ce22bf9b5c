/**
 * Structured logs with pino behind Muster's small `Logger` interface: one JSON
 * object per line on stdout, filtered by LOG_LEVEL. No personal data may reach
 * a log (issue 8), so two nets catch what a caller passes by mistake: pino's
 * path redaction for the fields that hold tokens, secrets, emails, names and
 * free text, and a scrub of every string for email addresses and chat-platform
 * tokens wherever they sit. Callers still pass identifiers (references, keys,
 * counts), never people.
 */
import { type DestinationStream, pino } from 'pino';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where a finished line goes (without its newline); stdout by default, an array in tests. */
  write?: (line: string) => void;
  now?: () => Date;
}

export const REDACTED = '[redacted]';

/** Field names whose values are secrets, personal data or free text, at the top level and one level down. */
const SENSITIVE_KEYS = [
  'token',
  'botToken',
  'accessToken',
  'secret',
  'clientSecret',
  'signingSecret',
  'password',
  'authorization',
  'cookie',
  'email',
  'name',
  'text',
  'description',
  'reason',
  'summary',
] as const;

export const REDACT_PATHS: readonly string[] = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((key) => `*.${key}`),
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Slack tokens (xoxb-, xoxp-, xapp-…) and bearer credentials. */
const TOKEN = /\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]+|\bBearer\s+[A-Za-z0-9._~+/=-]+/g;

/** A string with emails and tokens replaced; other values unchanged. */
export function scrubText(value: string): string {
  return value.replace(EMAIL, REDACTED).replace(TOKEN, REDACTED);
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? (() => new Date());
  const write = options.write;
  const destination: DestinationStream = write
    ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pino.destination({ dest: 1, sync: true });
  const base = pino(
    {
      level: options.level,
      base: undefined,
      messageKey: 'msg',
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }), log: (fields) => scrub(fields, 0) as LogFields },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    },
    destination,
  );
  const log =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: LogFields = {}) =>
      base[level](serialisable(fields), scrubText(message));
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * Errors do not survive JSON.stringify; keep their class (as `type`: `*.name` is
 * redacted as a person's name), code and message, never a stack full of data.
 */
function serialisable(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) {
      const code = (value as { code?: unknown }).code;
      out[key] = { type: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Scrubs strings at any depth (bounded: logged values are small, and cycles must not hang a log call). */
function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/** A logger that drops everything, for tests and quiet tools. */
export const silentLogger: Logger = createLogger({ level: 'silent', write: () => {} });
