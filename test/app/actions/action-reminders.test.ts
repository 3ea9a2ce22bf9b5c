import { beforeEach, describe, expect, it } from 'vitest';
import { addAction } from '../../../src/app/actions/add-action.js';
import { actionValue } from '../../../src/app/cards/action-value.js';
import type { ActionReminderCard } from '../../../src/app/cards/card-model.js';
import { submitActionUpdate } from '../../../src/app/forms/action-update-form.js';
import { pressCardButton } from '../../../src/app/interactions/press-card-button.js';
import { addKeyDate } from '../../../src/app/key-dates/add-key-date.js';
import { openIncident } from '../../../src/app/open-incident.js';
import { runDueReminders } from '../../../src/app/run-due-reminders.js';
import { isMusterError } from '../../../src/core/errors.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, testDeps, validForm } from '../harness.js';

const REF = 'SV-2027-0001';
const PAT = { id: 'console:pat', name: 'Pat Police', contactId: 'pat-police' };
const member = { contactId: 'cara-csp', isSpaceMember: true };

let store: InMemoryStore;
let deps: ReturnType<typeof testDeps>;

beforeEach(async () => {
  store = new InMemoryStore();
  deps = testDeps(store);
  await openIncident(deps, validForm());
  // Due Fri 10 Sep 2027: the end of that working day, 17:00 BST.
  await addAction(deps, {
    reference: REF,
    priority: { number: 1, title: 'Reassure the community' },
    description: 'High-visibility patrols around Market Street',
    leadAgency: 'police',
    owner: PAT,
    due: '2027-09-10',
    by: COORDINATOR,
  });
});

const reminders = async (prefix: string) =>
  (await store.listReminders(REF)).filter((r) => r.key.startsWith(prefix));

function runAt(iso: string) {
  const platform = new RecordingPlatform();
  const run = runDueReminders({
    ...deps,
    clock: new FixedClock(iso),
    platforms: [platform],
    owner: 'tick',
    leaseMs: 60_000,
    limit: 100,
  });
  return { platform, run };
}

const press = (verb: 'add-update' | 'mark-action-done' | 'snooze-action', key = 'action:1.1:before-2wd') =>
  pressCardButton(
    { ...deps, platform: new RecordingPlatform() },
    {
      verb,
      value: actionValue({ reference: REF, actionNumber: '1.1', reminderKey: key }),
      by: COORDINATOR,
      requester: member,
      platform: 'console',
    },
  );

