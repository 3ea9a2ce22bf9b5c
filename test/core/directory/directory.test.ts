import { describe, expect, it } from 'vitest';
import {
  contactsFor,
  coordinatorsOf,
  findArea,
  findContactByEmail,
  findContactByPlatformId,
  listMembers,
  notificationRecipients,
  parseDirectory,
} from '../../../src/core/directory/directory.js';
import { ErrorCode, isMusterError, type MusterError } from '../../../src/core/errors.js';
import { loadExample, smallDirectory } from './fixtures.js';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

function refusal(input: unknown): MusterError {
  try {
    parseDirectory(input);
  } catch (error) {
    if (isMusterError(error, ErrorCode.InvalidDirectory)) return error;
    throw error;
  }
  throw new Error('expected the directory to be refused');
}

describe('the shipped Northamptonshire example', () => {
  const raw = loadExample();
  const dir = parseDirectory(raw, 'example');

  it('is a valid directory and already in its parsed form', () => {
    expect(dir).toEqual(raw);
  });

  it('has the seven districts, each with a CSP coordinator', () => {
    expect(dir.areas.map((a) => a.name)).toEqual([
      'Corby',
      'Daventry',
      'East Northamptonshire',
      'Kettering',
      'Northampton',
      'South Northamptonshire',
      'Wellingborough',
    ]);
    for (const area of dir.areas) {
      const coordinators = coordinatorsOf(dir, area.id);
      expect(coordinators.length, area.id).toBeGreaterThan(0);
      for (const c of coordinators) expect(c.agency).toBe('community-safety-partnership');
    }
  });

  it('invites the Voluntary & Community Sector to every tactical meeting, with someone to contact', () => {
    for (const area of dir.areas) {
      expect(ids(listMembers(dir, area.id, 2))).toContain('voluntary-and-community-sector');
      const vcs = contactsFor(dir, area.id, 2).filter((c) => c.agency === 'voluntary-and-community-sector');
      expect(vcs.length, area.id).toBeGreaterThan(0);
    }
  });

  it('uses only fictional example addresses', () => {
    for (const c of dir.contacts) expect(c.email).toMatch(/@example\.(org|gov\.uk)$/);
  });

  it('notifies the CCG (List 1) but invites schools only to the meeting (List 2)', () => {
    const list1 = ids(listMembers(dir, 'kettering', 1));
    const list2 = ids(listMembers(dir, 'kettering', 2));
    expect(list1).toContain('nene-and-corby-ccg');
    expect(list1).not.toContain('schools');
    expect(list2).toContain('schools');
    expect(list2).not.toContain('nene-and-corby-ccg');
  });
});

describe('list queries for an area', () => {
  const dir = smallDirectory();

  it('lists the agencies on List 1 and on List 2 separately', () => {
    expect(ids(listMembers(dir, 'north', 1))).toEqual(['police', 'csp', 'ccg']);
    expect(ids(listMembers(dir, 'north', 2))).toEqual([
      'police',
      'csp',
      'voluntary-and-community-sector',
      'schools',
    ]);
    expect(ids(listMembers(dir, 'south', 2))).toEqual(['police', 'csp', 'voluntary-and-community-sector']);
  });

  it('gives contacts limited to one area only for that area, and all-area contacts everywhere', () => {
    expect(ids(contactsFor(dir, 'north', 1))).toEqual(['ann-able', 'bob-bell', 'dee-dent', 'eve-east']);
    expect(ids(contactsFor(dir, 'south', 1))).toEqual(['ann-able', 'cat-cole', 'eve-east']);
    expect(ids(contactsFor(dir, 'south', 2))).toEqual(['ann-able', 'cat-cole']);
  });

  it('names each recipient once, with every list their agency is on', () => {
    const recipients = notificationRecipients(dir, 'north');
    expect(recipients.map((r) => [r.contact.id, r.agency.id, r.lists])).toEqual([
      ['ann-able', 'police', [1, 2]],
      ['bob-bell', 'police', [1, 2]],
      ['dee-dent', 'csp', [1, 2]],
      ['eve-east', 'ccg', [1]],
      ['fay-ford', 'voluntary-and-community-sector', [2]],
      ['gus-gray', 'schools', [2]],
    ]);
  });

  it('leaves out contacts of agencies on neither list there, even those covering every area', () => {
    expect(ids(notificationRecipients(dir, 'south').map((r) => r.contact))).toEqual([
      'ann-able',
      'cat-cole',
      'eve-east',
    ]);
  });

  it('refuses an unknown area rather than answering that nobody is to be told', () => {
    for (const query of [
      () => listMembers(dir, 'west', 1),
      () => contactsFor(dir, 'west', 2),
      () => notificationRecipients(dir, 'west'),
      () => coordinatorsOf(dir, 'west'),
    ]) {
      expect(query).toThrowError(expect.objectContaining({ code: ErrorCode.NotFound }));
    }
  });

  it("returns an area's coordinators", () => {
    expect(ids(coordinatorsOf(dir, 'north'))).toEqual(['dee-dent']);
    expect(ids(coordinatorsOf(dir, 'south'))).toEqual(['cat-cole']);
  });
});

