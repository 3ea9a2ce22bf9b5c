import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseListsCell, slugify } from '../../../src/core/directory/directory-cells.js';
import { exportDirectoryCsv, importDirectoryCsv } from '../../../src/core/directory/directory-csv.js';
import type { Directory } from '../../../src/core/directory/directory-schema.js';
import { ErrorCode, isMusterError, type ProblemDetail } from '../../../src/core/errors.js';
import { canonical, EXAMPLE_CSV, loadExample, smallDirectory } from './fixtures.js';

const HEADER = 'area,agency,lists,name,email,role,slack_id,teams_id,coordinator';
const OPTIONS = { partnership: 'Testshire' };
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

function problems(text: string): ProblemDetail[] {
  try {
    importDirectoryCsv(text, OPTIONS);
  } catch (error) {
    if (isMusterError(error, ErrorCode.InvalidDirectory)) return error.details;
    throw error;
  }
  throw new Error('expected the CSV to be refused');
}

describe('importDirectoryCsv', () => {
  it('makes areas, agencies, memberships and contacts from rows, ids slugged from names', () => {
    const dir = importDirectoryCsv(
      csv(
        'East Northamptonshire,Children First Northamptonshire (CFN),1+2,Ann Able,ann@example.org,Locality Lead,U01,,',
        'East Northamptonshire,Nene & Corby CCG,1,Bob Bell,bob@example.org,Designated Nurse,,29:bob,yes',
      ),
      OPTIONS,
    );
    expect(dir).toEqual<Directory>({
      version: 1,
      partnership: 'Testshire',
      areas: [{ id: 'east-northamptonshire', name: 'East Northamptonshire', coordinators: ['bob-bell'] }],
      agencies: [
        { id: 'children-first-northamptonshire-cfn', name: 'Children First Northamptonshire (CFN)' },
        { id: 'nene-and-corby-ccg', name: 'Nene & Corby CCG' },
      ],
      memberships: [
        { area: 'east-northamptonshire', agency: 'children-first-northamptonshire-cfn', lists: [1, 2] },
        { area: 'east-northamptonshire', agency: 'nene-and-corby-ccg', lists: [1] },
      ],
      contacts: [
        {
          id: 'ann-able',
          name: 'Ann Able',
          email: 'ann@example.org',
          role: 'Locality Lead',
          agency: 'children-first-northamptonshire-cfn',
          areas: [],
          slackId: 'U01',
        },
        {
          id: 'bob-bell',
          name: 'Bob Bell',
          email: 'bob@example.org',
          role: 'Designated Nurse',
          agency: 'nene-and-corby-ccg',
          areas: [],
          teamsId: '29:bob',
        },
      ],
    });
  });

  it('merges the rows of one person (same email, any case) into one contact covering those areas', () => {
    const dir = importDirectoryCsv(
      csv(
        'North,Police,1+2,Ann Able,ann@example.org,Inspector,,,',
        'South,Police,1+2,Ann Able,ANN@example.org,Inspector,U01,,yes',
        'West,Police,1+2,Bob Bell,bob@example.org,Inspector,,,',
      ),
      OPTIONS,
    );
    expect(dir.contacts.map((c) => [c.id, c.areas, c.slackId])).toEqual([
      ['ann-able', ['north', 'south'], 'U01'],
      ['bob-bell', ['west'], undefined],
    ]);
    expect(dir.areas.find((a) => a.id === 'south')?.coordinators).toEqual(['ann-able']);
    expect(dir.areas.find((a) => a.id === 'north')?.coordinators).toEqual([]);
  });

  it('records a contact in every area the agency serves as covering all its areas', () => {
    const dir = importDirectoryCsv(
      csv(
        'North,Police,1,Ann Able,ann@example.org,Inspector,,,',
        'South,Police,1,Ann Able,ann@example.org,Inspector,,,',
      ),
      OPTIONS,
    );
    expect(dir.contacts[0]?.areas).toEqual([]);
  });

  it('reads a row without contact details as the agency’s lists alone', () => {
    const dir = importDirectoryCsv(
      csv('North,Police,1+2,Ann Able,ann@example.org,Inspector,,,', 'North,Schools,2,,,,,,'),
      OPTIONS,
    );
    expect(dir.memberships).toContainEqual({ area: 'north', agency: 'schools', lists: [2] });
    expect(dir.contacts).toHaveLength(1);
  });

  it('records a contact on "none" but puts the agency on no list there', () => {
    const dir = importDirectoryCsv(
      csv(
        'North,Police,1,Ann Able,ann@example.org,Inspector,,,',
        'North,Fire,none,Cy Cole,cy@example.org,Watch Manager,,,',
      ),
      OPTIONS,
    );
    expect(dir.memberships).toEqual([{ area: 'north', agency: 'police', lists: [1] }]);
    expect(dir.contacts.find((c) => c.id === 'cy-cole')?.areas).toEqual(['north']);
  });

  it('matches header names case-insensitively and trimmed, in any order, ignoring other columns', () => {
    const text = [
      ' Email ,Name,ROLE,Notes,Lists,Agency,Area,Slack ID,Coordinator',
      'ann@example.org,Ann Able,Inspector,call after 10,2,Police,North,U01,Yes',
    ].join('\n');
    const dir = importDirectoryCsv(text, OPTIONS);
    expect(dir.contacts[0]).toMatchObject({ id: 'ann-able', email: 'ann@example.org', slackId: 'U01' });
    expect(dir.memberships).toEqual([{ area: 'north', agency: 'police', lists: [2] }]);
    expect(dir.areas[0]?.coordinators).toEqual(['ann-able']);
  });

  it('gives namesakes in different agencies different ids', () => {
    const dir = importDirectoryCsv(
      csv(
        'North,Police,1,Sam Smith,sam1@example.org,Inspector,,,',
        'North,CSP,1,Sam Smith,sam2@example.org,Officer,,,',
      ),
      OPTIONS,
    );
    expect(dir.contacts.map((c) => c.id)).toEqual(['sam-smith', 'sam-smith-csp']);
  });
});

