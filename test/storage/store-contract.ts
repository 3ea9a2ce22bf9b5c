/**
 * The behaviour every `Store` must have, whatever keeps the data. Each
 * implementation's test file calls `describeStoreContract` with a factory for
 * a fresh, empty store. Checks that need to reach behind the store (damaging
 * a file, restarting) go through the optional hooks and are skipped when an
 * implementation does not offer them. The tests live in `contract/`, one file
 * per concept.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/ports.js';
import { makeIncident } from '../fixtures/incident-factory.js';
import type { ContractContext, StoreHarness } from './contract/contract-kit.js';
import { describeDirectoryAndPlatformContract } from './contract/directory-and-platform.js';
import { describeEventAndReferenceContract } from './contract/events-and-references.js';
import { describeIdempotencyAndDamageContract } from './contract/idempotency-and-damage.js';
import { describeIncidentContract } from './contract/incidents.js';
import { describePlanContract } from './contract/plans.js';
import { describePurgeContract } from './contract/purges.js';
import { describeReminderContract } from './contract/reminders.js';

export type { StoreHarness } from './contract/contract-kit.js';

export function describeStoreContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await makeStore();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.cleanup();
    });

    const context: ContractContext = {
      get store() {
        return store;
      },
      get harness() {
        return harness;
      },
      async restart() {
        if (!harness.reopen) throw new Error('This store offers no reopen hook; skip the test instead.');
        store = await harness.reopen();
      },
      async createWithReminders(reminders) {
        const incident = await store.createIncident(makeIncident());
        await store.syncReminders(incident.id, reminders);
        return incident;
      },
    };

    describeIncidentContract(context);
    describeEventAndReferenceContract(context);
    describeReminderContract(context);
    describeIdempotencyAndDamageContract(context);
    describePlanContract(context);
    describePurgeContract(context);
    describeDirectoryAndPlatformContract(context);
  });
}
