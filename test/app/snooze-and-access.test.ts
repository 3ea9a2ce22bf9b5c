import { beforeEach, describe, expect, it } from 'vitest';
import { canActOnIncident, isCoordinator } from '../../src/app/access.js';
import { homeCard, incidentListCard } from '../../src/app/cards/list-cards.js';
import { openIncident } from '../../src/app/open-incident.js';
import { recordMeeting } from '../../src/app/record-meeting.js';
import { snoozeReminder } from '../../src/app/snooze-reminder.js';
import { ErrorCode, isMusterError } from '../../src/core/errors.js';
import type { Incident } from '../../src/core/incident/incident.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { testDirectory } from '../fakes/test-directory.js';
import { COORDINATOR, SIO, testDeps, validForm } from './harness.js';

let store: InMemoryStore;
let incident: Incident;

beforeEach(async () => {
  store = new InMemoryStore();
  ({ incident } = await openIncident(testDeps(store), validForm()));
});

describe('snoozeReminder', () => {
  it('brings the reminder back at 09:00 on the next working day, over the bank holiday', async () => {
    // Saturday 28 August 2027; Monday 30 is the summer bank holiday.
    const result = await snoozeReminder(testDeps(store), {
      reference: 'SV-2027-0001',
      milestoneId: 'initial-meeting',
      reminderKey: 'initial-meeting:before-48h',
      by: COORDINATOR,
    });
    expect(result.snooze.until).toBe('2027-08-31T08:00:00.000Z');
    expect(result.message).toBe('Snoozed: you will be reminded again Tue 31 Aug 2027 09:00 BST.');
    const reminders = await store.listReminders('SV-2027-0001');
    expect(reminders.find((r) => r.key === 'initial-meeting:snooze-1')).toMatchObject({
      kind: 'snooze',
      fireAt: '2027-08-31T08:00:00.000Z',
    });
    const events = await store.listEvents('SV-2027-0001');
    expect(events.at(-1)).toMatchObject({ type: 'reminder.snoozed', actor: COORDINATOR });
  });

  it('refuses to snooze a milestone already met, changing nothing', async () => {
    const deps = testDeps(store);
    await recordMeeting(deps, {
      reference: 'SV-2027-0001',
      kind: 'initial',
      at: '2027-08-28T08:00:00Z',
      held: true,
      by: SIO,
    });
    const before = await store.getIncident('SV-2027-0001');
    try {
      await snoozeReminder(deps, {
        reference: 'SV-2027-0001',
        milestoneId: 'initial-meeting',
        by: COORDINATOR,
      });
      expect.unreachable();
    } catch (error) {
      expect(isMusterError(error, ErrorCode.Conflict)).toBe(true);
    }
    expect(await store.getIncident('SV-2027-0001')).toEqual(before);
  });
});

describe('who may act on an incident', () => {
  const directory = testDirectory();

  it('lets members of the incident space act', () => {
    expect(canActOnIncident(directory, incident, { isSpaceMember: true })).toEqual({ allowed: true });
  });

  it('lets a coordinator act from outside the space, matched by email', () => {
    expect(isCoordinator(directory, { email: 'CARA@csp.example' })).toBe(true);
    expect(
      canActOnIncident(directory, incident, { email: 'cara@csp.example', isSpaceMember: false }).allowed,
    ).toBe(true);
  });

  it('refuses anyone else with an explanation', () => {
    const decision = canActOnIncident(directory, incident, {
      email: 'pat@police.example',
      isSpaceMember: false,
    });
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringContaining("Only members of SV-2027-0001's channel"),
    });
  });
});

describe('lists and the home view', () => {
  it('lists open incidents with their next deadline', async () => {
    const card = await incidentListCard(testDeps(store));
    expect(card.rows).toEqual([
      expect.objectContaining({
        reference: 'SV-2027-0001',
        area: 'Corby',
        next: expect.objectContaining({
          title: 'Initial Tactical Response Meeting',
          dueText: 'Thu 2 Sep 2027 15:00 BST',
        }),
      }),
    ]);
  });

  it("shows a coordinator the incidents of their areas and those incidents' deadlines", async () => {
    const card = await homeCard(testDeps(store), { actorId: 'slack:U999', email: 'cara@csp.example' });
    expect(card.incidents.map((i) => i.reference)).toEqual(['SV-2027-0001']);
    expect(card.deadlines.map((d) => `${d.reference} ${d.milestoneId}`)).toEqual([
      'SV-2027-0001 initial-meeting',
    ]);
  });

  it('shows someone uninvolved nothing', async () => {
    const card = await homeCard(testDeps(store), { actorId: 'slack:U404', email: 'nobody@example.org' });
    expect(card.incidents).toEqual([]);
    expect(card.emptyText).toMatch(/No open incidents involve you/);
  });
});

describe('snoozeReminder — a double click', () => {
  it('records one snooze and plans one extra reminder', async () => {
    const input = { reference: 'SV-2027-0001', milestoneId: 'initial-meeting', by: COORDINATOR };
    await snoozeReminder(testDeps(store), input);
    const second = await snoozeReminder(testDeps(store), input);
    expect(second.message).toBe('Already snoozed until Tue 31 Aug 2027 09:00 BST.');
    expect((await store.getIncident('SV-2027-0001'))?.snoozes).toHaveLength(1);
    const snoozes = (await store.listReminders('SV-2027-0001')).filter((r) => r.kind === 'snooze');
    expect(snoozes.map((r) => r.key)).toEqual(['initial-meeting:snooze-1']);
  });
});
