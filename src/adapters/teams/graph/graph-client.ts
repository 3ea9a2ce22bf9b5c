/**
 * The few Microsoft Graph calls Muster makes (channels, chats, members,
 * users), over fetch with an app-only token. A throttled or briefly
 * unavailable Graph (429, 503, 504) is retried after its Retry-After, a few
 * times; any other failure is a `GraphError` carrying Graph's status and
 * error code, so callers can tell "already exists" (409) and "not allowed"
 * (403) from an outage. Tests point the base URL at a local fake.
 */
import type { AccessTokens } from '../auth/teams-auth.js';
import { GRAPH_SCOPE } from '../ids.js';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string,
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
  /** Retries of a throttled request (default 3). */
  retries?: number;
  /** The longest wait between retries, whatever Retry-After says (default 30 s); tests use 0. */
  maxRetryWaitMs?: number;
}

const RETRIED = new Set([429, 503, 504]);

export class GraphClient {
  readonly baseUrl: string;
  private readonly tokens: AccessTokens;
  private readonly retries: number;
  private readonly maxRetryWaitMs: number;

  constructor(options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.retries = options.retries ?? 3;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 30_000;
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
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens(GRAPH_SCOPE);
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
      if (RETRIED.has(response.status) && attempt < this.retries) {
        await wait(Math.min(retryAfterMs(response.headers.get('retry-after'), attempt), this.maxRetryWaitMs));
        continue;
      }
      throw graphError(response.status, text, `${method} ${path.split('?')[0]}`);
    }
  }
}

function graphError(status: number, text: string, path: string): GraphError {
  let code = 'unknown';
  let message = text.slice(0, 200);
  try {
    const error = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    code = error?.code ?? code;
    message = error?.message ?? message;
  } catch {
    // Not JSON (a proxy's HTML page): the start of the text says enough.
  }
  return new GraphError(status, code, message, path);
}

/** Retry-After in seconds, else a short exponential back-off. */
function retryAfterMs(header: string | null, attempt: number): number {
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 500 * 2 ** attempt;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
