import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, configErrorLine, DEFAULT_DIRECTORY_PATH, loadConfig } from '../src/config.js';
import { isMusterError, type MusterError } from '../src/core/errors.js';
import { REPO_ROOT } from './cli/cli-harness.js';

function refusal(env: Record<string, string>): MusterError {
  try {
    loadConfig(env);
  } catch (error) {
    if (isMusterError(error, 'invalid_config')) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('runs with no variables set, on the documented defaults', () => {
    const config = loadConfig({});

    expect(config).toEqual({
      port: 3978,
      dataDir: './data',
      directoryPath: DEFAULT_DIRECTORY_PATH,
      tickCron: '* * * * *',
      logLevel: 'info',
    });
    expect(DEFAULT_DIRECTORY_PATH.endsWith('/directory/northamptonshire.json')).toBe(true);
  });

  it('reads every variable it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      MUSTER_DATA_DIR: '/var/lib/muster',
      MUSTER_PROTOCOL: 'protocols/ours.json',
      MUSTER_DIRECTORY: 'directory/ours.csv',
      MUSTER_TICK_CRON: '*/5 * * * *',
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      TEAMS_APP_ID: 'app',
      TEAMS_APP_PASSWORD: 'pw',
      TEAMS_TENANT_ID: 'tenant',
      MUSTER_COORDINATION_CHANNEL: 'C123',
      DATABASE_URL: 'postgres://muster@db/muster',
      MUSTER_RETENTION_DAYS: '365',
    });

    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/muster',
      protocolPath: 'protocols/ours.json',
      directoryPath: 'directory/ours.csv',
      tickCron: '*/5 * * * *',
      logLevel: 'debug',
      slack: { botToken: 'xoxb-1', signingSecret: 'shh', apiUrl: 'http://127.0.0.1:9999/api/' },
      teams: { appId: 'app', appPassword: 'pw', tenantId: 'tenant' },
      coordinationChannel: 'C123',
      databaseUrl: 'postgres://muster@db/muster',
      retentionDays: 365,
    });
  });

  it('reads the security and retention options', () => {
    const config = loadConfig({
      MUSTER_COORDINATORS: 'slack:U0BOSS, teams:29:abc,',
      MUSTER_RETENTION_DAYS: '30',
      MUSTER_RETENTION_KEEP_EXPORT_DIR: '/srv/kept',
    });
    expect(config).toMatchObject({
      coordinators: ['slack:U0BOSS', 'teams:29:abc'],
      retentionDays: 30,
      retentionKeepExportDir: '/srv/kept',
    });
  });

  it('reads the coordinator user groups of the platforms configured', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      MUSTER_COORDINATOR_GROUPS: 'slack:S0123ABCD, teams:0d5e3c1a-1111-2222-3333-444455556666,',
    });
    expect(config.coordinatorGroups).toEqual([
      'slack:S0123ABCD',
      'teams:0d5e3c1a-1111-2222-3333-444455556666',
    ]);
  });

  it('refuses a coordinator group whose platform is not configured', () => {
    expect(configErrorLine(refusal({ MUSTER_COORDINATOR_GROUPS: 'slack:S0123ABCD' }))).toBe(
      'muster: MUSTER_COORDINATOR_GROUPS: names a Slack user group but SLACK_BOT_TOKEN is not set, so Muster cannot read its members',
    );
    expect(
      configErrorLine(refusal({ MUSTER_COORDINATOR_GROUPS: 'teams:0d5e3c1a-1111-2222-3333-444455556666' })),
    ).toContain('names a Teams (Entra) group but TEAMS_APP_ID is not set');
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: ' ' }).port).toBe(3978);
  });

  const bad: [string, Record<string, string>, string][] = [
    ['PORT', { PORT: 'http' }, 'muster: PORT: "http" is not a port number (0–65535)'],
    ['PORT', { PORT: '70000' }, 'muster: PORT: "70000" is not a port number (0–65535)'],
    [
      'MUSTER_TICK_CRON',
      { MUSTER_TICK_CRON: 'nope' },
      'muster: MUSTER_TICK_CRON: "nope" is not a valid cron expression',
    ],
    [
      'LOG_LEVEL',
      { LOG_LEVEL: 'loud' },
      'muster: LOG_LEVEL: "loud" is not one of debug, info, warn, error, silent',
    ],
    [
      'MUSTER_COORDINATORS',
      { MUSTER_COORDINATORS: 'U0BOSS' },
      'muster: MUSTER_COORDINATORS: is not a comma-separated list of platform user ids such as slack:U0123,teams:<Entra user object id>,console:<contact id>',
    ],
    [
      'MUSTER_COORDINATOR_GROUPS',
      {
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
        MUSTER_COORDINATOR_GROUPS: 'slack:S0123ABCD,U0BOSS',
      },
      'muster: MUSTER_COORDINATOR_GROUPS: "U0BOSS" is not a user group such as slack:S0123ABCD (a Slack user group id) or teams:<Entra group object id>; separate several with commas',
    ],
    [
      'MUSTER_COORDINATOR_GROUPS',
      { MUSTER_COORDINATOR_GROUPS: 'teams:not-a-guid' },
      'muster: MUSTER_COORDINATOR_GROUPS: "teams:not-a-guid" is not a user group such as slack:S0123ABCD (a Slack user group id) or teams:<Entra group object id>; separate several with commas',
    ],
    [
      'MUSTER_RETENTION_DAYS',
      { MUSTER_RETENTION_DAYS: '0' },
      'muster: MUSTER_RETENTION_DAYS: "0" is not a whole number of days above 0',
    ],
    [
      'SLACK_API_URL',
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'slack' },
      'muster: SLACK_API_URL: "slack" is not a URL such as https://slack.com/api/',
    ],
    [
      'SLACK_SIGNING_SECRET',
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      'muster: SLACK_SIGNING_SECRET: is missing: Slack needs SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) with SLACK_BOT_TOKEN',
    ],
    [
      'SLACK_BOT_TOKEN',
      { SLACK_APP_TOKEN: 'xapp-1' },
      'muster: SLACK_BOT_TOKEN: is missing but SLACK_APP_TOKEN is set',
    ],
    [
      'TEAMS_APP_ID',
      { TEAMS_APP_PASSWORD: 'pw' },
      'muster: TEAMS_APP_ID: is missing but TEAMS_APP_PASSWORD is set',
    ],
  ];

  it.each(bad)('names %s in a one-line error', (_name, env, line) => {
    const error = refusal(env);
    expect(configErrorLine(error)).toBe(line);
    expect(configErrorLine(error)).not.toContain('\n');
  });

  it('never repeats a secret in its message', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      SLACK_APP_TOKEN: 'app-token-secret',
      DATABASE_URL: 'mysql://user:hunter2@db/muster',
    };
    const line = configErrorLine(refusal(secrets));

    expect(line).toContain('SLACK_BOT_TOKEN: does not start with "xoxb-"');
    expect(line).toContain('SLACK_APP_TOKEN: does not start with "xapp-"');
    expect(line).toContain('DATABASE_URL: is not a URL such as postgres://user@host:5432/muster');
    for (const secret of Object.values(secrets)) expect(line).not.toContain(secret);
  });

  it('names every bad variable at once, still on one line', () => {
    const line = configErrorLine(refusal({ PORT: 'x', LOG_LEVEL: 'loud' }));
    expect(line).toMatch(/^muster: PORT: .*; LOG_LEVEL: .*$/);
  });
});

describe('.env.example', () => {
  it('is itself a valid configuration that lists every variable loadConfig reads', async () => {
    const text = await readFile(join(REPO_ROOT, '.env.example'), 'utf8');

    expect(loadConfig(parseEnv(text)).tickCron).toBe('* * * * *');
    const mentioned = new Set([...text.matchAll(/^#?\s?([A-Z_]+)=/gm)].map((m) => m[1]));
    expect([...mentioned].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