describe('action and key-date reminders', () => {
  it('plans a nudge 2 working days before the due date and one when it passes', async () => {
    expect((await reminders('action:')).map((r) => [r.key, r.fireAt])).toEqual([
      // Wed 8 Sep 17:00 BST, two working days before Fri 10 Sep 17:00 BST.
      ['action:1.1:before-2wd', '2027-09-08T16:00:00.000Z'],
      ['action:1.1:overdue', '2027-09-10T16:00:00.000Z'],
    ]);
  });

  it('plans key-date reminders at 09:00 local, N working days before and on the day', async () => {
    // Mon 20 Sep 2027; five working days before is Mon 13 Sep.
    await addKeyDate(deps, {
      reference: REF,
      kind: 'court-date',
      date: '2027-09-20',
      title: 'Plea hearing',
      by: COORDINATOR,
    });
    expect((await reminders('keydate:')).map((r) => [r.key, r.fireAt])).toEqual([
      ['keydate:kd-1:before-5wd', '2027-09-13T08:00:00.000Z'],
      ['keydate:kd-1:on-the-day', '2027-09-20T08:00:00.000Z'],
    ]);
    const events = await store.listEvents(REF);
    expect(events.some((e) => e.type === 'key-date.added')).toBe(true);
  });

  it('refuses a key date that is not a date, naming the field', async () => {
    const refused = await addKeyDate(deps, {
      reference: REF,
      kind: 'memorial',
      date: 'next spring',
      title: 'Vigil',
      by: COORDINATOR,
    }).catch((e: unknown) => e);
    expect(isMusterError(refused, 'invalid_input') && refused.details.map((d) => d.path)).toEqual(['date']);
  });

  it('delivers the action card to its owner with Add update, Mark done and Snooze', async () => {
    const { platform, run } = runAt('2027-09-08T17:00:00+01:00');
    const result = await run;
    expect(result.sent).toContainEqual({ incidentId: REF, key: 'action:1.1:before-2wd' });
    const delivery = platform.deliveries.find((d) => d.reminder.key === 'action:1.1:before-2wd')!;
    const card = delivery.card as ActionReminderCard;
    expect(card.headline).toBe(`Action 1.1 due in 2 working days — ${REF}`);
    expect(card.action.description).toBe('High-visibility patrols around Market Street');
    expect(card.action.facts).toContainEqual({ label: 'RAG', value: 'GREEN' });
    expect(card.actions.map((a) => a.verb)).toEqual(['add-update', 'mark-action-done', 'snooze-action']);
    expect(delivery.recipients.actors).toEqual([PAT]);
    expect(delivery.recipients.contacts.map((c) => c.id)).toEqual(['pat-police']);
  });

  it('skips the reminder of an action done since it was planned, and settles it', async () => {
    await store.updateIncident(REF, (current) => ({
      incident: { ...current, actions: current.actions!.map((a) => ({ ...a, status: 'done' as const })) },
    }));
    const { platform, run } = runAt('2027-09-08T17:00:00+01:00');
    const result = await run;
    expect(result.skipped).toContainEqual({
      incidentId: REF,
      key: 'action:1.1:before-2wd',
      reason: 'action-settled',
    });
    expect(platform.deliveries.filter((d) => d.reminder.key.startsWith('action:'))).toEqual([]);
    expect((await reminders('action:1.1:before'))[0]?.sentAt).toBeDefined();
  });

  it('tells the coordinators and the space to re-mobilise ahead of a key date', async () => {
    await addKeyDate(deps, {
      reference: REF,
      kind: 'court-date',
      date: '2027-09-20',
      title: 'Plea hearing',
      by: COORDINATOR,
    });
    const { platform, run } = runAt('2027-09-13T09:00:00+01:00');
    expect((await run).sent).toContainEqual({ incidentId: REF, key: 'keydate:kd-1:before-5wd' });
    const notice = platform.notices.find((n) => n.target.kind === 'direct')!;
    expect(notice.notice.headline).toMatch(/^Key date in 5 working days: court date — Plea hearing/);
    expect(notice.notice.lines[0]).toContain('re-mobilising the group');
  });

  it('reminds on the day of a key date too, and says nothing for a key date that moved', async () => {
    await addKeyDate(deps, {
      reference: REF,
      kind: 'anniversary',
      date: '2027-09-20',
      title: 'One year on',
      by: COORDINATOR,
    });
    const today = runAt('2027-09-20T09:00:00+01:00');
    expect((await today.run).sent).toContainEqual({ incidentId: REF, key: 'keydate:kd-1:on-the-day' });
    expect(today.platform.notices.map((n) => n.notice.headline)).toContain(
      'Key date today: anniversary — One year on (SV-2027-0001)',
    );

    await addKeyDate(deps, {
      reference: REF,
      kind: 'court-date',
      date: '2027-10-04',
      title: 'Trial',
      by: COORDINATOR,
    });
    // The court moves the trial after the reminder was planned.
    await store.updateIncident(REF, (current) => ({
      incident: {
        ...current,
        keyDates: current.keyDates?.map((k) => (k.id === 'kd-2' ? { ...k, date: '2027-11-01' } : k)),
      },
    }));
    const moved = runAt('2027-09-27T09:00:00+01:00');
    const result = await moved.run;
    expect(result.skipped).toContainEqual({
      incidentId: REF,
      key: 'keydate:kd-2:before-5wd',
      reason: 'key-date-moved',
    });
    expect(moved.platform.notices).toEqual([]);
  });

  it('Add update returns the form, and its submission records the update (yellow is amber)', async () => {
    const outcome = await press('add-update');
    expect(outcome.form?.id).toBe('action-update');
    expect(outcome.form?.fields.map((f) => [f.id, f.kind, f.required])).toEqual([
      ['text', 'textarea', true],
      ['rag', 'select', false],
    ]);
    const { action } = await submitActionUpdate(
      deps,
      {
        formId: 'action-update',
        values: { text: 'Patrols doubled', rag: 'yellow' },
        context: outcome.form!.context!,
      },
      COORDINATOR,
    );
    expect(action.rag).toBe('amber');
    expect(action.updates.at(-1)).toMatchObject({
      text: 'Patrols doubled',
      rag: 'amber',
      previousRag: 'green',
    });
  });

  it('refuses an empty update on the text field', async () => {
    const context = { reference: REF, actionNumber: '1.1' };
    const refused = await submitActionUpdate(
      deps,
      { formId: 'action-update', values: {}, context },
      COORDINATOR,
    ).catch((e: unknown) => e);
    expect(isMusterError(refused, 'invalid_input') && refused.details.map((d) => d.path)).toEqual(['text']);
  });

  it('Mark done closes the action and drops its unsent reminders', async () => {
    const outcome = await press('mark-action-done');
    expect(outcome.message).toBe('Action 1.1 marked done. Its reminders are off.');
    expect((await store.getIncident(REF))?.actions?.[0]?.status).toBe('done');
    expect(await reminders('action:')).toEqual([]);
  });

  it('Snooze brings the reminder back at 09:00 on the next working day', async () => {
    const outcome = await press('snooze-action');
    // Now is Sat 28 Aug; Mon 30 Aug is a bank holiday, so Tue 31 Aug 09:00 BST.
    expect(outcome.message).toContain('Tue 31 Aug 2027 09:00 BST');
    const snoozed = await reminders('action:1.1:snooze');
    expect(snoozed.map((r) => [r.key, r.kind, r.fireAt])).toEqual([
      ['action:1.1:snooze-1', 'snooze', '2027-08-31T08:00:00.000Z'],
    ]);
    expect((await store.getIncident(REF))?.snoozes?.[0]).toMatchObject({ actionNumber: '1.1' });
  });

  it('refuses the action buttons to someone outside the space', async () => {
    const outcome = await pressCardButton(
      { ...deps, platform: new RecordingPlatform() },
      {
        verb: 'mark-action-done',
        value: actionValue({ reference: REF, actionNumber: '1.1' }),
        by: { id: 'console:nia', name: 'Nia' },
        requester: { contactId: 'nia-nhft', isSpaceMember: false },
        platform: 'console',
      },
    );
    expect(outcome.refused).toBe(true);
    expect((await store.getIncident(REF))?.actions?.[0]?.status).toBe('open');
  });
});
