import { describe, expect, it } from 'vitest';
import type { AnnounceResult } from '../../../src/app/announce-incident.js';
import { announcedNotice } from '../../../src/app/cards/announced-notice.js';
import { helpCard } from '../../../src/app/cards/list-cards.js';
import { USAGE } from '../../../src/app/commands/parse-incident-command.js';

describe('helpCard', () => {
  it('is headed "Muster commands" when asked for', () => {
    expect(helpCard().heading).toBe('Muster commands');
  });

  it('names an unknown word in the heading, truncated so it cannot swamp it', () => {
    expect(helpCard('stauts').heading).toBe('Unknown command "stauts". Muster commands:');
    const long = helpCard('x'.repeat(100)).heading;
    expect(long).toBe(`Unknown command "${'x'.repeat(29)}…". Muster commands:`);
    expect(helpCard('stauts').commands).toEqual(helpCard().commands);
  });

  it('lists every incident subcommand once, as the parser reads it, each with a summary', () => {
    const commands = helpCard().commands;
    const usages = commands.map((c) => c.usage);
    for (const usage of Object.values(USAGE)) expect(usages.filter((u) => u === usage)).toHaveLength(1);
    expect(usages).toEqual(expect.arrayContaining(['/incident', '/incident list', '/incident help']));
    for (const command of commands) expect(command.summary.trim()).not.toBe('');
  });
});

describe('announcedNotice', () => {
  const slack = { label: 'Slack', retry: 'every minute' };

  it('names the platform that has not finished, and when Muster tries again', () => {
    const notice = announcedNotice('SV-2027-0001', undefined, {
      label: 'the console',
      retry: 'on the next tick',
    });
    expect(notice.headline).toBe('SV-2027-0001 is saved, but the console has not finished setting it up');
    expect(notice.lines[0]).toBe(
      'The console said: no answer. Muster tries again on the next tick; nothing needs re-entering.',
    );
  });

  it('lists who could not be found on the platform once it is open', () => {
    const result = {
      completed: true,
      space: { id: 'C1', name: 'sv-2027-0001-corby' },
      missing: [{ name: 'Nia NHFT', email: 'nia@nhft.example' }],
    } as unknown as AnnounceResult;
    const notice = announcedNotice('SV-2027-0001', result, slack);
    expect(notice.headline).toBe(
      'SV-2027-0001 is open in #sv-2027-0001-corby: the agencies have been notified',
    );
    expect(notice.lines[0]).toBe('Not found on Slack, so not invited: Nia NHFT (nia@nhft.example)');
  });
});
