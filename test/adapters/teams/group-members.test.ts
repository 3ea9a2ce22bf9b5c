/**
 * An Entra coordinator group's members from Graph's `transitiveMembers`:
 * every page is read, devices and other non-people are left out, and a group
 * Graph does not know is an error (for the roster to keep what it knew).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/teams/graph/graph-client.js';
import { entraGroupId, entraGroupMembers } from '../../../src/adapters/teams/graph/group-members.js';
import { type FakeGraph, startFakeGraph } from '../../fakes/fake-teams/index.js';

const GROUP = '0d5e3c1a-1111-2222-3333-444455556666';
let graph: FakeGraph;
let client: GraphClient;
beforeEach(async () => {
  graph = await startFakeGraph({ users: [] });
  client = new GraphClient({
    baseUrl: graph.baseUrl,
    tokens: async () => 't',
    retries: 0,
    maxRetryWaitMs: 0,
  });
});
afterEach(async () => {
  await graph.close();
});

it('reads every page of members as Teams actor ids, leaving out devices', async () => {
  graph.groups.set(GROUP, ['aad-1', 'aad-2', 'aad-3']);

  expect(await entraGroupMembers(client, `teams:${GROUP}`)).toEqual([
    'teams:aad-1',
    'teams:aad-2',
    'teams:aad-3',
  ]);
  expect(graph.calls()).toEqual([
    `GET /groups/${GROUP}/transitiveMembers`,
    `GET /groups/${GROUP}/transitiveMembers`,
  ]);
  expect(entraGroupId(`teams:${GROUP}`)).toBe(GROUP);
});

it('throws when Graph does not know the group', async () => {
  await expect(entraGroupMembers(client, `teams:${GROUP}`)).rejects.toMatchObject({ status: 404 });
});
