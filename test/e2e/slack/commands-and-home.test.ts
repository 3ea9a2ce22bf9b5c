/**
 * Journey 3 end to end: `/incident status` (in the incident's channel, or by
 * reference elsewhere), `/incident list`, `/incident help` and an unknown
 * subcommand, all answered ephemerally; and the App Home tab published when
 * a person opens it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/core/incident/incident.js';
import { channelOf, type Harness, reportIncident, startHarness, USERS } from './slack-harness.js';

let h: Harness;
let incident: Incident;

beforeEach(async () => {
  h = await startHarness();
  incident = await reportIncident(h);
});
afterEach(async () => {
  await h.close();
});

interface Reply {
  response_type?: unknown;
  text?: unknown;
  /** Text and blocks together, for loose assertions. */
  all: string;
}

async function run(
  text: string,
  user: string = USERS.pat.id,
  channel = 'CGENERAL',
  channelName = 'general',
): Promise<Reply> {
  const response = await h.slack.command({
    command: '/incident',
    text,
    user_id: user,
    channel_id: channel,
    channel_name: channelName,
  });
  expect(response.status).toBe(200);
  await h.muster.idle();
  // Help rides on the ack; everything else comes back through response_url.
  const body: Record<string, unknown> =
    response.body === '' ? h.fake.responses.at(-1)!.body : response.json<Record<string, unknown>>();
  return {
    response_type: body.response_type,
    text: body.text,
    all: `${String(body.text)} ${JSON.stringify(body.blocks)}`,
  };
}

describe('/incident subcommands', () => {
  it('status in the incident channel shows that incident, ephemerally', async () => {
    const channel = h.fake.channel(channelOf(incident))!;
    const reply = await run('status', USERS.pat.id, channel.id, channel.name);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.all).toContain('SV-2027-0001');
    expect(reply.all).toContain('Market Street');
  });

  it('status elsewhere takes the reference, and shows it only to members and coordinators', async () => {
    expect((await run('status sv-2027-0001')).all).toContain('Market Street');
    const refused = await run('status SV-2027-0001', USERS.outsider.id);
    expect(refused.all).toContain('Only members of SV-2027-0001');
    expect(refused.all).not.toContain('Market Street');
  });

  it('status elsewhere without a reference says how to ask', async () => {
    expect((await run('status')).text).toContain('not an incident channel');
  });

  it('status of an incident that does not exist says so', async () => {
    expect((await run('status SV-2027-0999')).text).toContain('There is no incident SV-2027-0999');
  });

  it('list shows the open incidents', async () => {
    const reply = await run('list');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.all).toContain('SV-2027-0001');
  });

  it('help lists every command with a line each; an unknown subcommand gets help saying so', async () => {
    const help = await run('help');
    expect(help.response_type).toBe('ephemeral');
    for (const usage of ['/incident', 'status', 'list', 'help']) expect(help.all).toContain(usage);

    const unknown = await run('frobnicate now');
    expect(unknown.response_type).toBe('ephemeral');
    expect(unknown.all).toContain('Unknown command');
    expect(unknown.all).toContain('frobnicate');
    expect(unknown.all).toContain('status');
  });
});

describe('App Home', () => {
  it('publishes the person’s incidents and deadlines when they open the Home tab', async () => {
    const response = await h.slack.event({
      type: 'app_home_opened',
      user: USERS.pat.id,
      channel: 'DPAT',
      tab: 'home',
    });
    expect(response.status).toBe(200);
    await h.muster.idle();

    const published = h.fake.callsTo('views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]!.args.user_id).toBe(USERS.pat.id);
    expect(JSON.stringify(published[0]!.args.view)).toContain('SV-2027-0001');
  });

  it('publishes nothing for the Messages tab', async () => {
    await h.slack.event({ type: 'app_home_opened', user: USERS.pat.id, channel: 'DPAT', tab: 'messages' });
    await h.muster.idle();
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });
});
