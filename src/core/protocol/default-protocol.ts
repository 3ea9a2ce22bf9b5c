/**
 * The default protocol: the Northamptonshire "Tactical Response to Incidences
 * of Serious Violence, Gang Activity and Exploitation" procedure (seed 000),
 * with the milestone ids of DESIGN.md. The titles quote the procedure.
 */
import { type Protocol, parseProtocol } from './protocol-schema.js';

export const DEFAULT_PROTOCOL_SOURCE =
  'Northamptonshire Tactical Response to Incidences of Serious Violence, Gang Activity and Exploitation — Procedure, section 3.0 and 5.0';

export const defaultProtocol: Protocol = parseProtocol(
  {
    id: 'northamptonshire-tactical-response',
    name: 'Northamptonshire Tactical Response',
    source: DEFAULT_PROTOCOL_SOURCE,
    calendar: { zone: 'Europe/London', holidays: { country: 'GB', state: 'ENG' }, workingDayEnd: '17:00' },
    milestones: [
      {
        id: 'sio-notification',
        title: 'SIO notifies the local CSP',
        description:
          'Within 12 hours of the incident occurring the Senior Investigating Officer (S.I.O.) will contact the Local Community Safety Partnership (CSP) with details of the incident.',
        anchor: { type: 'incident' },
        offset: { amount: 12, unit: 'hours' },
        owner: 'sio',
        metBy: { type: 'notification' },
        reminders: {
          notify: ['sio'],
          offsets: [{ when: 'before', amount: 4, unit: 'hours' }, { when: 'at' }],
        },
        escalation: { after: { amount: 1, unit: 'hours' }, to: ['coordinators'] },
      },
      {
        id: 'initial-meeting',
        title: 'Initial Tactical Response Meeting',
        description:
          'The Local CSP will co-ordinate an Initial Tactical Response Meeting of agencies listed on List 2 to take place within 72 working hours of the incident; chaired by the S.I.O. and minuted by the Local CSP.',
        anchor: { type: 'incident' },
        offset: { amount: 72, unit: 'working-hours' },
        owner: 'coordinators',
        metBy: { type: 'meeting', meeting: 'initial' },
        reminders: {
          notify: ['coordinators', 'sio'],
          offsets: [
            { when: 'before', amount: 48, unit: 'hours' },
            { when: 'before', amount: 24, unit: 'hours' },
            { when: 'at' },
          ],
        },
        escalation: { after: { amount: 4, unit: 'hours' }, to: ['coordinators'] },
      },
      {
        id: 'minutes-initial',
        title: 'Minutes and action plan shared with attendees and List 1',
        description:
          'Following the meeting the minutes and action plan should be shared with all attendees at the meeting and the agencies listed in List 1 within 5 working days.',
        anchor: { type: 'meeting', meeting: 'initial' },
        offset: { amount: 5, unit: 'working-days' },
        owner: 'coordinators',
        metBy: { type: 'manual' },
        reminders: {
          notify: ['coordinators'],
          offsets: [{ when: 'before', amount: 2, unit: 'working-days' }, { when: 'at' }],
        },
        escalation: { after: { amount: 1, unit: 'working-days' }, to: ['coordinators'] },
      },
      {
        id: 'review-meeting',
        title: 'Review meeting (Signs of Safety)',
        description:
          '1 month after the Initial Tactical Response Meeting a Review meeting will be held to review the action plan and analyse the response to date, following Signs of Safety methodology.',
        anchor: { type: 'meeting', meeting: 'initial' },
        offset: { amount: 1, unit: 'calendar-months' },
        owner: 'coordinators',
        metBy: { type: 'meeting', meeting: 'review' },
        reminders: {
          notify: ['coordinators', 'sio'],
          offsets: [
            { when: 'before', amount: 5, unit: 'working-days' },
            { when: 'before', amount: 1, unit: 'working-days' },
            { when: 'at' },
          ],
        },
        escalation: { after: { amount: 1, unit: 'working-days' }, to: ['coordinators'] },
      },
      {
        id: 'minutes-review',
        title: 'Review minutes and updated action plan circulated',
        description:
          'Minutes and the updated action plan will once again be circulated to all attendees and those agencies in List 1.',
        anchor: { type: 'meeting', meeting: 'review' },
        offset: { amount: 5, unit: 'working-days' },
        owner: 'coordinators',
        metBy: { type: 'manual' },
        reminders: {
          notify: ['coordinators'],
          offsets: [{ when: 'before', amount: 2, unit: 'working-days' }, { when: 'at' }],
        },
        escalation: { after: { amount: 1, unit: 'working-days' }, to: ['coordinators'] },
      },
      {
        id: 'final-report',
        title: 'Final report: handbook and documents to List 1',
        description:
          'The handbook and all supplementary documentation should be submitted to the agencies detailed in List 1 within 10 working days of the final Tactical Response meeting.',
        anchor: { type: 'meeting', meeting: 'final' },
        offset: { amount: 10, unit: 'working-days' },
        owner: 'coordinators',
        metBy: { type: 'manual' },
        reminders: {
          notify: ['coordinators', 'sio'],
          offsets: [{ when: 'before', amount: 3, unit: 'working-days' }, { when: 'at' }],
        },
        escalation: { after: { amount: 1, unit: 'working-days' }, to: ['coordinators'] },
      },
    ],
  },
  'default protocol',
);
