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

/**
 * `snapshot` without the `access.refused` audit events: a refused request
 * changes nothing else (issue 8), and that one event is asserted on its own.
 */
export async function snapshotApartFromRefusals(store: Store, reference: string): Promise<string> {
  return JSON.stringify({
    incident: await store.getIncident(reference),
    events: (await store.listEvents(reference)).filter((e) => e.type !== 'access.refused'),
  });
}

/** The `access.refused` events of an incident: who asked for what. */
export async function refusalEvents(store: Store, reference: string) {
  return (await store.listEvents(reference)).filter((e) => e.type === 'access.refused');
}
