/**
 * The Graph client: app-only tokens on every call (none in the local mode),
 * throttling retried after Retry-After, and Graph's refusals surfaced with
 * their status and code so callers can tell "exists" from "not allowed".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient, GraphError, isGraphError } from '../../../src/adapters/teams/graph/graph-client.js';
import { type FakeGraph, startFakeGraph } from '../../fakes/fake-teams/index.js';

let graph: FakeGraph;
beforeEach(async () => {
  graph = await startFakeGraph({
    users: [{ id: 'aad-pat', displayName: 'Pat', mail: 'pat@police.example' }],
  });
});
afterEach(async () => {
  await graph.close();
});

const client = (token = 'graph-token', retries = 2) =>
  new GraphClient({ baseUrl: graph.baseUrl, tokens: async () => token, retries, maxRetryWaitMs: 0 });

describe('GraphClient', () => {
  it('sends the app token for Graph, and none when the token is empty', async () => {
    await client().get('/users/aad-pat');
    await client('').get('/users/aad-pat');
    expect(graph.requests.map((r) => r.authorization)).toEqual(['Bearer graph-token', undefined]);
  });

  it('retries a throttled call and returns the answer', async () => {
    graph.failNext('/users', 429, 2);
    const user = await client().get<{ id: string }>('/users/aad-pat');
    expect(user.id).toBe('aad-pat');
    expect(graph.requests).toHaveLength(3);
  });

  it('gives up after its retries with the status Graph gave', async () => {
    graph.failNext('/users', 503, 5);
    await expect(client('t', 1).get('/users/aad-pat')).rejects.toMatchObject({ status: 503 });
    expect(graph.requests).toHaveLength(2);
  });

  it('surfaces a refusal with its status and code, without retrying it', async () => {
    graph.forbidChannels = true;
    const error = await client()
      .post(`/teams/${graph.teamId}/channels`, { displayName: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(isGraphError(error, 403)).toBe(true);
    expect(isGraphError(error, 409)).toBe(false);
    expect((error as GraphError).code).toBe('Forbidden');
    expect(graph.requests).toHaveLength(1);
  });
});
