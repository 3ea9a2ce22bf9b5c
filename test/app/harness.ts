/**
 * What the use-case tests share: deps wired to fakes, a valid notification
 * form, and the stores to run against (the in-memory fake and the real lowdb
 * store in a temporary directory), so the key behaviours are proven on both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '../../src/adapters/storage/lowdb/lowdb-store.js';
import type { OpenIncidentInput } from '../../src/app/open-incident.js';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import type { Store } from '../../src/ports.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { testDirectory } from '../fakes/test-directory.js';

/** Fri 27 Aug 2027 15:00 BST: the DESIGN.md worked example (Mon 30 Aug is a bank holiday). */
export const OCCURRED_AT = '2027-08-27T15:00:00+01:00';
/** The next morning, when the SIO's form arrives. */
export const FORM_AT = '2027-08-28T09:00:00+01:00';

export const SIO = { id: 'console:dci-patel', name: 'DCI Priya Patel' };
export const COORDINATOR = { id: 'console:cara-csp', name: 'Cara CSP', contactId: 'cara-csp' };

export function validForm(overrides: Partial<OpenIncidentInput> = {}): OpenIncidentInput {
  return {
    occurredAt: OCCURRED_AT,
    area: 'corby',
    category: 'gold-group',
    location: 'Market Street',
    description: 'A stabbing outside a takeaway.',
    weapon: 'knife',
    sio: SIO,
    reportedBy: SIO,
    knockOnAreas: ['kettering'],
    ...overrides,
  };
}

export interface StoreFactory {
  name: string;
  open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

export const STORES: StoreFactory[] = [
  {
    name: 'in-memory store',
    open: async () => ({ store: new InMemoryStore(), cleanup: async () => {} }),
  },
  {
    name: 'lowdb store',
    open: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'muster-app-'));
      const store = await openLowdbStore(dir, { durable: false, onWarning: () => {} });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  },
];

export function testDeps(store: Store, now = FORM_AT) {
  return { store, clock: new FixedClock(now), protocol: defaultProtocol, directory: testDirectory() };
}
