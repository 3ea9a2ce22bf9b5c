/**
 * What the contract's parts share: the harness an implementation supplies,
 * the context each part reads the current store from (it changes on a
 * restart), and small builders for reminders and coded errors.
 */
import { expect } from 'vitest';
import { type ErrorCode, isMusterError } from '../../../src/core/errors.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { PlannedReminder } from '../../../src/core/reminders/reminder.js';
import type { Store } from '../../../src/ports.js';

export interface StoreHarness {
  store: Store;
  /** Closes whichever store is current and removes its data. */
  cleanup(): Promise<void>;
  /** Damages the stored state of one incident so it can no longer be read. */
  corruptIncident?(id: string): Promise<void>;
  /** Closes the current store and opens a new one on the same data (a restart). */
  reopen?(): Promise<Store>;
}

export interface ContractContext {
  readonly store: Store;
  readonly harness: StoreHarness;
  /** Restarts through `harness.reopen`; only call it after skipping when there is none. */
  restart(): Promise<void>;
  createWithReminders(reminders: PlannedReminder[]): Promise<Incident>;
}

export const at = (iso: string): Date => new Date(iso);

export function planned(
  key: string,
  fireAt: string,
  overrides: Partial<PlannedReminder> = {},
): PlannedReminder {
  return {
    key,
    milestoneId: key.split(':')[0] ?? key,
    kind: 'before',
    fireAt,
    notify: ['sio'],
    ...overrides,
  };
}

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isMusterError(error) ? error.code : error).toBe(code);
}
