/**
 * Coordinators by Slack user group, end to end: with MUSTER_COORDINATOR_GROUPS
 * naming a user group, Muster reads its members from Slack
 * (`usergroups.users.list`) at start, and a member who is neither in the
 * directory nor in the incident's channel is a coordinator: they see the
 * incident's status from anywhere, while someone outside the group is still
 * refused. A group Slack will not show at start leaves the configured ids,
 * a warning naming the group and no person, and Muster running.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

const BOSS = { id: 'UBOSS', email: 'boss@partnership.example', name: 'boss', realName: 'Bo Boss' };
let h: Harness;

beforeEach(async () => {
  h = await startHarness({
    users: [BOSS],
    usergroups: { S0COORD: [BOSS.id] },
    env: { MUSTER_COORDINATOR_GROUPS: 'slack:S0COORD' },
  });
  await reportIncident(h);
});
afterEach(async () => {
  await h.close();
});

async function status(user: string): Promise<string> {
  const response = await h.slack.command({
    command: '/incident',
    text: 'status SV-2027-0001',
    user_id: user,
    channel_id: 'CGENERAL',
    channel_name: 'general',
  });
  expect(response.status).toBe(200);
  await h.muster.idle();
  const body = h.fake.responses.at(-1)!.body as Record<string, unknown>;
  return `${String(body.text)} ${JSON.stringify(body.blocks)}`;
}

it('reads the group’s members from Slack at start', () => {
  expect(h.fake.callsTo('usergroups.users.list').map((c) => c.args.usergroup)).toEqual(['S0COORD']);
  expect(h.muster.deps.coordinators).toContain('slack:UBOSS');
});

it('shows a group member outside the channel the incident, and still refuses everyone else', async () => {
  expect(await status(BOSS.id)).toContain('Market Street');
  const refused = await status(USERS.outsider.id);
  expect(refused).toContain('Only members of SV-2027-0001');
  expect(refused).not.toContain('Market Street');
});

describe('when Slack will not show the group at start', () => {
  let failing: Harness;
  beforeEach(async () => {
    failing = await startHarness({
      users: [BOSS],
      usergroups: { S0COORD: [BOSS.id] },
      env: { MUSTER_COORDINATOR_GROUPS: 'slack:S0COORD', MUSTER_COORDINATORS: 'slack:UCONF' },
      prepare: (fake) => fake.failNext('usergroups.users.list', { error: 'missing_scope' }),
    });
  });
  afterEach(async () => {
    await failing.close();
  });

  it('starts with the configured ids alone and warns without naming anyone', () => {
    expect(failing.muster.deps.coordinators).toEqual(['slack:UCONF']);
    const warnings = failing.logger.entries.filter((e) => e.level === 'warn');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('could not read the members of coordinator group slack:S0COORD'),
    ]);
    expect(JSON.stringify(warnings)).not.toContain(BOSS.id);
  });
});
