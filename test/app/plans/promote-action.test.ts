import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { promoteIncidentAction } from '../../../src/app/plans/promote-action.js';
import { isMusterError } from '../../../src/core/errors.js';
import type { Store } from '../../../src/ports.js';
import { makeAction } from '../../fixtures/action-factory.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { STORES, testDeps } from '../harness.js';
import { COORDINATOR_REQUEST, fixture } from './plan-fixtures.js';

describe.each(STORES)('promoteIncidentAction ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    await importPlan(testDeps(store), {
      planId: 'ashfield-2024',
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
    await store.createIncident(
      makeIncident({
        reference: 'SV-2027-0042',
        actions: [makeAction('1.2', { description: 'Lighting survey of the underpass', rag: 'amber' })],
      }),
    );
  });
  afterEach(async () => cleanup());

  it('copies the incident action under the chosen priority, keeps the link both ways', async () => {
    const { plan, number } = await promoteIncidentAction(testDeps(store), {
      planId: 'ashfield-2024',
      reference: 'SV-2027-0042',
      actionNumber: '1.2',
      priorityNumber: 2,
      ...COORDINATOR_REQUEST,
    });
    expect(number).toBe('2.3');
    const promoted = plan.actions.find((a) => a.number === '2.3');
    expect(promoted).toMatchObject({
      description: 'Lighting survey of the underpass',
      rag: 'amber',
      priority: { number: 2, title: 'System Approach' },
    });
    expect(promoted?.updates.map((u) => u.text)).toEqual(['Promoted from SV-2027-0042 action 1.2.']);
    expect(plan.links).toEqual([
      expect.objectContaining({
        planActionId: promoted?.id,
        incidentReference: 'SV-2027-0042',
        incidentActionNumber: '1.2',
      }),
    ]);
    const events = await store.listEvents('SV-2027-0042');
    expect(events.at(-1)).toMatchObject({
      type: 'action.promoted',
      data: { planId: 'ashfield-2024', planActionNumber: '2.3' },
    });
  });

  it('refuses a second promotion of the same action, an unknown priority, and a non-coordinator, changing nothing', async () => {
    const input = {
      planId: 'ashfield-2024',
      reference: 'SV-2027-0042',
      actionNumber: '1.2',
      ...COORDINATOR_REQUEST,
    };
    await promoteIncidentAction(testDeps(store), input);
    const before = await store.getPlan('ashfield-2024');
    const paths = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      return isMusterError(error) ? error.details.map((d) => d.path) : error;
    };
    expect(await paths(promoteIncidentAction(testDeps(store), input))).toEqual(['actionNumber']);
    expect(await paths(promoteIncidentAction(testDeps(store), { ...input, priorityNumber: 9 }))).toEqual([
      'priorityNumber',
    ]);
    expect(
      await paths(
        promoteIncidentAction(testDeps(store), {
          ...input,
          by: { id: 'x', name: 'X' },
          requester: { contactId: 'pat-police' },
        }),
      ),
    ).toEqual(['requester']);
    expect(await paths(promoteIncidentAction(testDeps(store), { ...input, actionNumber: '7.7' }))).toEqual([
      'actionNumber',
    ]);
    expect(await store.getPlan('ashfield-2024')).toEqual(before);
  });
});
