import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProtocol } from '../../src/core/protocol/default-protocol.js';
import { cli, lines } from './cli-harness.js';

const OCCURRED = '2027-08-27T15:00:00+01:00';

interface MilestoneJson {
  id: string;
  title: string;
  due: string | null;
  state: string;
  metAt: string | null;
  late: boolean;
}

async function timeline(args: string[], options: Parameters<typeof cli>[1] = {}) {
  const result = await cli(['timeline', '--occurred-at', OCCURRED, ...args, '--json'], options);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const parsed = JSON.parse(result.stdout) as { milestones: MilestoneJson[] };
  return Object.fromEntries(parsed.milestones.map((m) => [m.id, m]));
}

describe('muster timeline --json', () => {
  it('prints only {"milestones":[…]} with the worked example of DESIGN.md', async () => {
    const result = await cli(['timeline', '--occurred-at', OCCURRED, '--json']);

    const parsed = JSON.parse(result.stdout);
    expect(Object.keys(parsed)).toEqual(['milestones']);
    expect(parsed.milestones.map((m: MilestoneJson) => m.id)).toEqual(
      defaultProtocol.milestones.map((m) => m.id),
    );
    expect(parsed.milestones[1]).toEqual({
      id: 'initial-meeting',
      title: 'Initial Tactical Response Meeting',
      owner: 'coordinators',
      due: '2027-09-02T15:00:00.000+01:00',
      state: 'pending',
      metAt: null,
      late: false,
    });
  });

  it('gives null for milestones whose anchor meeting has not happened', async () => {
    const m = await timeline([]);
    expect(m['sio-notification']?.due).toBe('2027-08-28T03:00:00.000+01:00');
    for (const id of ['minutes-initial', 'review-meeting', 'minutes-review', 'final-report']) {
      expect(m[id]).toMatchObject({ due: null, state: 'not-scheduled' });
    }
  });

  it('takes a meeting given on the command line as held and anchors its dependants on it', async () => {
    const m = await timeline([
      '--initial-meeting',
      '2027-08-31T10:00+01:00',
      '--now',
      '2027-09-01T09:00+01:00',
    ]);

    expect(m['initial-meeting']).toMatchObject({
      state: 'met',
      metAt: '2027-08-31T10:00:00.000+01:00',
      late: false,
    });
    // 5 working days after Tue 31 Aug: Wed 1, Thu 2, Fri 3, Mon 6, Tue 7 Sep, at 17:00.
    expect(m['minutes-initial']).toMatchObject({ due: '2027-09-07T17:00:00.000+01:00', state: 'pending' });
    expect(m['review-meeting']?.due).toBe('2027-09-30T10:00:00.000+01:00');
    expect(m['final-report']?.due).toBeNull();
  });

  it('judges pending and overdue at --now, and at the clock without it', async () => {
    expect((await timeline(['--now', '2027-09-02T15:01+01:00']))['initial-meeting']?.state).toBe('overdue');
    expect((await timeline([], { now: '2027-09-02T14:59:00+01:00' }))['initial-meeting']?.state).toBe(
      'pending',
    );
  });

  it('reads a time without an offset as local time in the protocol zone, GMT or BST', async () => {
    const summer = await cli(['timeline', '--occurred-at', '2027-08-27T15:00', '--json']);
    expect(JSON.parse(summer.stdout).milestones[1].due).toBe('2027-09-02T15:00:00.000+01:00');
    const winter = await cli(['timeline', '--occurred-at', '2027-12-01T15:00', '--json']);
    expect(JSON.parse(winter.stdout).milestones[0].due).toBe('2027-12-02T03:00:00.000+00:00');
  });

  it('marks the SIO notification met when --notified-at is given', async () => {
    const m = await timeline(['--notified-at', '2027-08-28T09:00+01:00']);
    expect(m['sio-notification']).toMatchObject({ state: 'met', late: true });
  });
});

describe('muster timeline (table)', () => {
  it('shows each milestone with its local due time, weekday and zone, and its state', async () => {
    const result = await cli(['timeline', '--occurred-at', OCCURRED, '--now', '2027-08-28T09:00+01:00']);

    expect(result.code).toBe(0);
    const rows = lines(result.stdout);
    expect(rows[0]).toBe(
      'Northamptonshire Tactical Response: incident at Fri 27 Aug 2027 15:00 BST (times in Europe/London)',
    );
    expect(rows.find((r) => r.startsWith('initial-meeting'))).toMatch(
      /Thu 2 Sep 2027 15:00 BST\s+pending\s+Initial Tactical/,
    );
    expect(rows.find((r) => r.startsWith('sio-notification'))).toMatch(/Sat 28 Aug 2027 03:00 BST\s+overdue/);
    expect(rows.find((r) => r.startsWith('minutes-initial'))).toMatch(
      /after the initial meeting\s+not yet scheduled/,
    );
  });
});

