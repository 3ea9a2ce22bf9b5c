/**
 * Proof that a refused command changed nothing: the incident and its audit,
 * captured before and compared after.
 */
import type { Store } from '../../src/ports.js';

export async function snapshot(store: Store, reference: string): Promise<string> {
  return JSON.stringify({
    incident: await store.getIncident(reference),
    events: await store.listEvents(reference),
  });
}

/** The error a refused call threw (or undefined if it did not fail). */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ code?: string; details?: unknown } | undefined> {
  return call.then(
    () => undefined,
    (e: { code?: string; details?: unknown }) => e,
  );
}
