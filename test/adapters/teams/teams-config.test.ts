/**
 * The Teams part of the configuration: with TEAMS_APP_ID the secret and the
 * tenant are required and the unauthenticated mode is refused; without it,
 * Teams runs only when TEAMS_ALLOW_UNAUTHENTICATED=true says so by name.
 */
import { describe, expect, it } from 'vitest';
import { configErrorLine, loadConfig } from '../../../src/config.js';
import { isMusterError } from '../../../src/core/errors.js';

const refused = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    if (isMusterError(error)) return configErrorLine(error);
    throw error;
  }
  return 'accepted';
};

describe('Teams configuration', () => {
  it('reads a registered bot with its team, channel and addresses', () => {
    const config = loadConfig({
      TEAMS_APP_ID: 'app',
      TEAMS_APP_PASSWORD: 'secret',
      TEAMS_TENANT_ID: 'tenant',
      TEAMS_TEAM_ID: 'team',
      TEAMS_COORDINATION_CHANNEL: '19:c@thread.tacv2',
      TEAMS_PUBLIC_URL: 'https://muster.example.org',
      TEAMS_SERVICE_URL: 'http://127.0.0.1:9/',
      TEAMS_GRAPH_URL: 'http://127.0.0.1:9/v1.0',
      TEAMS_AUTHORITY_URL: 'http://127.0.0.1:9',
    });
    expect(config.teams).toEqual({
      appId: 'app',
      appPassword: 'secret',
      tenantId: 'tenant',
      teamId: 'team',
      coordinationChannel: '19:c@thread.tacv2',
      publicUrl: 'https://muster.example.org',
      serviceUrl: 'http://127.0.0.1:9/',
      graphUrl: 'http://127.0.0.1:9/v1.0',
      authorityUrl: 'http://127.0.0.1:9',
    });
  });

  it('leaves Teams off when nothing of it is set', () => {
    expect(loadConfig({}).teams).toBeUndefined();
  });

  it('runs unauthenticated only when asked for by name', () => {
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams).toEqual({ allowUnauthenticated: true });
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'false' }).teams).toBeUndefined();
  });

  it.each([
    [
      { TEAMS_APP_ID: 'app' },
      'muster: TEAMS_APP_PASSWORD: is missing: Teams needs it with TEAMS_APP_ID; TEAMS_TENANT_ID: is missing: Teams needs it with TEAMS_APP_ID',
    ],
    [
      {
        TEAMS_APP_ID: 'app',
        TEAMS_APP_PASSWORD: 'p',
        TEAMS_TENANT_ID: 't',
        TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      },
      'muster: TEAMS_ALLOW_UNAUTHENTICATED: must not be true with TEAMS_APP_ID: a registered bot always checks the tokens Teams sends',
    ],
    [{ TEAMS_TEAM_ID: 'team' }, 'muster: TEAMS_APP_ID: is missing but TEAMS_TEAM_ID is set'],
    [
      { TEAMS_ALLOW_UNAUTHENTICATED: 'yes' },
      'muster: TEAMS_ALLOW_UNAUTHENTICATED: "yes" is not true or false',
    ],
    [
      { TEAMS_GRAPH_URL: 'graph' },
      'muster: TEAMS_GRAPH_URL: "graph" is not a URL such as https://graph.microsoft.com/v1.0',
    ],
  ])('refuses %j', (env, line) => {
    expect(refused(env)).toBe(line);
  });
});
