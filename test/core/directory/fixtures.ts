/**
 * A small directory for the directory tests, and the shipped example. Ids are
 * the slugs of the names, so the fixture also survives a CSV round trip.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Directory } from '../../../src/core/directory/directory-schema.js';

export const EXAMPLE_JSON = fileURLToPath(
  new URL('../../../directory/northamptonshire.json', import.meta.url),
);
export const EXAMPLE_CSV = fileURLToPath(new URL('../../../directory/northamptonshire.csv', import.meta.url));

export function loadExample(): Directory {
  return JSON.parse(readFileSync(EXAMPLE_JSON, 'utf8')) as Directory;
}

/**
 * North: police and CSP on both lists, CCG on List 1, the VCS and schools on List 2.
 * South: police and CSP on both lists, CCG on List 1, the VCS on List 2 (but no
 * VCS contact covers it), no schools.
 */
export function smallDirectory(): Directory {
  return {
    version: 1,
    partnership: 'Testshire',
    areas: [
      { id: 'north', name: 'North', coordinators: ['dee-dent'] },
      { id: 'south', name: 'South', coordinators: ['cat-cole'] },
    ],
    agencies: [
      { id: 'police', name: 'Police' },
      { id: 'csp', name: 'CSP' },
      { id: 'ccg', name: 'CCG' },
      { id: 'voluntary-and-community-sector', name: 'Voluntary & Community Sector' },
      { id: 'schools', name: 'Schools' },
    ],
    memberships: [
      { area: 'north', agency: 'police', lists: [1, 2] },
      { area: 'north', agency: 'csp', lists: [1, 2] },
      { area: 'north', agency: 'ccg', lists: [1] },
      { area: 'north', agency: 'voluntary-and-community-sector', lists: [2] },
      { area: 'north', agency: 'schools', lists: [2] },
      { area: 'south', agency: 'police', lists: [1, 2] },
      { area: 'south', agency: 'csp', lists: [1, 2] },
      { area: 'south', agency: 'ccg', lists: [1] },
      { area: 'south', agency: 'voluntary-and-community-sector', lists: [2] },
    ],
    contacts: [
      {
        id: 'ann-able',
        name: 'Ann Able',
        email: 'ann.able@example.org',
        role: 'Inspector',
        agency: 'police',
        areas: [],
      },
      {
        id: 'bob-bell',
        name: 'Bob Bell',
        email: 'bob.bell@example.org',
        role: 'Sergeant',
        agency: 'police',
        areas: ['north'],
      },
      {
        id: 'cat-cole',
        name: 'Cat Cole',
        email: 'cat.cole@example.gov.uk',
        role: 'CSP Coordinator',
        agency: 'csp',
        areas: ['south'],
      },
      {
        id: 'dee-dent',
        name: 'Dee Dent',
        email: 'Dee.Dent@example.gov.uk',
        role: 'CSP Coordinator',
        agency: 'csp',
        areas: ['north'],
        slackId: 'U0DEE',
      },
      {
        id: 'eve-east',
        name: 'Eve East',
        email: 'eve.east@example.org',
        role: 'Designated Nurse',
        agency: 'ccg',
        areas: [],
        teamsId: '29:eve',
      },
      {
        id: 'fay-ford',
        name: 'Fay Ford',
        email: 'fay.ford@example.org',
        role: 'Youth Worker',
        agency: 'voluntary-and-community-sector',
        areas: ['north'],
      },
      {
        id: 'gus-gray',
        name: 'Gus Gray',
        email: 'gus.gray@example.org',
        role: 'Headteacher',
        agency: 'schools',
        areas: [],
      },
    ],
  };
}

/** The directory with every list sorted, so that two directories compare "up to ordering". */
export function canonical(dir: Directory): Directory {
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    ...dir,
    areas: byId(dir.areas).map((a) => ({ ...a, coordinators: [...a.coordinators].sort() })),
    agencies: byId(dir.agencies),
    memberships: [...dir.memberships].sort((a, b) =>
      `${a.area}/${a.agency}`.localeCompare(`${b.area}/${b.agency}`),
    ),
    contacts: byId(dir.contacts).map((c) => ({ ...c, areas: [...c.areas].sort() })),
  };
}
