import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeIncident } from '../../../src/app/close-incident.js';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import { keyDateCommand } from '../../../src/app/commands/key-date-command.js';
import { registeredForm } from '../../../src/app/forms/form-registry.js';
import { keyDateFormHandler } from '../../../src/app/forms/key-date-form.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, STORES, testDeps, validForm } from '../harness.js';
import { refusal, snapshot } from '../store-snapshot.js';

const REF = 'SV-2027-0001';
const requester = { contactId: 'cara-csp', isSpaceMember: true };

type Deps = CommandDeps & ReturnType<typeof testDeps> & { platform: RecordingPlatform };
type Values = Record<string, string | undefined>;

// The clock stands at Sat 28 Aug 2027 09:00 BST (Mon 30 Aug is the summer bank holiday).
describe.each(STORES)('/incident keydate add ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: Deps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = { ...testDeps(store), platform: new RecordingPlatform('console') };
    await openIncident(deps, validForm());
  });
  afterEach(() => cleanup());

  const incident = async (): Promise<Incident> => (await store.getIncident(REF))!;
  const scope = async () => ({
    incident: await incident(),
    by: COORDINATOR,
    requester,
    resolveUser: async () => undefined,
  });
  const submit = async (values: Values) =>
    keyDateFormHandler.submit(deps, await scope(), {
      formId: 'key-date',
      context: { reference: REF },
      values,
    });
  const keyDate = (overrides: Values = {}): Values => ({
    kind: 'anniversary',
    date: '2028-08-27',
    title: 'First anniversary',
    remobilise: '5',
    ...overrides,
  });
  const keyDateReminders = async () =>
    (await store.listReminders(REF))
      .filter((r) => r.key.startsWith('keydate:'))
      .map((r) => [r.key, r.fireAt]);

  it('opens the key-date form, five working days by default, and rebuilds it from its context', async () => {
    const { form } = await keyDateCommand(deps, await scope());
    expect(form?.id).toBe('key-date');
    expect(form?.context).toEqual({ reference: REF });
    expect(form?.fields.map((f) => [f.id, f.kind, f.initial])).toEqual([
      ['kind', 'select', 'anniversary'],
      ['date', 'text', undefined],
      ['title', 'text', undefined],
      ['remobilise', 'text', '5'],
    ]);
    expect(form?.fields[0]?.choices?.map((c) => c.label)).toEqual([
      'anniversary',
      'court date',
      'memorial',
      'other',
    ]);
    expect(await registeredForm(deps, 'key-date', form!.context!)).toEqual(form);
  });

  it('adds the date and plans the reminders N working days before and on the day, saying when', async () => {
    const outcome = await submit(keyDate());

    expect((await incident()).keyDates).toEqual([
      {
        id: 'kd-1',
        kind: 'anniversary',
        date: '2028-08-27',
        title: 'First anniversary',
        remobiliseWorkingDaysBefore: 5,
      },
    ]);
    // Sun 27 Aug 2028: five working days before is Mon 21 Aug.
    expect(await keyDateReminders()).toEqual([
      ['keydate:kd-1:before-5wd', '2028-08-21T08:00:00.000Z'],
      ['keydate:kd-1:on-the-day', '2028-08-27T08:00:00.000Z'],
    ]);
    expect(outcome.message).toBe(
      'Key date added: First anniversary (anniversary, Sun 27 Aug 2028). The coordinators are reminded to re-mobilise the group on Mon 21 Aug 2028 at 09:00 (5 working days before) and again on the day (Sun 27 Aug 2028, 09:00).',
    );
  });

  it('counts working days over the bank holiday, and uses five when the field is left blank', async () => {
    // Thu 2 Sep 2027, three working days before: Wed 1, Tue 31, (Mon 30 is a bank holiday) Fri 27 Aug, already gone.
    const soon = await submit(
      keyDate({ kind: 'court-date', date: '2027-09-02', title: 'Plea hearing', remobilise: '3' }),
    );
    expect(soon.message).toBe(
      'Key date added: Plea hearing (court date, Thu 2 Sep 2027). It is less than 3 working days away, so the coordinators are reminded on the day (Thu 2 Sep 2027, 09:00) only.',
    );
    expect(await keyDateReminders()).toEqual([['keydate:kd-1:on-the-day', '2027-09-02T08:00:00.000Z']]);

    await submit(
      keyDate({ kind: 'memorial', date: '2027-09-10', title: 'Memorial walk', remobilise: undefined }),
    );
    // Fri 10 Sep: five working days before is Fri 3 Sep.
    expect((await incident()).keyDates?.[1]?.remobiliseWorkingDaysBefore).toBe(5);
    expect(await keyDateReminders()).toContainEqual(['keydate:kd-2:before-5wd', '2027-09-03T08:00:00.000Z']);
  });

  it('says no reminders are planned for a date that has passed', async () => {
    const outcome = await submit(keyDate({ date: '2027-08-01', title: 'Earlier incident' }));
    expect(outcome.message).toContain('The date has passed, so no reminders are planned.');
    expect(await keyDateReminders()).toEqual([]);
  });

  const bad: [string, Values, { path: string; message: RegExp }[]][] = [
    ['a date in another format', { date: '27/08/2028' }, [{ path: 'date', message: /such as 2028-08-27/ }]],
    ['no title', { title: undefined }, [{ path: 'title', message: /say what the date is/ }]],
    ['days that are not a number', { remobilise: 'five' }, [{ path: 'remobilise', message: /number/ }]],
    ['fewer than zero days', { remobilise: '-1' }, [{ path: 'remobilise', message: /zero or more/ }]],
    [
      'an unknown kind and a missing date together',
      { kind: 'birthday', date: undefined },
      [
        { path: 'kind', message: /choose one of/ },
        { path: 'date', message: /such as 2028-08-27/ },
      ],
    ],
  ];
  it.each(bad)('refuses %s on the field and changes nothing', async (_name, overrides, problems) => {
    const before = await snapshot(store, REF);
    const remindersBefore = await store.listReminders(REF);
    const error = await refusal(submit(keyDate(overrides)));
    expect(error?.code).toBe('invalid_input');
    expect(error?.details).toEqual(
      problems.map((p) => ({ path: p.path, message: expect.stringMatching(p.message) })),
    );
    expect(await snapshot(store, REF)).toBe(before);
    expect(await store.listReminders(REF)).toEqual(remindersBefore);
  });

  it('refuses to open the form on a closed incident', async () => {
    await closeIncident(deps, { reference: REF, reason: 'Merged into another incident.', by: COORDINATOR });
    const error = await refusal(keyDateCommand(deps, await scope()));
    expect(error?.code).toBe('invalid_transition');
  });
});
