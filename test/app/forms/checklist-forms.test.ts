import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registeredForm } from '../../../src/app/forms/form-registry.js';
import type { Store } from '../../../src/ports.js';
import { SIO, STORES } from '../harness.js';
import {
  announcedIncident,
  checklistItem,
  type Deps,
  lastChecklist,
  NIA,
  press,
  REF,
  submit,
} from '../interactions/checklist-fixture.js';
import { refusal, snapshot } from '../store-snapshot.js';

const ITEM = { meetingId: 'initial-1', sectionId: 'health-planning', itemId: 'discharge-plans' };
const MEETING = { meetingId: 'initial-1' };

describe.each(STORES)('checklist forms ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: Deps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = await announcedIncident(store);
    await press(deps, 'start-meeting', { meetingKind: 'initial' });
  });
  afterEach(() => cleanup());

  /** The refusal's problems as field → message, with proof that nothing was written. */
  async function refused(call: () => Promise<unknown>): Promise<Record<string, string>> {
    const before = await snapshot(store, REF);
    const cards = deps.platform.cardHistory.length;
    const error = (await refusal(call())) as { code?: string; details?: { path: string; message: string }[] };
    expect(error?.code).toBe('invalid_input');
    expect(await snapshot(store, REF)).toBe(before);
    expect(deps.platform.cardHistory).toHaveLength(cards);
    return Object.fromEntries((error.details ?? []).map((d) => [d.path, d.message]));
  }

  describe('Work on it', () => {
    it('is rebuilt from its context exactly as the button opened it', async () => {
      const opened = await press(deps, 'work-item', ITEM);
      expect(await registeredForm(deps, 'checklist-item', { reference: REF, ...ITEM })).toEqual(opened.form);
    });

    it('ticks, assigns, minutes a decision and makes it an action, then refreshes the card once', async () => {
      const updatesBefore = deps.platform.cardHistory.length;
      const outcome = await submit(deps, 'checklist-item', ITEM, {
        done: 'done',
        assignPerson: 'U_NIA',
        decision: 'NHFT to plan the discharge with the family',
        makeAction: 'yes',
        priority: '1',
        actionLead: 'nhft',
        actionDue: '2027-09-10',
      });

      expect(outcome.message).toBe('Ticked; assigned to Nia NHFT; decision minuted; action 1.1 added.');
      const incident = await store.getIncident(REF);
      expect(incident?.actions).toEqual([
        expect.objectContaining({
          number: '1.1',
          priority: { number: 1, title: 'Health planning' },
          description: 'NHFT to plan the discharge with the family',
          leadAgency: 'nhft',
          owner: NIA,
          due: '2027-09-10',
          createdFrom: { kind: 'decision', ref: 'initial-1/health-planning/discharge-plans/decision-1' },
        }),
      ]);
      const types = (await store.listEvents(REF)).slice(-4).map((e) => e.type);
      expect(types).toEqual([
        'checklist.ticked',
        'checklist.assigned',
        'meeting.decision-added',
        'action.added',
      ]);

      expect(deps.platform.cardHistory.slice(updatesBefore).map((h) => h.op)).toEqual(['update']);
      const item = checklistItem(lastChecklist(deps), 'health-planning', 'discharge-plans');
      expect(item).toMatchObject({
        done: true,
        assignedText: 'Assigned to Nia NHFT',
        decisions: ['NHFT to plan the discharge with the family'],
      });
    });

    it('makes an action from the item itself, the agency it is given leading it', async () => {
      const outcome = await submit(deps, 'checklist-item', ITEM, {
        done: 'not-yet',
        assignAgency: 'nhft',
        note: 'Discharge expected Friday',
        makeAction: 'yes',
        priority: '2',
        actionOwner: 'U_SIO',
      });
      expect(outcome.message).toBe('Assigned to NHFT; note added; action 2.1 added.');
      const [action] = (await store.getIncident(REF))?.actions ?? [];
      expect(action).toMatchObject({
        description: 'Discuss discharge plans',
        leadAgency: 'nhft',
        owner: SIO,
        createdFrom: { kind: 'checklist-item', ref: 'initial-1/health-planning/discharge-plans' },
      });
    });

    it('refuses a form that changes nothing', async () => {
      const errors = await refused(() =>
        submit(deps, 'checklist-item', ITEM, { done: 'not-yet', makeAction: 'no', priority: '1' }),
      );
      expect(errors).toEqual({ done: 'change something or close the form' });
    });

    it('refuses an action without a lead agency or an owner, writing not even the note', async () => {
      const errors = await refused(() =>
        submit(deps, 'checklist-item', ITEM, { done: 'done', note: 'Discharge Friday', makeAction: 'yes' }),
      );
      expect(errors).toEqual({
        actionLead: 'choose the agency that leads the action',
        actionOwner: 'choose who owns the action',
      });
    });

    it('names every bad field at once: unknown person and agency, priority, due date', async () => {
      const errors = await refused(() =>
        submit(deps, 'checklist-item', ITEM, {
          done: 'done',
          assignPerson: 'U_NOBODY',
          assignAgency: 'fire',
          makeAction: 'yes',
          priority: 'first',
          actionLead: 'police',
          actionOwner: 'U_NIA',
          actionDue: 'next Friday',
        }),
      );
      expect(Object.keys(errors).sort()).toEqual(['actionDue', 'assignAgency', 'assignPerson', 'priority']);
      expect(errors.assignPerson).toBe('Muster cannot find that person: choose someone else');
    });
  });

  describe('Record attendance', () => {
    it('records who is present for which agency and shows it on the card', async () => {
      const outcome = await submit(deps, 'attendance', MEETING, {
        agency: 'nhft',
        name: 'Nia NHFT',
        present: 'present',
      });
      await submit(deps, 'attendance', MEETING, {
        agency: 'police',
        name: 'Pat Police',
        present: 'apologies',
      });
      expect(outcome.message).toBe('Recorded: Nia NHFT (NHFT), present.');
      const card = lastChecklist(deps);
      expect(card.attendance).toEqual([
        { agency: 'NHFT', name: 'Nia NHFT', present: true },
        { agency: 'Police', name: 'Pat Police', present: false },
      ]);
      expect(card.attendanceText).toBe('1 present, 1 apologies');
    });

    it('refuses an unknown agency and a missing name', async () => {
      const errors = await refused(() =>
        submit(deps, 'attendance', MEETING, { agency: 'fire', present: 'present' }),
      );
      expect(Object.keys(errors).sort()).toEqual(['agency', 'name']);
    });
  });

  describe('Signs of Safety', () => {
    const REVIEW = { meetingId: 'review-1' };

    beforeEach(async () => {
      deps.clock.set('2027-09-02T11:00:00+01:00');
      await press(deps, 'end-meeting', MEETING);
      deps.clock.set('2027-09-30T10:00:00+01:00');
      await press(deps, 'start-meeting', { meetingKind: 'review' });
    });

    it('adds an entry and sets the scale, shown on the card', async () => {
      const outcome = await submit(deps, 'signs-of-safety', REVIEW, {
        column: 'workingWell',
        entry: 'Schools engaged',
        scale: '7',
      });
      expect(outcome.message).toBe('Added to "What\'s working well?"; scale set to 7/10.');
      const sos = lastChecklist(deps).signsOfSafety;
      expect(sos?.columns.find((c) => c.id === 'workingWell')?.entries).toEqual(['Schools engaged']);
      expect(sos?.scaleText).toBe('Scale: 7/10');
      const form = await registeredForm(deps, 'signs-of-safety', { reference: REF, ...REVIEW });
      expect(form.fields.find((f) => f.id === 'scale')?.initial).toBe('7');
    });

    it('refuses a scale of 11 on the scale field, writing not even the entry', async () => {
      const errors = await refused(() =>
        submit(deps, 'signs-of-safety', REVIEW, { column: 'worried', entry: 'Tension', scale: '11' }),
      );
      expect(errors).toEqual({ scale: 'the scale is a whole number from 0 to 10' });
    });

    it('asks for an entry or a new scale, and for the column an entry goes in', async () => {
      expect(await refused(() => submit(deps, 'signs-of-safety', REVIEW, {}))).toEqual({
        entry: 'write an entry or change the scale',
      });
      expect(await refused(() => submit(deps, 'signs-of-safety', REVIEW, { entry: 'Tension' }))).toEqual({
        column: 'choose the column the entry goes in',
      });
    });
  });

  it('refuses Signs of Safety at the initial meeting', async () => {
    const errors = await refused(() =>
      submit(deps, 'signs-of-safety', MEETING, { column: 'worried', entry: 'Tension' }),
    );
    expect(errors.column).toContain('review and final meetings');
  });
});
