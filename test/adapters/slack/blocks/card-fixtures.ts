/**
 * Cards as the use cases build them, for renderer tests: realistic labels and
 * values, with overrides for what a test is about.
 */
import type {
  AgencyRow,
  IncidentCard,
  NoticeCard,
  ReminderCard,
  TimelineRow,
} from '../../../../src/app/cards/card-model.js';

export function agencyRow(n: number, acknowledged = false): AgencyRow {
  const agencyId = `agency-${n}`;
  const name = `Agency number ${n}`;
  return acknowledged
    ? {
        agencyId,
        name,
        lists: [1, 2],
        acknowledgedBy: `Person ${n}`,
        acknowledgedAtText: 'Thu 2 Sep 2027 15:00 BST',
      }
    : {
        agencyId,
        name,
        lists: [1],
        action: {
          verb: 'acknowledge',
          label: `Acknowledge for ${name}`,
          value: JSON.stringify({ reference: 'SV-2027-0042', agencyId }),
          style: 'primary',
        },
      };
}

export const TIMELINE: TimelineRow[] = [
  {
    milestoneId: 'sio-notification',
    title: 'SIO notifies the CSP',
    due: '2027-08-28T03:00:00.000+01:00',
    dueText: 'Sat 28 Aug 2027 03:00 BST',
    state: 'met',
    stateText: 'met',
  },
  {
    milestoneId: 'initial-meeting',
    title: 'Initial Tactical Response Meeting',
    due: '2027-09-02T15:00:00.000+01:00',
    dueText: 'Thu 2 Sep 2027 15:00 BST',
    state: 'pending',
    stateText: 'due in 2 days',
  },
  {
    milestoneId: 'minutes-initial',
    title: 'Minutes and action plan',
    due: '2027-08-20T17:00:00.000+01:00',
    dueText: 'Fri 20 Aug 2027 17:00 BST',
    state: 'overdue',
    stateText: 'overdue by 3 hours',
  },
  {
    milestoneId: 'review-meeting',
    title: 'Review meeting',
    due: null,
    dueText: 'not yet scheduled',
    state: 'not-scheduled',
    stateText: 'after the initial meeting',
  },
];

export function incidentCard(overrides: Partial<IncidentCard> = {}): IncidentCard {
  const agencies = overrides.agencies ?? [agencyRow(1, true), agencyRow(2), agencyRow(3)];
  const acknowledged = agencies.filter((a) => a.acknowledgedBy).length;
  return {
    kind: 'incident',
    reference: 'SV-2027-0042',
    title: 'Stabbing, Market Street',
    status: 'Open: initial meeting to arrange',
    facts: [
      { label: 'When', value: 'Fri 27 Aug 2027 15:00 BST' },
      { label: 'CSP area', value: 'Corby' },
      { label: 'Location', value: 'Market Street' },
      { label: 'What happened', value: 'Young man injured outside a takeaway.' },
    ],
    timeline: TIMELINE,
    agencies,
    acknowledged,
    acknowledgedText: `${acknowledged} of ${agencies.length} agencies have acknowledged`,
    ...overrides,
  };
}

export function reminderCard(overrides: Partial<ReminderCard> = {}): ReminderCard {
  const value = JSON.stringify({ reference: 'SV-2027-0042', milestoneId: 'initial-meeting' });
  return {
    kind: 'reminder',
    reference: 'SV-2027-0042',
    reminderKey: 'initial-meeting:before-24h',
    reminderKind: 'before',
    milestoneId: 'initial-meeting',
    milestoneTitle: 'Initial Tactical Response Meeting',
    headline: 'Initial Tactical Response Meeting due in 24 hours — SV-2027-0042',
    dueText: 'Thu 2 Sep 2027 15:00 BST (due in 24 hours)',
    state: 'pending',
    escalation: false,
    description: 'Chaired by the SIO.\nList 2 agencies attend; the CSP takes the minutes.',
    meetingKind: 'initial',
    actions: [
      { verb: 'record-meeting', label: 'Record the initial meeting', value, style: 'primary' },
      { verb: 'mark-done', label: 'Mark done', value },
      { verb: 'snooze', label: 'Snooze to next working day', value },
    ],
    ...overrides,
  };
}

export function noticeCard(overrides: Partial<NoticeCard> = {}): NoticeCard {
  return {
    kind: 'notice',
    reference: 'SV-2027-0042',
    headline: 'New incident SV-2027-0042 in Corby',
    lines: ['You are on List 1 for Corby.', 'Please acknowledge in the incident channel.'],
    spaceUrl: 'https://muster-test.slack.com/archives/C000000001',
    ...overrides,
  };
}
