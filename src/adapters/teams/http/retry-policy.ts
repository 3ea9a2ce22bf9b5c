/**
 * How the Teams adapter calls Microsoft's services (Graph and the Bot
 * Connector) when they are slow or failing, so a short outage costs a few
 * seconds instead of a lost reminder, and a long one fails the call cleanly.
 *
 * Retried, with exponential back-off and full jitter, a few attempts in all:
 * - 429, after its Retry-After (seconds or an HTTP date), never longer than
 *   `maxDelayMs`;
 * - 500, 502, 503 and 504: the service answered that it failed;
 * - a connection that could not be made (refused, no DNS, connect timeout):
 *   nothing reached the service.
 *
 * Every attempt has a time limit (an AbortController). A call that timed out,
 * or whose connection dropped once the request was sent, may still have been
 * carried out, so it is retried only when doing it twice is doing it once:
 * reads and PUT, PATCH and DELETE, and a POST its caller marks idempotent
 * (the connector's one-to-one chat creation, which Teams answers with the
 * same chat every time). Any other POST (posting a message: the Bot Connector
 * ignores a client-chosen activity id, so there is no way to make the repeat
 * harmless) is not repeated: the call fails with a `PlatformCallError` saying
 * it may have gone through, and the caller's own retry decides. The
 * scheduler releases the reminder unsent and sends it on the next tick, so a
 * reminder goes out at least once, and twice only in that rare case.
 *
 * Giving up rethrows the last failure. Each retry and each give-up is logged
 * with the method and the path's shape (ids replaced by `{id}`), never a
 * token, a body or a person.
 */
import type { Logger } from '../../logging/logger.js';

export interface RetrySettings {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Each attempt's time limit. */
  timeoutMs: number;
  /** The first back-off, doubled each retry (with jitter). */
  baseDelayMs: number;
  /** The longest wait between attempts, whatever Retry-After says; tests make it 0. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  attempts: 4,
  timeoutMs: 15_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

export interface RetryPolicyOptions extends Partial<RetrySettings> {
  /** The service, as messages name it: "Microsoft Graph", "the Teams Bot Connector". */
  service: string;
  logger?: Pick<Logger, 'info' | 'warn'>;
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ n < 1, for the jitter. */
  random?: () => number;
  /** Epoch milliseconds, for a Retry-After given as a date. */
  now?: () => number;
}

export interface PlatformCall {
  method: string;
  /** The path called (its query is never logged). */
  path: string;
  /** A POST that can safely be repeated after a timeout. */
  idempotent?: boolean;
}

/** An answered failure, as `GraphError` and `ConnectorError` carry it. */
export interface AnsweredFailure {
  status: number;
  /** The Retry-After header, if the answer had one. */
  retryAfter?: string | undefined;
}

export type UnansweredKind = 'timeout' | 'unreachable' | 'dropped';

/** A call that got no answer: timed out, or its connection failed. */
export class PlatformCallError extends Error {
  constructor(
    readonly service: string,
    readonly kind: UnansweredKind,
    /** False only when nothing reached the service (the connection was never made). */
    readonly mayHaveHappened: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformCallError';
  }
}

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
/** Connection errors raised before a byte of the request was sent. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export class RetryPolicy {
  readonly settings: RetrySettings;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: RetryPolicyOptions) {
    this.settings = {
      attempts: Math.max(1, options.attempts ?? DEFAULT_RETRY.attempts),
      timeoutMs: options.timeoutMs ?? DEFAULT_RETRY.timeoutMs,
      baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
    };
    this.sleep = options.sleep ?? wait;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** Runs `attempt` (given the signal that aborts it at the time limit) until it succeeds or the policy gives up. */
  async run<T>(call: PlatformCall, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const { attempts } = this.settings;
    const what = `${call.method.toUpperCase()} ${pathShape(call.path)}`;
    for (let n = 1; ; n++) {
      let failure: unknown;
      let timedOut = false;
      const controller = new AbortController();
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.settings.timeoutMs);
      try {
        return await attempt(controller.signal);
      } catch (error) {
        failure = timedOut ? this.unanswered('timeout', call, what) : this.classify(error, call, what);
      } finally {
        clearTimeout(timer);
      }
      const delay = this.retryDelay(failure, call, n);
      if (delay === undefined || n >= attempts) {
        if (n > 1 || delay !== undefined || failure instanceof PlatformCallError) {
          this.options.logger?.warn(`${this.options.service}: ${what} failed after ${n} attempt(s)`, {
            attempts: n,
            ...outcome(failure),
          });
        }
        throw failure;
      }
      this.options.logger?.info(
        `${this.options.service}: ${what} failed; retrying in ${delay} ms (attempt ${n + 1} of ${attempts})`,
        { attempt: n, ...outcome(failure) },
      );
      await this.sleep(delay);
    }
  }

  /** How long to wait before the next attempt, or undefined when this failure is not to be retried. */
  private retryDelay(failure: unknown, call: PlatformCall, n: number): number | undefined {
    const { baseDelayMs, maxDelayMs } = this.settings;
    if (failure instanceof PlatformCallError) {
      if (failure.mayHaveHappened && !repeatable(call)) return undefined;
    } else if (isAnswered(failure)) {
      if (!RETRIED_STATUSES.has(failure.status)) return undefined;
      const asked = retryAfterMs(failure.retryAfter, this.now());
      if (asked !== undefined) return Math.min(asked, maxDelayMs);
    } else {
      return undefined;
    }
    return Math.round(this.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1)));
  }

  /** A fetch-level failure becomes a `PlatformCallError`; anything else is left as it is. */
  private classify(error: unknown, call: PlatformCall, what: string): unknown {
    if (isAnswered(error)) return error;
    const code = networkCode(error);
    if (code === undefined) return error;
    return NOT_CONNECTED.has(code)
      ? new PlatformCallError(
          this.options.service,
          'unreachable',
          false,
          `${this.options.service} could not be reached for ${what} (${code}).`,
        )
      : this.unanswered('dropped', call, what, code);
  }

  private unanswered(kind: 'timeout' | 'dropped', call: PlatformCall, what: string, code?: string) {
    const service = this.options.service;
    const said =
      kind === 'timeout'
        ? `${service} did not answer ${what} within ${this.settings.timeoutMs / 1000} s`
        : `${service} dropped the connection during ${what} (${code})`;
    const next = repeatable(call) ? '' : ': it may still have been carried out, so it was not repeated';
    return new PlatformCallError(service, kind, true, `${said}${next}.`);
  }
}

/** A path with everything that looks like an id replaced by `{id}`, and no query: safe to log. */
export function pathShape(path: string): string {
  const bare = path.replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? '';
  return bare
    .split('/')
    .map((segment) => (segment === '' || /^(v\d+(\.\d+)?|[a-z][A-Za-z]*)$/.test(segment) ? segment : '{id}'))
    .join('/');
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const repeatable = (call: PlatformCall) =>
  call.idempotent === true || IDEMPOTENT_METHODS.has(call.method.toUpperCase());

const isAnswered = (error: unknown): error is AnsweredFailure =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';

/** The system error code of a failed fetch (undici's `TypeError: fetch failed` and its cause). */
function networkCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(own)) return own;
  return error instanceof TypeError && error.message === 'fetch failed' ? 'fetch failed' : undefined;
}

/** What a log line says of a failure: its status or kind, never its body. */
function outcome(failure: unknown): Record<string, unknown> {
  if (failure instanceof PlatformCallError) return { failure: failure.kind };
  if (isAnswered(failure)) return { status: failure.status };
  return { failure: failure instanceof Error ? failure.name : 'unknown' };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
