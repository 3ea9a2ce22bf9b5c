/**
 * Coordinators edit the directory in chat: each write is gated, checked
 * against the directory in force and then kept as a change in the Store; a
 * refusal or a bad answer writes nothing. Another replica (a second deps
 * object over the same store) sees the change on its next refresh.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryDeps } from '../../../src/app/deps.js';
import {
  type ContactDetails,
  removeContact,
  saveContact,
  setAgencyLists,
  setCoordinator,
} from '../../../src/app/directory/edit-directory.js';
import { appliedSeq, refreshDirectory } from '../../../src/app/directory/live-directory.js';
import { showDirectory } from '../../../src/app/directory/show-directory.js';
import { isMusterError } from '../../../src/core/errors.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';
import { testDeps } from '../harness.js';

const CARA = {
  by: { id: 'slack:UCARA', name: 'Cara CSP', contactId: 'cara-csp' },
  requester: { contactId: 'cara-csp' },
};
const PAT = { by: { id: 'slack:UPAT', name: 'Pat Police' }, requester: { email: 'PAT@police.example' } };

const DANA: ContactDetails = {
  name: 'Dana Doe',
  email: 'dana@yos.example',
  role: 'Youth Offending Officer',
  agency: 'csp',
  areas: ['corby'],
};

let store: InMemoryStore;
let deps: DirectoryDeps;
let logger: RecordingLogger;

beforeEach(() => {
  store = new InMemoryStore();
  logger = new RecordingLogger();
  deps = { ...testDeps(store), log: logger };
});

/** The same invalid_input the form shows: its field ids, nothing written. */
async function refusedFields(write: Promise<unknown>): Promise<string[]> {
  const error = await write.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMusterError(error, 'invalid_input')) throw new Error(`expected invalid_input, got ${String(error)}`);
  return error.details.map((d) => d.path);
}

describe('saving a contact', () => {
  it('adds a contact a coordinator gives, records the change and puts it in force at once', async () => {
    const outcome = await saveContact(deps, CARA, DANA);
    expect(outcome.refused).toBeFalsy();
    expect(outcome.message).toContain('Added Dana Doe (dana-doe): Youth Offending Officer');
    expect(deps.directory.contacts.find((c) => c.id === 'dana-doe')).toEqual({ id: 'dana-doe', ...DANA });
    expect(store.directoryChanges).toEqual([
      expect.objectContaining({
        seq: 1,
        by: CARA.by,
        at: '2027-08-28T08:00:00.000Z',
        summary: 'Cara CSP added Dana Doe (Community Safety Partnership)',
        edit: { type: 'contact.saved', contact: { id: 'dana-doe', ...DANA } },
      }),
    ]);
    expect(appliedSeq(deps.directory)).toBe(1);
  });

  it('edits a contact in place, keeping their id, and writes nothing when nothing changed', async () => {
    const pat = deps.directory.contacts.find((c) => c.id === 'pat-police')!;
    const same = {
      contactId: 'pat-police',
      name: pat.name,
      email: pat.email,
      role: pat.role,
      agency: pat.agency,
      areas: [],
    };
    expect((await saveContact(deps, CARA, same)).message).toContain('nothing was changed');
    expect(store.directoryChanges).toHaveLength(0);

    await saveContact(deps, CARA, { ...same, role: 'Chief Inspector', slackId: 'UPAT' });
    expect(deps.directory.contacts.find((c) => c.id === 'pat-police')).toMatchObject({
      role: 'Chief Inspector',
      slackId: 'UPAT',
    });
    expect(store.directoryChanges[0]?.summary).toBe("Cara CSP changed Pat Police's details (Police)");
  });

  it('gives a new contact whose name is taken another id', async () => {
    await saveContact(deps, CARA, { ...DANA, name: 'Pat Police', email: 'pat2@csp.example' });
    expect(deps.directory.contacts.at(-1)?.id).toBe('pat-police-csp');
  });

  it('refuses someone who is not a coordinator, says why, logs no one and audits the refusal only', async () => {
    const outcome = await saveContact(deps, PAT, DANA);
    expect(outcome).toEqual({
      refused: true,
      message:
        'Only CSP coordinators can change the directory, so nothing was changed. Ask your coordinator.',
    });
    expect(store.directoryChanges).toEqual([
      expect.objectContaining({
        seq: 1,
        by: PAT.by,
        edit: { type: 'edit.refused', asked: 'contact.saved' },
        summary:
          'Pat Police asked to change the directory (contact.saved) and was refused: not a coordinator.',
      }),
    ]);
    expect(deps.directory.contacts.some((c) => c.id === 'dana-doe')).toBe(false);
    expect(logger.entries).toEqual([
      {
        level: 'info',
        message: 'directory edit refused: not a coordinator',
        fields: { edit: 'contact.saved' },
      },
    ]);
  });

  it('lets a configured coordinator (MUSTER_COORDINATORS) edit without a directory entry', async () => {
    const withConfigured = { ...deps, coordinators: ['slack:UPAT'] };
    expect((await saveContact(withConfigured, PAT, DANA)).refused).toBeFalsy();
  });

  it('refuses bad answers under their fields and writes nothing', async () => {
    expect(
      await refusedFields(
        saveContact(deps, CARA, {
          name: ' ',
          email: 'not-an-email',
          role: '',
          agency: 'fire',
          areas: ['atlantis'],
        }),
      ),
    ).toEqual(['name', 'email', 'role', 'agency', 'areas']);
    expect(
      await refusedFields(saveContact(deps, CARA, { ...DANA, email: 'CARA@csp.example', teamsId: '29:x' })),
    ).toEqual(['email']);
    await saveContact(deps, CARA, { ...DANA, slackId: 'UDANA' });
    expect(
      await refusedFields(
        saveContact(deps, CARA, { ...DANA, name: 'Dan Other', email: 'dan@x.example', slackId: 'UDANA' }),
      ),
    ).toEqual(['slackId']);
    expect(store.directoryChanges).toHaveLength(1);
  });

  it('refuses to save a contact removed while the form was open', async () => {
    await saveContact(deps, CARA, DANA);
    await removeContact(deps, CARA, 'dana-doe');
    const error = await saveContact(deps, CARA, { ...DANA, contactId: 'dana-doe' }).catch((e: unknown) => e);
    expect(isMusterError(error, 'invalid_input') && error.message).toContain(
      'was removed from the directory',
    );
    expect(store.directoryChanges).toHaveLength(2);
  });
});

