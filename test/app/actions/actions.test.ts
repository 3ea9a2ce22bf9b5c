import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AddActionInput, addAction } from '../../../src/app/actions/add-action.js';
import { listActions } from '../../../src/app/actions/list-actions.js';
import { recordActionUpdate, setActionStatus } from '../../../src/app/actions/update-action.js';
import { closeIncident } from '../../../src/app/close-incident.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { Store } from '../../../src/ports.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from '../harness.js';
import { refusal, snapshot } from '../store-snapshot.js';

const REF = 'SV-2027-0001';
const PAT = { id: 'console:pat', name: 'Pat Police', contactId: 'pat-police' };
const NIA = { id: 'console:nia', name: 'Nia NHFT', contactId: 'nia-nhft' };

describe.each(STORES)('action plan use cases ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: ReturnType<typeof testDeps>;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = testDeps(store);
    await openIncident(deps, validForm());
  });
  afterEach(() => cleanup());

  const action = (overrides: Partial<AddActionInput> = {}): AddActionInput => ({
    reference: REF,
    priority: { number: 1, title: 'Reassure the community' },
    description: 'High-visibility patrols around Market Street',
    leadAgency: 'police',
    owner: PAT,
    timescale: 'Two weeks',
    due: '2027-09-10',
    by: COORDINATOR,
    ...overrides,
  });

  it('numbers actions automatically under their priority and audits each one', async () => {
    await addAction(deps, action());
    await addAction(deps, action({ priority: { number: 1 }, description: 'Weapons sweep' }));
    const { action: third } = await addAction(
      deps,
      action({ priority: { number: 2, title: 'Support the family' }, leadAgency: 'nhft', owner: NIA }),
    );
    expect(third).toMatchObject({
      number: '2.1',
      priority: { number: 2, title: 'Support the family' },
      rag: 'green',
    });
    const incident = await store.getIncident(REF);
    expect(incident?.actions?.map((a) => a.number)).toEqual(['1.1', '1.2', '2.1']);
    expect(incident?.actions?.[1]?.priority.title).toBe('Reassure the community');
    const events = (await store.listEvents(REF)).filter((e) => e.type === 'action.added');
    expect(events.map((e) => e.data?.actionNumber)).toEqual(['1.1', '1.2', '2.1']);
    expect(events[0]).toMatchObject({ actor: COORDINATOR, at: '2027-08-28T08:00:00.000Z' });
  });

  it('keeps a text timescale without inventing a due date', async () => {
    const { action: added } = await addAction(deps, action({ due: undefined, timescale: 'Ongoing' }));
    expect(added.timescale).toBe('Ongoing');
    expect(added).not.toHaveProperty('due');
  });

  it('accepts "yellow" as amber and records the RAG move with who and when', async () => {
    await addAction(deps, action());
    deps.clock.set('2027-09-02T10:00:00+01:00');
    const { action: updated } = await recordActionUpdate(deps, {
      reference: REF,
      actionNumber: '1.1',
      text: 'Patrols cut back by half',
      rag: 'Yellow',
      by: PAT,
    });
    expect(updated.rag).toBe('amber');
    expect(updated.updates).toEqual([
      {
        text: 'Patrols cut back by half',
        rag: 'amber',
        previousRag: 'green',
        by: PAT,
        at: '2027-09-02T09:00:00.000Z',
      },
    ]);
    const event = (await store.listEvents(REF)).at(-1);
    expect(event).toMatchObject({
      type: 'action.updated',
      actor: PAT,
      data: { fromRag: 'green', toRag: 'amber' },
    });
    expect(event?.summary).toContain('RAG GREEN → AMBER');
  });

  it('changes status once, and saying it again writes nothing', async () => {
    await addAction(deps, action());
    const first = await setActionStatus(deps, {
      reference: REF,
      actionNumber: '1.1',
      status: 'done',
      by: PAT,
    });
    expect(first).toMatchObject({ unchanged: false, action: { status: 'done' } });
    const before = await snapshot(store, REF);
    const again = await setActionStatus(deps, {
      reference: REF,
      actionNumber: '1.1',
      status: 'done',
      by: PAT,
    });
    expect(again.unchanged).toBe(true);
    expect(await snapshot(store, REF)).toBe(before);
    expect((await store.listEvents(REF)).at(-1)).toMatchObject({
      type: 'action.status-changed',
      data: { fromStatus: 'open', toStatus: 'done' },
    });
  });

  it('lists actions by agency, owner, RAG and status', async () => {
    await addAction(deps, action());
    await addAction(
      deps,
      action({ priority: { number: 2, title: 'Health' }, leadAgency: 'nhft', owner: NIA, rag: 'R' }),
    );
    await setActionStatus(deps, { reference: REF, actionNumber: '1.1', status: 'in-progress', by: PAT });
    const numbers = async (filter: Parameters<typeof listActions>[2]) =>
      (await listActions(deps, 'sv-2027-0001', filter)).map((a) => a.number);
    expect(await numbers({ agency: 'nhft' })).toEqual(['2.1']);
    expect(await numbers({ owner: 'pat-police' })).toEqual(['1.1']);
    expect(await numbers({ rag: 'red' })).toEqual(['2.1']);
    expect(await numbers({ status: 'in-progress' })).toEqual(['1.1']);
    expect(await numbers({})).toEqual(['1.1', '2.1']);
    expect((await refusal(listActions(deps, REF, { rag: 'blue' })))?.details).toMatchObject([
      { path: 'filter.rag' },
    ]);
  });

  describe('refuses bad input, naming the field, and changes nothing', () => {
    beforeEach(async () => {
      await addAction(deps, action());
    });

    it.each<[string, () => Promise<unknown>, string]>([
      ['an agency not in the directory', () => addAction(deps, action({ leadAgency: 'fire' })), 'leadAgency'],
      [
        'a new priority without a title',
        () => addAction(deps, action({ priority: { number: 3 } })),
        'priority.title',
      ],
      [
        'a different title for a known priority',
        () => addAction(deps, action({ priority: { number: 1, title: 'Other' } })),
        'priority.title',
      ],
      ['a due date that is text', () => addAction(deps, action({ due: 'Ongoing' })), 'due'],
      ['an empty description', () => addAction(deps, action({ description: ' ' })), 'description'],
      ['a bad RAG', () => addAction(deps, action({ rag: 'purple' })), 'rag'],
      [
        'a bad RAG in an update',
        () =>
          recordActionUpdate(deps, { reference: REF, actionNumber: '1.1', text: 'x', rag: 'blue', by: PAT }),
        'rag',
      ],
      [
        'an unknown action',
        () => recordActionUpdate(deps, { reference: REF, actionNumber: '9.9', text: 'x', by: PAT }),
        'actionNumber',
      ],
      [
        'a malformed action number',
        () => setActionStatus(deps, { reference: REF, actionNumber: 'one', status: 'done', by: PAT }),
        'actionNumber',
      ],
      [
        'an unknown status',
        () =>
          setActionStatus(deps, {
            reference: REF,
            actionNumber: '1.1',
            status: 'finished' as 'done',
            by: PAT,
          }),
        'status',
      ],
    ])('%s', async (_name, call, path) => {
      const before = await snapshot(store, REF);
      const error = await refusal(call());
      expect(error?.code).toBe('invalid_input');
      expect(error?.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(await snapshot(store, REF)).toBe(before);
    });

    it('says what RAG words it accepts', async () => {
      const error = await refusal(addAction(deps, action({ rag: 'purple' })));
      expect(error?.details).toEqual([
        {
          path: 'rag',
          message: '"purple" is not a RAG rating: say red, amber (or yellow) or green (R, A or G)',
        },
      ]);
    });

    it('refuses changes to a closed incident', async () => {
      await closeIncident(deps, { reference: REF, reason: 'Response complete', by: SIO });
      const before = await snapshot(store, REF);
      const error = await refusal(addAction(deps, action()));
      expect(error?.code).toBe('invalid_transition');
      expect(await snapshot(store, REF)).toBe(before);
    });
  });
});
