/**
 * With an app registration configured, /api/messages takes only activities
 * carrying a valid token, verified by the SDK's JWT middleware against the
 * issuer's published keys (here the fake connector serves a local issuer's
 * JWKS): no token, a forged signature, another audience or an expired token
 * is a 401 and nothing runs. Muster's own calls carry its tokens, and a
 * serviceUrl outside the allowed hosts is refused before any call is made.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activity, cardOf, type LocalIssuer, localIssuer } from '../../fakes/fake-teams/index.js';
import {
  type Harness,
  newIncidentAnswers,
  openFormWith,
  personal,
  startHarness,
  TENANT,
  USERS,
} from './teams-harness.js';

const APP_ID = 'app-muster';
let h: Harness;
let issuer: LocalIssuer;

beforeEach(async () => {
  h = await startHarness({
    env: ({ connector }) => {
      issuer = localIssuer(connector.serviceUrl, TENANT, APP_ID);
      connector.setSigningKeys(TENANT, issuer.jwks);
      return {
        TEAMS_APP_ID: APP_ID,
        TEAMS_APP_PASSWORD: 'app-secret',
        TEAMS_TENANT_ID: TENANT,
        TEAMS_AUTHORITY_URL: connector.serviceUrl,
      };
    },
    accessTokens: async (scope) => `token-for ${scope}`,
  });
});
afterEach(async () => {
  await h.close();
});

const hello = () => activity(h.base, { from: USERS.pat, where: personal(USERS.pat), text: 'incident help' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('/api/messages with TEAMS_APP_ID set', () => {
  it('refuses a request without a token, and runs nothing', async () => {
    const response = await h.send(hello());
    expect(response.status).toBe(401);
    expect(h.connector.requests.filter((r) => r.path.startsWith('/v3/'))).toEqual([]);
  });

  it.each([
    ['a signature the issuer did not make', () => issuer.sign({}, issuer.otherKey)],
    ['another bot as audience', () => issuer.sign({ aud: 'some-other-bot' })],
    ['an expired token', () => issuer.sign({ exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['an issuer it does not trust', () => issuer.sign({ iss: 'https://issuer.elsewhere.example/v2.0' })],
  ])('refuses %s', async (_what, token) => {
    const response = await h.send(hello(), bearer(token()));
    expect(response.status).toBe(401);
    expect(h.connector.requests.filter((r) => r.path.startsWith('/v3/'))).toEqual([]);
  });

  it('answers a request with a valid token, its reply carrying Muster’s own connector token', async () => {
    const response = await h.send(hello(), bearer(issuer.sign()));
    expect(response.status).toBe(200);
    const reply = h.connector.requests.find((r) => r.path.startsWith('/v3/conversations/'));
    expect(reply?.authorization).toBe('Bearer token-for https://api.botframework.com');
  });

  it('refuses an activity whose serviceUrl is not an allowed host, before calling it', async () => {
    const forged = { ...hello(), serviceUrl: 'https://connector.attacker.example/' };
    const response = await h.send(forged, bearer(issuer.sign()));
    expect(response.status).toBe(400);
  });

  it('calls Graph with its Graph token, and installs itself in an incident chat from the app catalogue', async () => {
    h.graph.catalog.set(APP_ID, 'catalog-app-1');
    h.graph.forbidChannels = true;
    const token = issuer.sign();
    const form = await openFormWith(h, bearer(token));
    await h.send(
      activity(h.base, {
        from: USERS.pat,
        where: personal(USERS.pat),
        value: newIncidentAnswers(cardOf(form)!),
        replyToId: form.id,
      }),
      bearer(token),
    );

    const chat = h.graph.chats[0]!;
    expect(chat.installedApps).toEqual(['catalog-app-1']);
    const graphAuth = new Set(h.graph.requests.map((r) => r.authorization));
    expect([...graphAuth]).toEqual(['Bearer token-for https://graph.microsoft.com/.default']);
    // The card posted into the chat and the one-to-one chats Muster made carry its connector token too.
    const connectorCalls = h.connector.requests.filter((r) => r.path.startsWith('/v3/'));
    expect(connectorCalls.some((r) => r.path === '/v3/conversations')).toBe(true);
    expect(new Set(connectorCalls.map((r) => r.authorization))).toEqual(
      new Set(['Bearer token-for https://api.botframework.com']),
    );
  });
});