describe('removing a contact', () => {
  it('removes a contact', async () => {
    const outcome = await removeContact(deps, CARA, 'sam-school');
    expect(outcome.message).toContain('Removed Sam School (Schools) from the directory');
    expect(deps.directory.contacts.some((c) => c.id === 'sam-school')).toBe(false);
    expect(store.directoryChanges[0]?.edit).toEqual({ type: 'contact.removed', contactId: 'sam-school' });
  });

  it('will not remove an area coordinator, and says how to go on', async () => {
    const error = await removeContact(deps, CARA, 'cara-csp').catch((e: unknown) => e);
    expect(isMusterError(error, 'invalid_input') && error.message).toBe(
      'Cara CSP coordinates Corby and Kettering, so they were not removed. First type /directory coordinator corby cara-csp off (and the same for each area).',
    );
    await expect(removeContact(deps, CARA, 'nobody')).rejects.toThrow('There is no contact "nobody"');
    expect(store.directoryChanges).toHaveLength(0);
  });

  it('refuses a non-coordinator', async () => {
    expect((await removeContact(deps, PAT, 'sam-school')).refused).toBe(true);
    expect(store.directoryChanges.map((c) => c.edit)).toEqual([
      { type: 'edit.refused', asked: 'contact.removed' },
    ]);
    expect(deps.directory.contacts.some((c) => c.id === 'sam-school')).toBe(true);
  });
});

