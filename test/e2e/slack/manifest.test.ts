/**
 * The Slack app manifest against the code: the slash command and event the
 * listeners handle, every request URL on the one route, and exactly the bot
 * scopes the Web API methods called in src/ need — no more, no fewer.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COMMAND, DIRECTORY_COMMAND, PLAN_COMMAND } from '../../../src/adapters/slack/ids.js';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/slack-app.js';
import { REPO_ROOT } from '../../cli/cli-harness.js';

/** Each Web API method Muster may call and the bot scopes it needs on a private channel (Slack's method reference). */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postEphemeral': ['chat:write'],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.archive': ['groups:write'],
  'conversations.create': ['groups:write'],
  'conversations.invite': ['groups:write'],
  'conversations.list': ['groups:read'],
  'conversations.members': ['groups:read'],
  'conversations.open': ['im:write'],
  'conversations.setPurpose': ['groups:write'],
  'conversations.setTopic': ['groups:write'],
  'conversations.unarchive': ['groups:write'],
  'files.info': ['files:read'],
  'files.uploadV2': ['files:write'],
  'pins.add': ['pins:write'],
  'usergroups.users.list': ['usergroups:read'],
  'users.info': ['users:read'],
  'users.lookupByEmail': ['users:read.email'],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
};

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

/** `client.chat.postMessage(` and the like, in every source file that uses Slack's SDK. */
async function methodsCalled(): Promise<Set<string>> {
  const called = new Set<string>();
  for (const file of await sourceFiles(join(REPO_ROOT, 'src'))) {
    const source = await readFile(file, 'utf8');
    if (!source.includes("from '@slack/bolt'")) continue;
    for (const match of source.matchAll(/client\.([a-z]+)\.([a-zA-Z0-9.]+)\(/g)) {
      called.add(`${match[1]}.${match[2]}`);
    }
  }
  return called;
}

interface Manifest {
  features: { slash_commands: { command: string; url: string }[]; app_home: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = async () =>
  JSON.parse(await readFile(join(REPO_ROOT, 'manifests/slack/manifest.json'), 'utf8')) as Manifest;

it('asks for exactly the bot scopes the code uses', async () => {
  const called = await methodsCalled();
  const unknown = [...called].filter((method) => !(method in METHOD_SCOPES));
  expect(unknown, 'add these methods and their scopes to METHOD_SCOPES and the manifest').toEqual([]);
  const needed = new Set(['commands', ...[...called].flatMap((method) => METHOD_SCOPES[method]!)]);
  expect((await manifest()).oauth_config.scopes.bot.sort()).toEqual([...needed].sort());
});

it('declares the command, events and interactivity the app handles, all on one route', async () => {
  const { features, settings } = await manifest();
  expect(features.slash_commands.map((c) => c.command)).toEqual([COMMAND, PLAN_COMMAND, DIRECTORY_COMMAND]);
  expect(features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  expect(settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
  expect(settings.interactivity.is_enabled).toBe(true);
  expect(settings.socket_mode_enabled).toBe(true);
  for (const url of [
    ...features.slash_commands.map((c) => c.url),
    settings.event_subscriptions.request_url,
    settings.interactivity.request_url,
  ]) {
    expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
  }
});
