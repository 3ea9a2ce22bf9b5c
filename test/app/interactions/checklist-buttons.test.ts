import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/ports.js';
import { STORES } from '../harness.js';
import { refusal, refusalEvents, snapshot, snapshotApartFromRefusals } from '../store-snapshot.js';
import {
  announcedIncident,
  checklistItem,
  type Deps,
  lastChecklist,
  NIA,
  outsider,
  press,
  REF,
} from './checklist-fixture.js';

const ITEM = { meetingId: 'initial-1', sectionId: 'health-planning', itemId: 'discharge-plans' };

describe.each(STORES)('checklist buttons ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: Deps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = await announcedIncident(store);
  });
  afterEach(() => cleanup());

  const startInitial = () => press(deps, 'start-meeting', { meetingKind: 'initial' });

  it('Start meeting on the meeting card starts it and posts the checklist', async () => {
    const outcome = await startInitial();
    expect(outcome).toMatchObject({
      reference: REF,
      message: 'Initial meeting started: the checklist is posted in the channel.',
      refreshCard: false,
    });
    expect(lastChecklist(deps).statusText).toBe('Started Thu 2 Sep 2027 10:02 BST by Nia NHFT');
  });

  it('Tick updates the card in place and the audit says who ticked it and when; pressing again unticks', async () => {
    await startInitial();
    const ref = deps.platform.cardHistory[0]!.ref;
    deps.clock.set('2027-09-02T10:15:00+01:00');

    const ticked = await press(deps, 'tick-item', ITEM);

    expect(ticked.message).toBe('Ticked: Discuss discharge plans');
    expect(deps.platform.cardHistory.at(-1)).toMatchObject({ op: 'update', ref });
    const card = lastChecklist(deps);
    const item = checklistItem(card, 'health-planning', 'discharge-plans');
    expect(item.done).toBe(true);
    expect(item.actions[0]?.label).toBe('Untick');
    expect(card.sections.find((s) => s.id === 'health-planning')?.doneText).toBe('1 of 3 done');
    const event = (await store.listEvents(REF)).at(-1);
    expect(event).toMatchObject({
      type: 'checklist.ticked',
      actor: NIA,
      at: '2027-09-02T09:15:00.000Z',
      summary: 'Done: Discuss discharge plans',
    });

    const unticked = await press(deps, 'tick-item', ITEM);
    expect(unticked.message).toBe('Unticked: Discuss discharge plans');
    expect(checklistItem(lastChecklist(deps), 'health-planning', 'discharge-plans').done).toBe(false);
    expect(deps.platform.cardHistory.filter((h) => h.op === 'post')).toHaveLength(1);
  });

  it('keeps a tick when the card cannot be updated, and says the change is saved', async () => {
    await startInitial();
    deps.platform.failNext(1, 'updateCard');
    const outcome = await press(deps, 'tick-item', ITEM);
    expect(outcome.message).toBe(
      'Ticked: Discuss discharge plans The change is saved, but the checklist card in the channel could not be updated (recording API unavailable); it catches up with the next change.',
    );
    const record = (await store.getIncident(REF))?.meetingRecords?.[0];
    expect(record?.items.find((i) => i.itemId === 'discharge-plans')?.done).toBe(true);
  });

  it('starts the meeting even if the checklist cannot be posted, and posts it with the next change', async () => {
    deps.platform.failNext(1, 'postCard');
    const started = await startInitial();
    expect(started.message).toBe(
      'Initial meeting started. The checklist could not be posted in the channel (recording API unavailable); it is posted with the next change to the meeting.',
    );
    expect(deps.platform.cardHistory).toEqual([]);

    await press(deps, 'tick-item', ITEM);
    expect(deps.platform.cardHistory.map((h) => h.op)).toEqual(['post']);
    expect(checklistItem(lastChecklist(deps), 'health-planning', 'discharge-plans').done).toBe(true);
    const record = (await store.getIncident(REF))?.meetingRecords?.[0];
    expect(record?.cardRefs).toEqual({ recording: deps.platform.cardHistory[0]!.ref });
  });

  it('Work on it, Record attendance and Signs of Safety open their forms with the context to submit them', async () => {
    await startInitial();
    const work = await press(deps, 'work-item', ITEM);
    expect(work.form).toMatchObject({
      id: 'checklist-item',
      intro: 'Discuss discharge plans.',
      context: { reference: REF, ...ITEM },
    });
    expect(work.form?.fields.map((f) => f.id)).toEqual([
      'done',
      'assignPerson',
      'assignAgency',
      'note',
      'decision',
      'makeAction',
      'priority',
      'actionLead',
      'actionOwner',
      'actionDue',
    ]);
    const attendance = await press(deps, 'record-attendance', { meetingId: 'initial-1' });
    expect(attendance.form).toMatchObject({
      id: 'attendance',
      context: { reference: REF, meetingId: 'initial-1' },
    });
    const sos = await press(deps, 'signs-of-safety', { meetingId: 'initial-1' });
    expect(sos.form?.id).toBe('signs-of-safety');
  });

  it('End meeting ends it and asks for the incident card to be refreshed; its stale buttons are then refused', async () => {
    await startInitial();
    deps.clock.set('2027-09-02T11:00:00+01:00');
    const outcome = await press(deps, 'end-meeting', { meetingId: 'initial-1' });
    expect(outcome.refreshCard).toBe(true);
    expect(outcome.message).toContain('Initial meeting ended and recorded as held.');
    expect(lastChecklist(deps).ended).toBe(true);

    const before = await snapshot(store, REF);
    const cards = deps.platform.cardHistory.length;
    const error = await refusal(press(deps, 'tick-item', ITEM));
    expect(error).toMatchObject({ code: 'invalid_transition' });
    expect((error as Error).message).toContain('has ended, so its checklist is closed');
    expect(await snapshot(store, REF)).toBe(before);
    expect(deps.platform.cardHistory).toHaveLength(cards);
  });

  it('refuses a button that names no checklist item, changing nothing', async () => {
    await startInitial();
    const before = await snapshot(store, REF);
    const error = await refusal(press(deps, 'tick-item', { meetingId: 'initial-1' }));
    expect(error).toMatchObject({
      code: 'invalid_input',
      details: [expect.objectContaining({ path: 'itemId' })],
    });
    expect(await snapshot(store, REF)).toBe(before);
  });

  it('refuses every checklist button to someone outside the space, changing nothing but the audit', async () => {
    await startInitial();
    const before = await snapshotApartFromRefusals(store, REF);
    const cards = deps.platform.cardHistory.length;
    for (const verb of [
      'start-meeting',
      'tick-item',
      'work-item',
      'record-attendance',
      'signs-of-safety',
      'end-meeting',
    ] as const) {
      const outcome = await press(deps, verb, { ...ITEM, meetingKind: 'review' }, { requester: outsider });
      expect(outcome).toMatchObject({ reference: REF, refused: true, refreshCard: false });
      expect(outcome.form).toBeUndefined();
    }
    expect(await snapshotApartFromRefusals(store, REF)).toBe(before);
    expect((await refusalEvents(store, REF)).map((e) => e.data?.asked)).toEqual([
      'press start-meeting',
      'press tick-item',
      'press work-item',
      'press record-attendance',
      'press signs-of-safety',
      'press end-meeting',
    ]);
    expect(deps.platform.cardHistory).toHaveLength(cards);
  });
});