describe('muster timeline with bad arguments', () => {
  const cases: [string, string[], string][] = [
    [
      'a month 13',
      ['--occurred-at', '2027-13-01T10:00'],
      'muster: --occurred-at: "2027-13-01T10:00" is not an ISO-8601 date-time',
    ],
    [
      'a date without a time',
      ['--occurred-at', '2027-08-27'],
      'muster: --occurred-at: "2027-08-27" is not an ISO-8601 date-time',
    ],
    [
      'a meeting that is not a date',
      ['--occurred-at', OCCURRED, '--initial-meeting', '2027-13-01'],
      'muster: --initial-meeting: "2027-13-01" is not an ISO-8601 date-time',
    ],
    [
      'a meeting before the incident',
      ['--occurred-at', OCCURRED, '--initial-meeting', '2027-08-23T10:00+01:00'],
      `muster: --initial-meeting: "2027-08-23T10:00+01:00" is before the incident (--occurred-at ${OCCURRED})`,
    ],
    [
      'a review meeting before the initial one',
      [
        '--occurred-at',
        OCCURRED,
        '--initial-meeting',
        '2027-09-01T10:00',
        '--review-meeting',
        '2027-08-31T10:00',
      ],
      'muster: --review-meeting: "2027-08-31T10:00" is before the initial meeting (--initial-meeting 2027-09-01T10:00)',
    ],
    [
      'a review meeting without an initial one',
      ['--occurred-at', OCCURRED, '--review-meeting', '2027-10-01T10:00'],
      'muster: --review-meeting: needs --initial-meeting',
    ],
    [
      'a final meeting before the review',
      [
        '--occurred-at',
        OCCURRED,
        '--initial-meeting',
        '2027-09-01T10:00',
        '--review-meeting',
        '2027-10-01T10:00',
        '--final-meeting',
        '2027-09-15T10:00',
      ],
      'muster: --final-meeting: "2027-09-15T10:00" is before the review meeting',
    ],
    [
      'a notification before the incident',
      ['--occurred-at', OCCURRED, '--notified-at', '2027-08-27T14:00+01:00'],
      'muster: --notified-at: "2027-08-27T14:00+01:00" is before the incident',
    ],
    ['no --occurred-at', [], 'muster: timeline: --occurred-at is required'],
    ['--occurred-at without a value', ['--occurred-at'], 'muster: timeline: --occurred-at needs a value'],
    [
      'an unknown option',
      ['--occurred-at', OCCURRED, '--colour'],
      'muster: timeline: unknown option --colour',
    ],
    [
      'a bad --now',
      ['--occurred-at', OCCURRED, '--now', 'soon'],
      'muster: --now: "soon" is not an ISO-8601 date-time',
    ],
  ];

  it.each(cases)('refuses %s in one line naming the argument, exit 2', async (_what, args, message) => {
    const result = await cli(['timeline', ...args, '--json']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr.startsWith(message)).toBe(true);
  });
});

describe('muster timeline with a protocol file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'muster-protocol-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists every problem of an invalid protocol file with its path, exit 2', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        id: 'Not Kebab',
        name: 'Broken',
        calendar: { zone: 'Mars/Olympus' },
        milestones: [
          {
            id: 'a',
            title: 'A',
            anchor: { type: 'incident' },
            offset: { amount: 3, unit: 'fortnights' },
            owner: 'sio',
            metBy: { type: 'manual' },
          },
        ],
      }),
    );

    const result = await cli(['timeline', '--occurred-at', OCCURRED, '--protocol', file, '--json']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const problems = lines(result.stderr).slice(1);
    expect(lines(result.stderr)[0]).toContain(`protocol file ${file} is not a valid protocol`);
    expect(problems.map((p) => p.split(':')[0]!.trim())).toEqual(
      expect.arrayContaining(['- id', '- milestones.0.offset.unit']),
    );
  });

  it('reads MUSTER_PROTOCOL when --protocol is not given', async () => {
    const file = join(dir, 'not-json.json');
    await writeFile(file, '{ nope');

    const result = await cli(['timeline', '--occurred-at', OCCURRED], { env: { MUSTER_PROTOCOL: file } });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The protocol file ${file} is not valid JSON`);
  });

  it('shows due times in the zone of the protocol it is given', async () => {
    const file = join(dir, 'new-york.json');
    const { calendar: _calendar, ...rest } = defaultProtocol;
    await writeFile(
      file,
      JSON.stringify({ ...rest, calendar: { zone: 'America/New_York', holidays: { country: 'US' } } }),
    );

    const result = await cli(['timeline', '--occurred-at', '2027-08-27T10:00', '--protocol', file, '--json']);

    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).milestones[0].due).toBe('2027-08-27T22:00:00.000-04:00');
  });
});
