/**
 * Which Teams messages are commands: the leading word "incident" (or
 * "/incident") always makes one; without it, only where the bot is
 * addressed, in its own chat or @mentioned. Markup Teams leaves is dropped.
 */
import { describe, expect, it } from 'vitest';
import { commandText } from '../../../src/adapters/teams/turns/commands.js';
import type { TeamsWhere } from '../../../src/adapters/teams/turns/turn-facts.js';

const channel: TeamsWhere = { kind: 'channel', spaceId: '19:c@thread.tacv2', mentioned: false };
const mentioned: TeamsWhere = { ...channel, mentioned: true };
const personal: TeamsWhere = { kind: 'personal', spaceId: 'a:1', mentioned: false };

describe('commandText', () => {
  it.each([
    ['incident status', channel, 'status'],
    ['/incident list', channel, 'list'],
    ['Incident', channel, ''],
    ['status', mentioned, 'status'],
    ['update 1.2', personal, 'update 1.2'],
    ['<p>incident&nbsp;export minutes</p>', channel, 'export minutes'],
    ['  incident   actions   rag:red ', channel, 'actions rag:red'],
  ])('reads %j as %j', (text, where, words) => {
    expect(commandText(text, where as TeamsWhere)).toBe(words);
  });

  it('leaves channel talk alone', () => {
    expect(commandText('status update from the school', channel)).toBeUndefined();
    expect(commandText('incidents happen', channel)).toBeUndefined();
  });
});
