/**
 * An incident with a held initial meeting run in chat (attendance, ticked and
 * assigned items, a decision), two priorities of actions, and a space on the
 * recording platform: what the export tests map and upload.
 */

import type { Incident } from '../../../src/core/incident/incident.js';
import {
  addItemDecision,
  addItemNote,
  assignItem,
  recordAttendance,
  startMeetingRecord,
  tickItem,
} from '../../../src/core/meetings/meeting-record.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { testDirectory } from '../../fakes/test-directory.js';
import { makeAction } from '../../fixtures/action-factory.js';
import { makeIncident } from '../../fixtures/incident-factory.js';

export const CHAIR = { id: 'console:dci-patel', name: 'DCI Priya Patel' };
export const COORDINATOR = { id: 'console:cara-csp', name: 'Cara CSP', contactId: 'cara-csp' };

export function initialRecord() {
  let record = startMeetingRecord('initial', 'initial-1', { at: '2027-09-01T09:00:00.000Z', by: CHAIR });
  record = recordAttendance(record, { agencyId: 'police', name: 'Pat Police', present: true });
  record = recordAttendance(record, { agencyId: 'nhft', name: 'Nia NHFT', present: false });
  record = tickItem(record, 'incident-reporting', 'immediate-response');
  record = assignItem(record, 'response-plan', 'cctv', { type: 'agency', agencyId: 'police' });
  record = addItemNote(record, 'response-plan', 'cctv', 'Footage requested from the council');
  record = addItemDecision(
    record,
    'community-liaison',
    'community-meeting',
    'Hold a community meeting on Friday',
  );
  return { ...record, endedAt: '2027-09-01T10:30:00.000Z' };
}

export function exportIncident(overrides: Partial<Incident> = {}): Incident {
  return makeIncident({
    area: 'corby',
    status: 'initial-held',
    meetings: [
      { id: 'initial-1', kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held', chair: CHAIR },
    ],
    meetingRecords: [initialRecord()],
    actions: [
      makeAction('2.1', { description: 'Community reassurance patrols', rag: 'amber', leadAgency: 'police' }),
      makeAction('1.1', {
        description: 'Preserve CCTV',
        rag: 'red',
        leadAgency: 'police',
        due: '2027-09-10',
        updates: [{ text: 'Requested', by: CHAIR, at: '2027-09-02T09:00:00.000Z' }],
      }),
    ],
    spaces: { recording: { spaceId: 'S1', spaceName: 'sv-2027-9001-corby' } },
    ...overrides,
  });
}

export async function exportHarness(incident = exportIncident(), now = '2027-09-03T12:00:00+01:00') {
  const store = new InMemoryStore();
  await store.createIncident(incident);
  const platform = new RecordingPlatform();
  const deps = {
    store,
    clock: new FixedClock(now),
    protocol: defaultProtocol,
    directory: testDirectory(),
    platform,
  };
  return { store, platform, deps, incident };
}
