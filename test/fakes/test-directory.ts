/**
 * A small valid directory for use-case tests: three areas, four agencies.
 * In Corby the police and the CSP are on both lists, NHFT on List 1 only and
 * schools on List 2 only, so notifications cover both lists.
 */
import { parseDirectory } from '../../src/core/directory/directory.js';
import type { Directory } from '../../src/core/directory/directory-schema.js';

export function testDirectory(): Directory {
  return parseDirectory({
    version: 1,
    partnership: 'Test Partnership',
    areas: [
      { id: 'corby', name: 'Corby', coordinators: ['cara-csp'] },
      { id: 'kettering', name: 'Kettering', coordinators: ['cara-csp'] },
      { id: 'wellingborough', name: 'Wellingborough', coordinators: [] },
    ],
    agencies: [
      { id: 'police', name: 'Police' },
      { id: 'csp', name: 'Community Safety Partnership' },
      { id: 'nhft', name: 'NHFT' },
      { id: 'schools', name: 'Schools' },
    ],
    memberships: [
      { area: 'corby', agency: 'police', lists: [1, 2] },
      { area: 'corby', agency: 'csp', lists: [1, 2] },
      { area: 'corby', agency: 'nhft', lists: [1] },
      { area: 'corby', agency: 'schools', lists: [2] },
      { area: 'kettering', agency: 'police', lists: [1, 2] },
    ],
    contacts: [
      {
        id: 'pat-police',
        name: 'Pat Police',
        email: 'pat@police.example',
        role: 'Inspector',
        agency: 'police',
      },
      { id: 'cara-csp', name: 'Cara CSP', email: 'cara@csp.example', role: 'Coordinator', agency: 'csp' },
      {
        id: 'nia-nhft',
        name: 'Nia NHFT',
        email: 'nia@nhft.example',
        role: 'Safeguarding lead',
        agency: 'nhft',
      },
      {
        id: 'sam-school',
        name: 'Sam School',
        email: 'sam@school.example',
        role: 'Head',
        agency: 'schools',
        areas: ['corby'],
      },
    ],
  });
}
