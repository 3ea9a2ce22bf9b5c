/**
 * Incident spaces through Graph: a private channel named after the incident,
 * reused when it already exists (also when Graph answers a duplicate with
 * 409), a group chat when the tenant forbids channels or no team is set,
 * people joining the team before its private channel, and closing that
 * archives the channel or marks the chat closed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/teams/graph/graph-client.js';
import { IncidentSpaces } from '../../../src/adapters/teams/platform/incident-spaces.js';
import { TeamsState } from '../../../src/adapters/teams/store/teams-state.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { type FakeGraph, startFakeGraph } from '../../fakes/fake-teams/index.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';

let graph: FakeGraph;
let dir: string;
let logger: RecordingLogger;
/** The Store every replica's Teams state shares. */
let store: InMemoryStore;

const incident = { reference: 'SV-2027-0042', area: 'corby' } as Incident;
const people = ['aad-pat', 'aad-cara', 'aad-sam'].map((id) => ({
  id,
  displayName: id,
  mail: `${id}@x.example`,
}));

beforeEach(async () => {
  graph = await startFakeGraph({ users: people });
  dir = await mkdtemp(join(tmpdir(), 'muster-teams-spaces-'));
  logger = new RecordingLogger();
  store = new InMemoryStore();
});
afterEach(async () => {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
});

async function spaces(options: { teamId?: string | null; appId?: string } = {}): Promise<IncidentSpaces> {
  const client = new GraphClient({ baseUrl: graph.baseUrl, tokens: async () => 't', maxRetryWaitMs: 0 });
  return new IncidentSpaces({
    graph: client,
    state: await TeamsState.open({ store, dataDir: dir }),
    logger,
    ...(options.teamId === null ? {} : { teamId: options.teamId ?? graph.teamId }),
    ...(options.appId ? { appId: options.appId } : {}),
  });
}

describe('IncidentSpaces.ensure', () => {
  it('creates a private channel named after the incident, its owners given', async () => {
    const space = await (await spaces()).ensure(incident, ['aad-pat']);
    const channel = graph.channel(space.id)!;
    expect(channel).toMatchObject({ displayName: 'sv-2027-0042-corby', membershipType: 'private' });
    expect(channel.description).toContain('Do not post names');
    expect(space).toEqual({ id: channel.id, name: 'sv-2027-0042-corby', url: channel.webUrl });
    expect([...channel.members]).toEqual([['aad-pat', ['owner']]]);
  });

  it('reuses a channel of that name instead of making a second', async () => {
    const existing = graph.addChannel('sv-2027-0042-corby', 'private');
    const space = await (await spaces()).ensure(incident, ['aad-pat']);
    expect(space.id).toBe(existing.id);
    expect(graph.calls().filter((c) => c.startsWith('POST'))).toEqual([]);
  });

  it('takes the channel someone else made meanwhile when Graph answers 409', async () => {
    graph.raceNextChannel = true;
    const space = await (await spaces()).ensure(incident, ['aad-pat']);
    expect(graph.channels).toHaveLength(1);
    expect(space.id).toBe(graph.channels[0]!.id);
    expect(graph.calls().filter((c) => c.startsWith('GET /teams'))).toHaveLength(2);
  });

  it('falls back to a group chat, made once, when channel creation is forbidden', async () => {
    graph.forbidChannels = true;
    const made = await spaces();
    const first = await made.ensure(incident, ['aad-pat', 'aad-cara']);
    const again = await made.ensure(incident, ['aad-pat', 'aad-cara']);
    expect(graph.chats).toHaveLength(1);
    expect(again.id).toBe(first.id);
    expect(graph.chats[0]).toMatchObject({ topic: 'sv-2027-0042-corby' });
    expect(logger.messages('warn').join()).toContain('group chat');
    expect(await made.kindOf(first.id)).toEqual({ kind: 'chat' });
  });

  it('reuses the group chat another replica made for the incident instead of making a second', async () => {
    graph.forbidChannels = true;
    const first = await (await spaces()).ensure(incident, ['aad-pat', 'aad-cara']);
    const otherReplica = await spaces();
    const again = await otherReplica.ensure(incident, ['aad-pat', 'aad-cara']);
    expect(graph.chats).toHaveLength(1);
    expect(again.id).toBe(first.id);
    expect(await otherReplica.kindOf(first.id)).toEqual({ kind: 'chat' });
  });

  it('uses a group chat when no team is configured, and installs Muster in it', async () => {
    graph.catalog.set('app-1', 'catalog-1');
    const space = await (await spaces({ teamId: null, appId: 'app-1' })).ensure(incident, ['aad-pat']);
    expect(graph.chats[0]!.id).toBe(space.id);
    expect(graph.chats[0]!.installedApps).toEqual(['catalog-1']);
  });

  it('says what to do when Muster is not in the app catalogue', async () => {
    await expect(
      (await spaces({ teamId: null, appId: 'app-1' })).ensure(incident, ['aad-pat']),
    ).rejects.toThrow(/app catalogue/);
  });

  it('refuses to make a private space without an owner, saying who was not found', async () => {
    await expect((await spaces()).ensure(incident, [])).rejects.toThrow(
      /neither the SIO nor the reporting officer/,
    );
    expect(graph.channels).toEqual([]);
  });
});

describe('IncidentSpaces.add and archive', () => {
  it('adds people to the team first, then the private channel; people already in are fine', async () => {
    const made = await spaces();
    const space = await made.ensure(incident, ['aad-pat']);
    const failures = await made.add(space, ['aad-pat', 'aad-cara', 'aad-cara', 'aad-nobody']);
    const channel = graph.channel(space.id)!;
    expect([...channel.members.keys()].sort()).toEqual(['aad-cara', 'aad-pat']);
    expect(graph.teamMembers.has('aad-cara')).toBe(true);
    expect(failures.map((f) => f.userId)).toEqual(['aad-nobody']);
  });

  it('archives and unarchives the channel; a refusal is logged, not thrown', async () => {
    const made = await spaces();
    const space = await made.ensure(incident, ['aad-pat']);
    await made.archive(space, true);
    expect(graph.channel(space.id)!.archived).toBe(true);
    await made.archive(space, false);
    expect(graph.channel(space.id)!.archived).toBe(false);

    graph.failNext(`/teams/${graph.teamId}/channels/`, 403);
    await made.archive(space, true);
    expect(logger.messages('warn').join()).toContain('did not allow');
  });

  it('marks a group chat closed in its topic, and open again', async () => {
    graph.forbidChannels = true;
    const made = await spaces();
    const space = await made.ensure(incident, ['aad-pat']);
    await made.archive(space, true);
    expect(graph.chats[0]!.topic).toBe('sv-2027-0042-corby (closed)');
    await made.archive(space, false);
    expect(graph.chats[0]!.topic).toBe('sv-2027-0042-corby');
  });

  it('tells whether someone is in the space', async () => {
    const made = await spaces();
    const space = await made.ensure(incident, ['aad-pat']);
    expect(await made.isMember(space.id, 'aad-pat')).toBe(true);
    expect(await made.isMember(space.id, 'aad-sam')).toBe(false);
  });
});
