import { describe, expect, it } from 'vitest';
import { ErrorCode, MusterError } from '../../../src/core/errors.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { parseProtocol } from '../../../src/core/protocol/protocol-schema.js';

function problemsOf(input: unknown) {
  try {
    parseProtocol(input, 'test file');
  } catch (error) {
    expect(error).toBeInstanceOf(MusterError);
    expect((error as MusterError).code).toBe(ErrorCode.InvalidProtocol);
    return (error as MusterError).details;
  }
  throw new Error('expected the protocol to be refused');
}

describe('protocol schema', () => {
  it('ships seed 000 as the default with the milestone ids of DESIGN.md', () => {
    expect(defaultProtocol.milestones.map((m) => m.id)).toEqual([
      'sio-notification',
      'initial-meeting',
      'minutes-initial',
      'review-meeting',
      'minutes-review',
      'final-report',
    ]);
    expect(defaultProtocol.calendar).toEqual({
      zone: 'Europe/London',
      holidays: { country: 'GB', state: 'ENG' },
      workingDayEnd: '17:00',
    });
  });

  it('states the seed deadlines in the protocol units', () => {
    const offsets = Object.fromEntries(defaultProtocol.milestones.map((m) => [m.id, m.offset]));
    expect(offsets['sio-notification']).toEqual({ amount: 12, unit: 'hours' });
    expect(offsets['initial-meeting']).toEqual({ amount: 72, unit: 'working-hours' });
    expect(offsets['minutes-initial']).toEqual({ amount: 5, unit: 'working-days' });
    expect(offsets['review-meeting']).toEqual({ amount: 1, unit: 'calendar-months' });
    expect(offsets['final-report']).toEqual({ amount: 10, unit: 'working-days' });
  });

  it('lists every problem of an invalid file with its path', () => {
    const broken = JSON.parse(JSON.stringify(defaultProtocol));
    broken.calendar.zone = 'Europe/Atlantis';
    broken.calendar.workingDayEnd = '5pm';
    broken.milestones[1].offset.unit = 'fortnights';
    broken.milestones[2].id = 'Minutes Initial';
    broken.milestones[3].id = 'initial-meeting';
    broken.milestones[4].reminders.offsets.push({ when: 'before', amount: 0 });
    const problems = problemsOf(broken);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'calendar.zone',
        'calendar.workingDayEnd',
        'milestones.1.offset.unit',
        'milestones.2.id',
        'milestones.3.id',
        'milestones.4.reminders.offsets.2.amount',
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('checks the zone, the holiday region and duplicate ids once the shape is right', () => {
    const broken = JSON.parse(JSON.stringify(defaultProtocol));
    broken.calendar.zone = 'Europe/Atlantis';
    broken.calendar.holidays = { country: 'GB', state: 'XYZ' };
    broken.milestones[3].id = 'initial-meeting';
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'calendar.zone', message: 'unknown time zone "Europe/Atlantis"' },
        { path: 'calendar.holidays.state', message: 'unknown holiday region "XYZ" in GB' },
        { path: 'milestones.3.id', message: 'milestone "initial-meeting" appears twice' },
      ]),
    );
  });

  it('refuses something that is not a protocol at all', () => {
    expect(problemsOf([]).length).toBeGreaterThan(0);
    expect(problemsOf({ id: 'x', name: 'x', milestones: [] })).toEqual(
      expect.arrayContaining([{ path: 'milestones', message: 'a protocol needs at least one milestone' }]),
    );
  });

  it('fills calendar defaults for a partnership that leaves them out', () => {
    const { calendar: _calendar, ...rest } = structuredClone(defaultProtocol);
    expect(parseProtocol(rest).calendar.zone).toBe('Europe/London');
  });
});