describe('reading the lists cell', () => {
  it.each([
    ['1', [1]],
    ['2', [2]],
    ['1+2', [1, 2]],
    ['1,2', [1, 2]],
    ['2, 1', [1, 2]],
    ['1 & 2', [1, 2]],
    ['1 and 2', [1, 2]],
    ['both', [1, 2]],
    ['Both', [1, 2]],
    ['List 1', [1]],
    ['list 2', [2]],
    ['List 1 + List 2', [1, 2]],
    ['Lists 1/2', [1, 2]],
    ['none', []],
  ])('reads %j as lists %j', (cell, lists) => {
    expect(parseListsCell(cell)).toEqual({ ok: true, lists });
  });

  it.each(['', '3', '1+3', 'List', 'all', 'one'])('refuses %j', (cell) => {
    expect(parseListsCell(cell).ok).toBe(false);
  });

  it('reads a quoted "1,2" cell in a CSV row', () => {
    const dir = importDirectoryCsv(csv('North,Police,"1,2",Ann Able,ann@example.org,Inspector,,,'), OPTIONS);
    expect(dir.memberships[0]?.lists).toEqual([1, 2]);
  });
});

describe('slugs', () => {
  it.each([
    ['East Northamptonshire', 'east-northamptonshire'],
    ['Children First Northamptonshire (CFN)', 'children-first-northamptonshire-cfn'],
    ['Voluntary & Community Sector', 'voluntary-and-community-sector'],
    ["St John's Café", 'st-johns-cafe'],
    ['  Nene  &  Corby CCG ', 'nene-and-corby-ccg'],
  ])('slugs %j as %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('refusing a CSV', () => {
  it('reports every bad row with its spreadsheet row number, and imports nothing', () => {
    expect(
      problems(
        csv(
          'North,Police,1+2,Ann Able,ann@example.org,Inspector,,,',
          'North,Police,1+2,Bob Bell,bob@,Sergeant,,,',
          'North,Schools,3,Cy Cole,cy@example.org,Head,,,',
          ',Schools,2,Di Dee,di@example.org,,,,maybe',
        ),
      ),
    ).toEqual([
      { path: 'row 3', message: 'email "bob@" is not an email address' },
      { path: 'row 4', message: 'lists "3" should be 1, 2, 1+2 or none' },
      { path: 'row 5', message: 'area is empty: name the CSP area' },
      { path: 'row 5', message: "role is empty: give the contact's role" },
      { path: 'row 5', message: 'coordinator "maybe" should be yes or empty' },
    ]);
  });

  it('counts blank and multi-line rows as the spreadsheet does', () => {
    const text = csv(
      'North,Police,1,Ann Able,ann@example.org,"Inspector,',
      'North Team",,,',
      '',
      ',,,,,,,,',
      'North,Police,1,Bob Bell,bob@,Sergeant,,,',
    );
    expect(problems(text)).toEqual([{ path: 'row 5', message: 'email "bob@" is not an email address' }]);
  });

  it('reports each missing required column once, and no rows', () => {
    const text = ['area,agency,name,email', 'North,Police,Ann Able,bob@'].join('\n');
    expect(problems(text)).toEqual([
      expect.objectContaining({ path: 'row 1', message: expect.stringContaining('no "lists" column') }),
      expect.objectContaining({ path: 'row 1', message: expect.stringContaining('no "role" column') }),
    ]);
  });

  it('refuses rows that contradict earlier ones, naming both rows', () => {
    expect(
      problems(
        csv(
          'North,Police,1+2,Ann Able,ann@example.org,Inspector,U01,,',
          'North,Police,1,Bob Bell,bob@example.org,Sergeant,,,',
          'South,CSP,1,Ann Able,ann@example.org,Inspector,,,',
          'South,Police,1,Ann Abel,ann@example.org,Inspector,U02,,',
          'South,Police,1,Cy Cole,cy@example.org,Sergeant,U01,,',
        ),
      ),
    ).toEqual([
      { path: 'row 3', message: 'Police in North is on lists 1 here but 1+2 in row 2' },
      { path: 'row 4', message: 'agency for ann@example.org is "CSP" here but "Police" in row 2' },
      { path: 'row 5', message: 'name for ann@example.org is "Ann Abel" here but "Ann Able" in row 2' },
      { path: 'row 5', message: 'slack_id for ann@example.org is "U02" here but "U01" in row 2' },
      { path: 'row 6', message: 'slack_id "U01" already belongs to ann@example.org (row 2)' },
    ]);
  });

  it('refuses cells beyond the header', () => {
    expect(problems(csv('North,Police,1,Ann Able,ann@example.org,Inspector,,,,stray'))).toEqual([
      expect.objectContaining({ path: 'row 2', message: expect.stringContaining('10 cells') }),
    ]);
  });

  it('refuses an empty CSV, a header without rows and an unreadable CSV', () => {
    expect(problems('')).toEqual([
      expect.objectContaining({ path: 'row 1', message: expect.stringContaining('empty') }),
    ]);
    expect(problems(csv())).toEqual([{ path: 'row 2', message: 'the CSV has a header but no rows' }]);
    expect(problems(csv('North,Police,1,"Ann Able,ann@example.org,Inspector,,,'))).toEqual([
      expect.objectContaining({ path: 'row 2', message: expect.stringContaining('cannot be read') }),
    ]);
  });

  it('names the input in the message', () => {
    expect(() => importDirectoryCsv('', { partnership: 'X', origin: 'file a.csv' })).toThrowError(
      /file a\.csv is not a valid directory; nothing was imported/,
    );
  });
});

describe('exportDirectoryCsv', () => {
  it('round-trips a directory through the CSV', () => {
    const dir = smallDirectory();
    expect(canonical(importDirectoryCsv(exportDirectoryCsv(dir), OPTIONS))).toEqual(canonical(dir));
  });

  it('round-trips the shipped example', () => {
    const dir = loadExample();
    const back = importDirectoryCsv(exportDirectoryCsv(dir), { partnership: dir.partnership });
    expect(canonical(back)).toEqual(canonical(dir));
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    const dir = smallDirectory();
    dir.contacts[0]!.role = 'Inspector, "North"\nDuty';
    const text = exportDirectoryCsv(dir);
    expect(text).toContain('"Inspector, ""North""\nDuty"');
    expect(importDirectoryCsv(text, OPTIONS).contacts[0]?.role).toBe('Inspector, "North"\nDuty');
  });

  it('writes one row per contact per area, starting with the header', () => {
    const lines = exportDirectoryCsv(smallDirectory()).trimEnd().split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toContain('North,CSP,1+2,Dee Dent,Dee.Dent@example.gov.uk,CSP Coordinator,U0DEE,,yes');
    expect(lines.filter((l) => l.includes('eve.east@example.org'))).toHaveLength(2);
  });
});

describe('the shipped CSV', () => {
  it('imports to the shipped JSON directory', () => {
    const dir = loadExample();
    const imported = importDirectoryCsv(readFileSync(EXAMPLE_CSV, 'utf8'), { partnership: dir.partnership });
    expect(imported).toEqual(dir);
  });
});