describe('finding areas and contacts', () => {
  const dir = smallDirectory();

  it('finds an area by id or by name, whatever the case', () => {
    expect(findArea(dir, 'north')?.id).toBe('north');
    expect(findArea(dir, ' SOUTH ')?.id).toBe('south');
    expect(findArea(dir, 'West')).toBeUndefined();
  });

  it('finds a contact by email whatever the case', () => {
    expect(findContactByEmail(dir, 'dee.dent@EXAMPLE.gov.uk')?.id).toBe('dee-dent');
    expect(findContactByEmail(dir, 'nobody@example.org')).toBeUndefined();
  });

  it('finds a contact by the id of the platform they use, and only that platform', () => {
    expect(findContactByPlatformId(dir, 'slack', 'U0DEE')?.id).toBe('dee-dent');
    expect(findContactByPlatformId(dir, 'teams', '29:eve')?.id).toBe('eve-east');
    expect(findContactByPlatformId(dir, 'teams', 'U0DEE')).toBeUndefined();
  });
});

describe('parseDirectory', () => {
  it('lists every problem at once, each with its path', () => {
    const dir = smallDirectory() as unknown as Record<string, unknown[]>;
    const input = structuredClone(dir);
    input.agencies!.push({ id: 'csp', name: 'Another CSP' });
    input.contacts!.push({ id: 'ann-able', name: 'Ann Again', email: 'ann@', role: 'Clerk', agency: 'fire' });
    input.memberships!.push({ area: 'west', agency: 'police', lists: [3] });
    (input.contacts![1] as Record<string, unknown>).role = undefined;

    const error = refusal(input);
    expect(error.message).toContain('not a valid directory');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'agencies.5.id', message: 'agency "csp" appears twice' },
        { path: 'contacts.7.id', message: 'contact "ann-able" appears twice' },
        { path: 'contacts.7.email', message: 'give a valid email address' },
        { path: 'contacts.7.agency', message: 'unknown agency "fire"' },
        { path: 'memberships.9.area', message: 'unknown area "west"' },
        { path: 'memberships.9.lists.0', message: 'a list is 1 or 2' },
        expect.objectContaining({ path: 'contacts.1.role' }),
      ]),
    );
    expect(error.details).toHaveLength(7);
  });

  it('refuses two contacts with one email address, whatever the case', () => {
    const input = smallDirectory();
    input.contacts[1]!.email = 'ANN.ABLE@example.org';
    expect(refusal(input).details).toEqual([
      { path: 'contacts.1.email', message: 'email address "ANN.ABLE@example.org" appears twice' },
    ]);
  });

  it('refuses a second membership of one agency in one area', () => {
    const input = smallDirectory();
    input.memberships.push({ area: 'north', agency: 'ccg', lists: [2] });
    expect(refusal(input).details).toEqual([
      {
        path: 'memberships.9',
        message: 'agency "ccg" has two memberships in area "north"; put its lists in one',
      },
    ]);
  });

  it('refuses a coordinator who is not in the directory', () => {
    const input = smallDirectory();
    input.areas[0]!.coordinators.push('zed');
    expect(refusal(input).details).toEqual([
      { path: 'areas.0.coordinators.1', message: 'unknown contact "zed"' },
    ]);
  });

  it('names where the directory came from', () => {
    expect(() => parseDirectory({}, 'directory file x.json')).toThrowError(/directory file x\.json/);
  });
});
