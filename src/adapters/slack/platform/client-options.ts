/**
 * How Muster's `WebClient` retries: a bounded policy, so a Slack outage
 * fails a reminder tick in seconds (the scheduler retries it next tick)
 * instead of holding it for the library's default half hour.
 */
import type { webApi } from '@slack/bolt';

export interface SlackClientSettings {
  /** The Web API base (`https://slack.com/api/` by default); tests point it at the fake Slack. */
  apiUrl?: string;
  /** Retries after the first attempt, for HTTP 429 (after Retry-After) and 5xx. */
  retries?: number;
  minTimeout?: number;
  maxTimeout?: number;
}

export const DEFAULT_RETRY = { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 } as const;

export function slackClientOptions(settings: SlackClientSettings = {}): webApi.WebClientOptions {
  return {
    retryConfig: {
      retries: settings.retries ?? DEFAULT_RETRY.retries,
      factor: DEFAULT_RETRY.factor,
      minTimeout: settings.minTimeout ?? DEFAULT_RETRY.minTimeout,
      maxTimeout: settings.maxTimeout ?? DEFAULT_RETRY.maxTimeout,
    },
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  };
}
