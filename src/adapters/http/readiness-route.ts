/**
 * `GET /readyz`: 200 `{"status":"ready"}` once this process can do its work
 * (the store answers, the chat platforms are started), else 503 with the
 * reason, so a load balancer or orchestrator sends it no traffic until then.
 * `/healthz` stays the cheaper "the process is alive" answer. The runtime
 * owns what "ready" means and passes it in as a function.
 */
import { type HttpServer, sendJson } from './http-server.js';

export const READINESS_PATH = '/readyz';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** A check that takes longer than this counts as not ready (a hung database must not hang the probe). */
export const READINESS_TIMEOUT_MS = 2000;

export function registerReadinessRoute(
  http: HttpServer,
  check: () => Promise<Readiness>,
  timeoutMs = READINESS_TIMEOUT_MS,
): void {
  http.route('GET', READINESS_PATH, async (_req, res) => {
    const readiness = await withTimeout(check, timeoutMs);
    if (readiness.ready) sendJson(res, 200, { status: 'ready' });
    else sendJson(res, 503, { status: 'not_ready', reason: readiness.reason });
  });
}

async function withTimeout(check: () => Promise<Readiness>, timeoutMs: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: `the readiness check took longer than ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      check().catch((error: unknown) => ({
        ready: false as const,
        reason: `the readiness check failed: ${(error as Error)?.message ?? String(error)}`,
      })),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** No incident has this reference (the sequence starts at 1), so reading it is a cheap round trip to the store. */
const PROBE_REFERENCE = 'SV-0000-0000';

/**
 * Ready when the platforms are started and the store answers a read. The
 * reasons say what to look at: the platforms still starting (or stopping),
 * or the store's own error (a database that is down, a store already closed).
 */
export function storeAndPlatformsReadiness(options: {
  store: { getIncident(id: string): Promise<unknown> };
  platformsStarted: () => boolean;
}): () => Promise<Readiness> {
  return async () => {
    if (!options.platformsStarted()) return { ready: false, reason: 'the chat platforms are not started' };
    try {
      await options.store.getIncident(PROBE_REFERENCE);
    } catch (error) {
      return {
        ready: false,
        reason: `the store does not answer: ${(error as Error)?.message ?? String(error)}`,
      };
    }
    return { ready: true };
  };
}
