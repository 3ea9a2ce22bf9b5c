/**
 * Coordinators by Entra group on Teams, end to end: with
 * MUSTER_COORDINATOR_GROUPS naming a group, Muster reads its members from
 * Graph (`transitiveMembers`) at start, and a member who is neither in the
 * directory nor in the incident's channel may submit the incident's forms
 * (here Record meeting, whose field problems come back, so the access check
 * was passed), while someone else outside the channel is refused.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RECORD_MEETING_FORM_ID } from '../../../src/app/forms/record-meeting-form.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { type TeamsUser, textOf } from '../../fakes/fake-teams/index.js';
import {
  dmOf,
  type Harness,
  lastIn,
  personal,
  reportIncident,
  startHarness,
  USERS,
} from './teams-harness.js';

const GROUP = '0d5e3c1a-1111-2222-3333-444455556666';
const STRANGER: TeamsUser = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'A Stranger' };
let h: Harness;
let incident: Incident;

beforeEach(async () => {
  h = await startHarness({
    env: ({ graph }) => {
      graph.groups.set(GROUP, [USERS.outsider.aadObjectId]);
      return { TEAMS_ALLOW_UNAUTHENTICATED: 'true', MUSTER_COORDINATOR_GROUPS: `teams:${GROUP}` };
    },
  });
  incident = await reportIncident(h);
});
afterEach(async () => {
  await h.close();
});

async function submitRecordMeeting(from: TeamsUser): Promise<string> {
  const form = { formId: RECORD_MEETING_FORM_ID, context: { reference: incident.reference } };
  expect((await h.submit(from, personal(from), form)).status).toBe(200);
  return textOf(lastIn(h, dmOf(from)));
}

it('reads the group’s members from Graph at start', () => {
  expect(h.graph.calls()).toContain(`GET /groups/${GROUP}/transitiveMembers`);
  expect(h.muster.deps.coordinators).toEqual([`teams:${USERS.outsider.aadObjectId}`]);
});

it('lets a group member outside the channel submit the incident’s form, and refuses anyone else', async () => {
  const member = await submitRecordMeeting(USERS.outsider);
  expect(member).not.toContain('Only members of');
  expect(member).toContain('"color":"Attention"');

  const stranger = await submitRecordMeeting(STRANGER);
  expect(stranger).toContain(`Only members of ${incident.reference}`);
});
