/**
 * Realistic data for every card template, built with the real builders where
 * they need no store (incident, reminder, help, both forms) and written out by
 * hand, typed as the card model, where they do (lists, home, notice).
 */
import { DateTime } from 'luxon';
import { buildIncidentCard } from '../../src/app/cards/incident-card.js';
import { helpCard } from '../../src/app/cards/list-cards.js';
import { buildReminderCard } from '../../src/app/cards/reminder-card.js';
import type {
  HomeCard,
  IncidentCard,
  IncidentListCard,
  NoticeCard,
  ReminderCard,
} from '../../src/app/cards/card-model.js';
import { newIncidentForm } from '../../src/app/forms/new-incident-form.js';
import { recordMeetingForm } from '../../src/app/forms/record-meeting-form.js';
import { incidentTimeline } from '../../src/app/incident-timeline.js';
import type { FormCard, TemplatedCard } from '../../src/adapters/cards/card-templates.js';
import type { Incident } from '../../src/core/incident/incident.js';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import type { Reminder } from '../../src/core/reminders/reminder.js';
import { testDirectory } from '../fakes/test-directory.js';
import { makeIncident } from '../fixtures/incident-factory.js';

/** Sat 28 Aug 2027 09:00 BST, the morning after the DESIGN.md worked example's incident. */
export const NOW = DateTime.fromISO('2027-08-28T09:00:00', { zone: 'Europe/London' });

const CARA = { id: 'console:cara-csp', name: 'Cara CSP' };

/** Notified in Corby: police and CSP on both lists, NHFT on List 1, schools on List 2; the police have acknowledged. */
export function sampleIncident(overrides: Partial<Incident> = {}): Incident {
  return makeIncident({
    occurredAt: '2027-08-27T14:00:00.000Z',
    notifiedAt: '2027-08-27T15:05:00.000Z',
    area: 'corby',
    knockOnAreas: ['kettering'],
    notifications: [
      { contactId: 'pat-police', agencyId: 'police', lists: [1, 2], sentAt: '2027-08-27T15:10:00.000Z' },
      { contactId: 'cara-csp', agencyId: 'csp', lists: [1, 2], sentAt: '2027-08-27T15:10:00.000Z' },
      { contactId: 'nia-nhft', agencyId: 'nhft', lists: [1], sentAt: '2027-08-27T15:10:00.000Z' },
      { contactId: 'sam-school', agencyId: 'schools', lists: [2], sentAt: '2027-08-27T15:10:00.000Z' },
    ],
    acknowledgements: [{ agencyId: 'police', at: '2027-08-27T16:30:00.000Z', by: CARA }],
    ...overrides,
  });
}

/** At NOW the initial meeting is due in 5 days; a week later it is overdue. */
export function incidentCard(at: DateTime = NOW): IncidentCard {
  return buildIncidentCard(defaultProtocol, testDirectory(), sampleIncident(), at);
}

/** A reminder for the initial meeting, as the scheduler would fire it: due soon, or missed and escalated. */
export function reminderCard(kind: Reminder['kind'] = 'before', at: DateTime = NOW): ReminderCard {
  const incident = sampleIncident();
  const milestone = incidentTimeline(defaultProtocol, incident, at).find((m) => m.id === 'initial-meeting')!;
  const reminder: Reminder = {
    key: `initial-meeting:${kind}`,
    milestoneId: 'initial-meeting',
    kind,
    fireAt: at.toUTC().toISO()!,
    notify: ['sio', 'coordinator'],
    incidentId: incident.id,
    attempts: 0,
  };
  return buildReminderCard(incident, reminder, milestone, at);
}

export const INCIDENT_LIST: IncidentListCard = {
  kind: 'incident-list',
  heading: 'Open incidents (2)',
  emptyText: 'No open incidents.',
  rows: [
    {
      reference: 'SV-2027-0041',
      title: 'Stabbing, Market Street',
      area: 'Corby',
      status: 'Open: initial meeting to arrange',
      next: {
        title: 'Initial Tactical Response Meeting',
        dueText: 'Thu 2 Sep 2027 15:00 BST',
        stateText: 'due in 5 days',
        state: 'pending',
      },
    },
    { reference: 'SV-2027-0042', title: 'Assault, Rockingham Road', area: 'Kettering', status: 'Closed' },
  ],
};

export const EMPTY_LIST: IncidentListCard = { ...INCIDENT_LIST, heading: 'Open incidents (0)', rows: [] };

export const HOME: HomeCard = {
  kind: 'home',
  heading: 'My incidents and deadlines',
  emptyText: 'No open incidents involve you. Type /incident to report one.',
  incidents: INCIDENT_LIST.rows,
  deadlines: [
    {
      reference: 'SV-2027-0041',
      milestoneId: 'sio-notification',
      title: 'SIO notifies the CSP',
      due: '2027-08-27T03:00:00.000+01:00',
      dueText: 'Fri 27 Aug 2027 03:00 BST',
      state: 'overdue',
      stateText: 'overdue: was due 30 hours ago',
    },
    {
      reference: 'SV-2027-0041',
      milestoneId: 'initial-meeting',
      title: 'Initial Tactical Response Meeting',
      due: '2027-09-02T15:00:00.000+01:00',
      dueText: 'Thu 2 Sep 2027 15:00 BST',
      state: 'pending',
      stateText: 'due in 5 days',
    },
  ],
};

export const EMPTY_HOME: HomeCard = { ...HOME, incidents: [], deadlines: [] };

export const NOTICE: NoticeCard = {
  kind: 'notice',
  reference: 'SV-2027-0041',
  headline: 'You have been notified of a serious violence incident in Corby',
  lines: ['Your agency is on List 1.', 'Please acknowledge in the incident channel.'],
  spaceUrl: 'https://teams.example/l/channel/19%3Aabc/SV-2027-0041',
};

/** The SIO's notification form, with one field refused, as a platform re-renders it after a bad submission. */
export function newIncidentFormCard(errors?: Record<string, string>): FormCard {
  return {
    kind: 'form',
    form: newIncidentForm(testDirectory(), NOW, 'U0SIO'),
    ...(errors ? { errors } : {}),
  };
}

export function recordMeetingFormCard(): FormCard {
  return { kind: 'form', form: recordMeetingForm(sampleIncident(), NOW, { platform: 'console' }) };
}

/** At least one sample per template file, with the optional parts both present and absent. */
export function allSamples(): { name: string; card: TemplatedCard }[] {
  const bare = { ...NOTICE };
  delete bare.reference;
  delete bare.spaceUrl;
  return [
    { name: 'incident card', card: incidentCard() },
    { name: 'incident card with a missed deadline', card: incidentCard(NOW.plus({ days: 7 })) },
    { name: 'reminder card', card: reminderCard() },
    { name: 'escalation reminder', card: reminderCard('escalation', NOW.plus({ days: 7 })) },
    { name: 'incident list', card: INCIDENT_LIST },
    { name: 'empty incident list', card: EMPTY_LIST },
    { name: 'home', card: HOME },
    { name: 'empty home', card: EMPTY_HOME },
    { name: 'notice', card: NOTICE },
    { name: 'notice without a link', card: bare },
    { name: 'help', card: helpCard() },
    { name: 'new incident form', card: newIncidentFormCard() },
    { name: 'new incident form with errors', card: newIncidentFormCard({ location: 'Give a location' }) },
    { name: 'record meeting form', card: recordMeetingFormCard() },
  ];
}
