/**
 * How Muster's `WebClient` retries and how long it waits: a bounded policy,
 * so a Slack outage fails a reminder tick in seconds (the scheduler retries
 * it next tick) instead of holding it for the library's default half hour,
 * and a time limit on every request, since the library's default is none
 * and a Slack that never answers would hold the tick (and its claimed
 * reminders) forever.
 *
 * The WebClient retries 429 (after Retry-After), other non-200 answers and
 * requests that failed or timed out, the same for every method: Slack's Web
 * API is all POSTs, so it cannot tell a read from a write, and it has no
 * idempotency key for `chat.postMessage`. A post that timed out after Slack
 * had made it may therefore show twice; a post that failed is never marked
 * sent (the platform rejects, the reminder is released and sent next tick).
 */
import type { webApi } from '@slack/bolt';

export interface SlackClientSettings {
  /** The Web API base (`https://slack.com/api/` by default); tests point it at the fake Slack. */
  apiUrl?: string;
  /** Retries after the first attempt, for HTTP 429 (after Retry-After), 5xx and timeouts. */
  retries?: number;
  minTimeout?: number;
  maxTimeout?: number;
  /** Each request's time limit in milliseconds (default 20 s; uploads go through it too). */
  timeout?: number;
}

export const DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 } as const;
export const DEFAULT_TIMEOUT_MS = 20_000;

export function slackClientOptions(settings: SlackClientSettings = {}): webApi.WebClientOptions {
  return {
    retryConfig: {
      retries: settings.retries ?? DEFAULT_RETRY.retries,
      factor: DEFAULT_RETRY.factor,
      minTimeout: settings.minTimeout ?? DEFAULT_RETRY.minTimeout,
      maxTimeout: settings.maxTimeout ?? DEFAULT_RETRY.maxTimeout,
    },
    timeout: settings.timeout ?? DEFAULT_TIMEOUT_MS,
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  };
}
