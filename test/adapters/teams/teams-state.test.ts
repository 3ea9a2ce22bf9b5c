/**
 * What the Teams adapter remembers across restarts: the connector address,
 * each person's one-to-one chat, the incident spaces and fallback chats; an
 * unreadable file is reported and started afresh rather than stopping Muster.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TeamsState } from '../../../src/adapters/teams/store/teams-state.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'muster-teams-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('TeamsState', () => {
  it('remembers what it learned after a restart', async () => {
    const state = await TeamsState.open(dir);
    await state.learn({
      serviceUrl: 'https://smba.example/emea/',
      tenantId: 't1',
      personal: {
        userId: 'aad-pat',
        conversation: { conversationId: 'a:1', serviceUrl: 'https://smba.example/emea/' },
      },
    });
    await state.rememberSpace('19:c@thread.v2', { kind: 'chat' }, 'SV-2027-0001');

    const again = await TeamsState.open(dir);
    expect(again.serviceUrl).toBe('https://smba.example/emea/');
    expect(again.tenantId).toBe('t1');
    expect(again.personal('aad-pat')).toEqual({
      conversationId: 'a:1',
      serviceUrl: 'https://smba.example/emea/',
    });
    expect(again.space('19:c@thread.v2')).toEqual({ kind: 'chat' });
    expect(again.chatFor('SV-2027-0001')).toBe('19:c@thread.v2');
  });

  it('starts afresh, and says so, when the file is not its own', async () => {
    await TeamsState.open(dir);
    await writeFile(join(dir, 'teams', 'conversations.json'), '{"version": 7}');
    const warnings: string[] = [];
    const state = await TeamsState.open(dir, (w) => warnings.push(w));
    expect(state.serviceUrl).toBeUndefined();
    expect(warnings.join()).toContain('starting afresh');
  });
});
