/**
 * The directory in force is the file plus the chat changes, applied in order;
 * a change that would make the directory invalid is skipped and reported, and
 * the changes after it still apply.
 */
import { describe, expect, it } from 'vitest';
import { applyDirectoryChanges } from '../../../src/core/directory/apply-directory-changes.js';
import type { DirectoryChange, DirectoryEdit } from '../../../src/core/directory/directory-change.js';
import type { Contact } from '../../../src/core/directory/directory-schema.js';
import { smallDirectory } from './fixtures.js';

const BY = { id: 'slack:U0DEE', name: 'Dee Dent', contactId: 'dee-dent' };

const changes = (...edits: DirectoryEdit[]): DirectoryChange[] =>
  edits.map((edit, i) => ({ seq: i + 1, at: '2027-08-28T08:00:00.000Z', by: BY, edit, summary: 'a change' }));

const HAL: Contact = {
  id: 'hal-hart',
  name: 'Hal Hart',
  email: 'hal.hart@example.org',
  role: 'Youth Offending Officer',
  agency: 'csp',
  areas: ['north'],
};

describe('applyDirectoryChanges', () => {
  it('adds, edits and removes contacts, sets lists and coordinators, in order', () => {
    const base = smallDirectory();
    const { directory, skipped } = applyDirectoryChanges(
      base,
      changes(
        { type: 'contact.saved', contact: HAL },
        { type: 'contact.saved', contact: { ...HAL, role: 'Team Manager' } },
        { type: 'membership.set', area: 'south', agency: 'schools', lists: [2, 1] },
        { type: 'membership.set', area: 'north', agency: 'ccg', lists: [] },
        { type: 'coordinator.set', area: 'north', contactId: 'hal-hart', coordinator: true },
        { type: 'contact.removed', contactId: 'gus-gray' },
      ),
    );
    expect(skipped).toEqual([]);
    expect(directory.contacts.filter((c) => c.id === 'hal-hart')).toEqual([{ ...HAL, role: 'Team Manager' }]);
    expect(directory.contacts.some((c) => c.id === 'gus-gray')).toBe(false);
    expect(directory.memberships).toContainEqual({ area: 'south', agency: 'schools', lists: [1, 2] });
    expect(directory.memberships.some((m) => m.area === 'north' && m.agency === 'ccg')).toBe(false);
    expect(directory.areas.find((a) => a.id === 'north')?.coordinators).toEqual(['dee-dent', 'hal-hart']);
    // The file's directory is not touched.
    expect(base).toEqual(smallDirectory());
  });

  it('keeps a changed membership where the file had it', () => {
    const { directory } = applyDirectoryChanges(
      smallDirectory(),
      changes({ type: 'membership.set', area: 'north', agency: 'police', lists: [1] }),
    );
    expect(directory.memberships[0]).toEqual({ area: 'north', agency: 'police', lists: [1] });
  });

  it('skips a change that would leave an area coordinated by nobody in the directory, and goes on', () => {
    const { directory, skipped } = applyDirectoryChanges(
      smallDirectory(),
      changes(
        { type: 'contact.removed', contactId: 'dee-dent' },
        { type: 'coordinator.set', area: 'north', contactId: 'dee-dent', coordinator: false },
        { type: 'contact.removed', contactId: 'dee-dent' },
      ),
    );
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ seq: 1 });
    expect(skipped[0]?.reason).toContain('unknown contact "dee-dent"');
    expect(directory.contacts.some((c) => c.id === 'dee-dent')).toBe(false);
    expect(directory.areas.find((a) => a.id === 'north')?.coordinators).toEqual([]);
  });

  it('skips a second contact with the same email, an unknown agency and a missing contact', () => {
    const { directory, skipped } = applyDirectoryChanges(
      smallDirectory(),
      changes(
        { type: 'contact.saved', contact: { ...HAL, email: 'ANN.ABLE@example.org' } },
        { type: 'contact.saved', contact: { ...HAL, agency: 'fire' } },
        { type: 'contact.removed', contactId: 'nobody' },
        { type: 'membership.set', area: 'east', agency: 'police', lists: [1] },
        { type: 'coordinator.set', area: 'east', contactId: 'ann-able', coordinator: true },
        { type: 'contact.saved', contact: HAL },
      ),
    );
    expect(skipped.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(skipped[0]?.reason).toContain('appears twice');
    expect(skipped[1]?.reason).toContain('unknown agency "fire"');
    expect(skipped[2]?.reason).toBe('there is no contact "nobody" to remove');
    expect(skipped[4]?.reason).toBe('there is no area "east"');
    expect(directory.contacts.at(-1)).toEqual(HAL);
  });

  it('never throws, even on a change whose contact is malformed', () => {
    const broken = { ...HAL, email: 'not an email' };
    const result = applyDirectoryChanges(
      smallDirectory(),
      changes({ type: 'contact.saved', contact: broken }),
    );
    expect(result.skipped[0]?.reason).toContain('give a valid email address');
    expect(result.directory).toEqual(smallDirectory());
  });
});
