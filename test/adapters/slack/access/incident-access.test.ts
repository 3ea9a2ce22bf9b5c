/**
 * Slack's access facts with the configured coordinators: a person whose
 * `slack:` id is configured (MUSTER_COORDINATORS, a coordinator group) may
 * act on an incident whose channel they are not in, without Slack being asked
 * for the channel's members; anyone else outside the channel is refused.
 */
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { decideAccess } from '../../../../src/adapters/slack/access/incident-access.js';
import type { SlackPerson } from '../../../../src/adapters/slack/access/slack-people.js';
import { openIncident } from '../../../../src/app/open-incident.js';
import type { Incident } from '../../../../src/core/incident/incident.js';
import { testDeps, validForm } from '../../../app/harness.js';
import { type FakeSlack, startFakeSlack } from '../../../fakes/fake-slack/index.js';
import { InMemoryStore } from '../../../fakes/in-memory-store.js';

let fake: FakeSlack;
let client: webApi.WebClient;
let incident: Incident;
const deps = { ...testDeps(new InMemoryStore()), coordinators: ['slack:UBOSS'] };
const person = (id: string): SlackPerson => ({ actor: { id: `slack:${id}`, name: id }, known: true });

beforeEach(async () => {
  fake = await startFakeSlack({
    users: [
      { id: 'UBOSS', email: 'boss@partnership.example', name: 'boss' },
      { id: 'UOUT', email: 'someone@elsewhere.example', name: 'someone' },
    ],
  });
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const channel = fake.addChannel({ name: 'sv-2027-0001-corby', isPrivate: true });
  const opened = await openIncident(testDeps(new InMemoryStore()), validForm());
  incident = { ...opened.incident, spaces: { slack: { spaceId: channel.id, spaceName: channel.name } } };
});
afterEach(async () => {
  await fake.close();
});

it('allows a configured coordinator outside the channel without asking Slack who is in it', async () => {
  expect(await decideAccess(client, deps, incident, person('UBOSS'))).toEqual({ allowed: true });
  expect(fake.callsTo('conversations.members')).toHaveLength(0);
});

it('refuses someone else outside the channel, having asked Slack', async () => {
  const decision = await decideAccess(client, deps, incident, person('UOUT'));
  expect(decision).toMatchObject({ allowed: false, reason: expect.stringContaining('Only members of') });
  expect(fake.callsTo('conversations.members')).toHaveLength(1);
});
