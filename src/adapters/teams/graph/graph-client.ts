/**
 * The few Microsoft Graph calls Muster makes (channels, chats, members,
 * users), over fetch with an app-only token. Throttling (429, after its
 * Retry-After), 5xx answers, timeouts and dropped connections are retried
 * by the Teams retry policy (http/retry-policy.ts: a timed-out POST is not
 * repeated, since Graph may have done it); any other failure is a
 * `GraphError` carrying Graph's status and error code, so callers can tell
 * "already exists" (409) and "not allowed" (403) from an outage. Tests point
 * the base URL at a local fake.
 */

import type { Logger } from '../../logging/logger.js';
import type { AccessTokens } from '../auth/teams-auth.js';
import { pathShape, RetryPolicy, type RetrySettings } from '../http/retry-policy.js';
import { GRAPH_SCOPE } from '../ids.js';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string,
    /** The Retry-After Graph sent with a 429 or 503, for the retry policy. */
    readonly retryAfter?: string,
  ) {
    super(`Microsoft Graph ${status} ${code} on ${path}: ${message}`);
    this.name = 'GraphError';
  }
}

export const isGraphError = (error: unknown, ...statuses: number[]): error is GraphError =>
  error instanceof GraphError && (statuses.length === 0 || statuses.includes(error.status));

export interface GraphClientOptions {
  /** `https://graph.microsoft.com/v1.0`, no trailing slash needed. */
  baseUrl: string;
  tokens: AccessTokens;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** The longest wait between retries, whatever Retry-After says (default 30 s); tests use 0. */
  maxRetryWaitMs?: number;
  /** The rest of the retry policy: each attempt's time limit, the first back-off. */
  retry?: Partial<RetrySettings>;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

export class GraphClient {
  readonly baseUrl: string;
  private readonly tokens: AccessTokens;
  private readonly policy: RetryPolicy;

  constructor(options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.policy = new RetryPolicy({
      service: 'Microsoft Graph',
      ...options.retry,
      ...(options.retries !== undefined ? { attempts: options.retries + 1 } : {}),
      ...(options.maxRetryWaitMs !== undefined ? { maxDelayMs: options.maxRetryWaitMs } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  /** `https://graph.microsoft.com/v1.0/users('id')`: how Graph binds a member to a user. */
  userBinding(userId: string): string {
    return `${this.baseUrl}/users('${encodeURIComponent(userId)}')`;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.policy.run({ method, path }, async (signal) => {
      const token = await this.tokens(GRAPH_SCOPE);
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
      });
      const text = await response.text();
      if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
      throw graphError(response, text, `${method} ${pathShape(path)}`);
    });
  }
}

function graphError(response: Response, text: string, path: string): GraphError {
  const { status } = response;
  let code = 'unknown';
  let message = text.slice(0, 200);
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    code = error?.code ?? code;
    message = error?.message ?? message;
  } catch {
    // Not JSON (a proxy's HTML page): the start of the text says enough.
  }
  return new GraphError(status, code, message, path, response.headers.get('retry-after') ?? undefined);
}
