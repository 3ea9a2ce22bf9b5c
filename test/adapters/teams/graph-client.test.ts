/**
 * The Graph client: app-only tokens on every call (none in the local mode),
 * throttling and 5xx retried (after Retry-After when Graph gives one), a
 * time limit on each attempt (a hung read retried, a hung POST not), and
 * Graph's refusals surfaced with their status and code so callers can tell
 * "exists" from "not allowed".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient, GraphError, isGraphError } from '../../../src/adapters/teams/graph/graph-client.js';
import { PlatformCallError } from '../../../src/adapters/teams/http/retry-policy.js';
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

  it('retries a 500 and a 502 like an outage, and returns the answer', async () => {
    graph.failNext('/users', 500, 1);
    graph.failNext('/users', 502, 1);
    const user = await client().get<{ id: string }>('/users/aad-pat');
    expect(user.id).toBe('aad-pat');
    expect(graph.requests).toHaveLength(3);
  });

  it("waits for Graph's Retry-After, capped by the longest wait", async () => {
    graph.failNext('/users', 429, 1, { 'Retry-After': '0.2' });
    const started = performance.now();
    await new GraphClient({ baseUrl: graph.baseUrl, tokens: async () => 't', maxRetryWaitMs: 1_000 }).get(
      '/users/aad-pat',
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(graph.requests).toHaveLength(2);
  });

  it('abandons a read that hangs past its time limit and asks again', async () => {
    graph.delayNext('/users', 1_000);
    const timed = new GraphClient({
      baseUrl: graph.baseUrl,
      tokens: async () => 't',
      maxRetryWaitMs: 0,
      retry: { timeoutMs: 100 },
    });
    const user = await timed.get<{ id: string }>('/users/aad-pat');
    expect(user.id).toBe('aad-pat');
    expect(graph.requests).toHaveLength(2);
  });

  it('does not repeat a POST that hangs: Graph may have done it', async () => {
    graph.delayNext(`/teams/${graph.teamId}/channels`, 1_000);
    const timed = new GraphClient({
      baseUrl: graph.baseUrl,
      tokens: async () => 't',
      maxRetryWaitMs: 0,
      retry: { timeoutMs: 100 },
    });
    const error = await timed
      .post(`/teams/${graph.teamId}/channels`, { displayName: 'SV-2027-0001' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformCallError);
    expect((error as Error).message).toContain('Microsoft Graph did not answer POST /teams/{id}/channels');
    expect(graph.requests).toHaveLength(1);
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