describe('lists and coordinators', () => {
  it('puts an agency on lists in an area, by id or name, and off them', async () => {
    await setAgencyLists(deps, CARA, { area: 'Wellingborough', agency: 'NHFT', lists: [2, 1] });
    expect(deps.directory.memberships).toContainEqual({
      area: 'wellingborough',
      agency: 'nhft',
      lists: [1, 2],
    });
    expect(store.directoryChanges[0]?.summary).toBe(
      'Cara CSP put NHFT on List 1 and List 2 in Wellingborough',
    );

    const off = await setAgencyLists(deps, CARA, { area: 'corby', agency: 'schools', lists: [] });
    expect(off.message).toBe('Schools is now on no list in Corby, for incidents opened from now on.');
    expect(showDirectory(deps.directory, 'corby')).toContain('On no list here: Schools (schools).');

    const same = await setAgencyLists(deps, CARA, { area: 'corby', agency: 'police', lists: [1, 2] });
    expect(same.message).toContain('already on List 1 and List 2 in Corby');
    expect(store.directoryChanges).toHaveLength(2);
    await expect(setAgencyLists(deps, CARA, { area: 'mars', agency: 'police', lists: [1] })).rejects.toThrow(
      'There is no area "mars"',
    );
  });

  it('makes a contact a coordinator, who may then edit, and stops them being one', async () => {
    expect((await setAgencyLists(deps, PAT, { area: 'corby', agency: 'nhft', lists: [2] })).refused).toBe(
      true,
    );
    await setCoordinator(deps, CARA, { area: 'wellingborough', contactId: 'pat-police', coordinator: true });
    expect(deps.directory.areas.find((a) => a.id === 'wellingborough')?.coordinators).toEqual(['pat-police']);
    expect(
      (await setAgencyLists(deps, PAT, { area: 'corby', agency: 'nhft', lists: [2] })).refused,
    ).toBeFalsy();

    const off = await setCoordinator(deps, CARA, {
      area: 'wellingborough',
      contactId: 'pat-police',
      coordinator: false,
    });
    expect(off.message).toBe('Pat Police is no longer a coordinator of Wellingborough.');
    expect(store.directoryChanges.map((c) => c.summary)).toEqual([
      'Pat Police asked to change the directory (membership.set) and was refused: not a coordinator.',
      'Cara CSP made Pat Police a coordinator of Wellingborough',
      'Pat Police put NHFT on List 2 in Corby',
      'Cara CSP stopped Pat Police being a coordinator of Wellingborough',
    ]);
  });

  it('will not take away the partnership’s last coordinator', async () => {
    await setCoordinator(deps, CARA, { area: 'corby', contactId: 'cara-csp', coordinator: false });
    await expect(
      setCoordinator(deps, CARA, { area: 'kettering', contactId: 'cara-csp', coordinator: false }),
    ).rejects.toThrow("Cara CSP is the partnership's last coordinator");
    expect(store.directoryChanges).toHaveLength(1);
  });
});

describe('the live directory across replicas', () => {
  it('brings another replica’s change into force on the next refresh, in the same object', async () => {
    const other: DirectoryDeps = testDeps(store);
    const heldContacts = other.directory.contacts;
    await saveContact(deps, CARA, DANA);
    expect(other.directory.contacts.some((c) => c.id === 'dana-doe')).toBe(false);

    expect(await refreshDirectory(other)).toEqual({ applied: [1], skipped: [] });
    expect(heldContacts.some((c) => c.id === 'dana-doe')).toBe(true);
    // Nothing new: nothing read again or applied twice.
    expect(await refreshDirectory(other)).toEqual({ applied: [], skipped: [] });

    // The other replica edits next; this one checks its write against the directory in force.
    await removeContact(other, CARA, 'dana-doe');
    const error = await saveContact(deps, CARA, { ...DANA, contactId: 'dana-doe' }).catch((e: unknown) => e);
    expect(isMusterError(error, 'invalid_input')).toBe(true);
    expect(store.directoryChanges).toHaveLength(2);
  });

  it('tells the person when another replica’s change made theirs invalid at the same moment', async () => {
    const other: DirectoryDeps = testDeps(store);
    await refreshDirectory(other);
    // Between this replica's check and its write, the other one took Sam's email.
    const append = store.appendDirectoryChange.bind(store);
    store.appendDirectoryChange = async (change) => {
      store.appendDirectoryChange = append;
      await saveContact(other, CARA, { ...DANA, name: 'Sam Twin', email: 'dana@yos.example', areas: [] });
      return append(change);
    };
    const error = await saveContact(deps, CARA, DANA).catch((e: unknown) => e);
    expect(isMusterError(error, 'conflict') && error.message).toContain(
      'Someone changed the directory at the same moment',
    );
    expect(deps.directory.contacts.filter((c) => c.email === 'dana@yos.example').map((c) => c.id)).toEqual([
      'sam-twin',
    ]);
  });

  it('runs concurrent refreshes one at a time, so a change is applied once', async () => {
    await saveContact(deps, CARA, DANA);
    await removeContact(deps, CARA, 'dana-doe');
    const other: DirectoryDeps = testDeps(store);
    const [a, b] = await Promise.all([refreshDirectory(other), refreshDirectory(other)]);
    expect(a).toEqual({ applied: [1, 2], skipped: [] });
    expect(b).toEqual({ applied: [], skipped: [] });
  });
});
