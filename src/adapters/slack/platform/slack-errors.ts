/**
 * Reading Slack's answer out of a `WebClient` error: a platform error carries
 * Slack's own code (`name_taken`, `already_pinned`) in `data.error`, and some
 * methods add per-item failures in `data.errors`.
 */

/** Slack's error code (`channel_not_found`…) if `error` is a Web API platform error. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** `data.errors` of a platform error (`conversations.invite` lists one per user it could not invite). */
export function slackErrorItems(error: unknown): unknown[] | undefined {
  const errors = (error as { data?: { errors?: unknown } } | null)?.data?.errors;
  return Array.isArray(errors) ? errors : undefined;
}
