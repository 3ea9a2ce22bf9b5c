/**
 * An incident whose final meeting was held, for the lesson tests: three
 * decisions over two checklist items, which the final report lists (and
 * numbers) as Lesson 1, 2 and 3.
 */
import type { Incident } from '../../../src/core/incident/incident.js';
import { addItemDecision, startMeetingRecord } from '../../../src/core/meetings/meeting-record.js';
import { makeIncident } from '../../fixtures/incident-factory.js';

export const LESSONS = [
  'Notify schools on day one',
  'Share CCTV earlier next time',
  'Agree the press line first',
];

export function incidentWithLessons(overrides: Partial<Incident> = {}): Incident {
  let final = startMeetingRecord('final', 'final-1');
  final = addItemDecision(final, 'review', 'evaluate-impact', LESSONS[0]!);
  final = addItemDecision(final, 'review', 'evaluate-impact', LESSONS[1]!);
  final = addItemDecision(final, 'review', 'key-dates', LESSONS[2]!);
  return makeIncident({
    status: 'final-held',
    meetings: [{ id: 'final-1', kind: 'final', at: '2027-11-01T10:00:00.000Z', status: 'held' }],
    meetingRecords: [final],
    ...overrides,
  });
}
