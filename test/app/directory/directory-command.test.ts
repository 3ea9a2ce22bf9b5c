/**
 * The `/directory` grammar and its runner: help for every subcommand, usage
 * on a wrong shape, the area shown to anyone, the contact form opened for
 * coordinators only and submitted through the form registry.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import { DIRECTORY_HELP, parseDirectoryCommand } from '../../../src/app/directory/directory-command.js';
import { runDirectoryCommand } from '../../../src/app/directory/run-directory-command.js';
import { DIRECTORY_CONTACT_FORM_ID } from '../../../src/app/forms/directory-contact-form.js';
import { isRegisteredForm, submitRegisteredForm } from '../../../src/app/forms/form-registry.js';
import { isMusterError } from '../../../src/core/errors.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { testDeps } from '../harness.js';

const CARA = { id: 'console:cara-csp', name: 'Cara CSP', contactId: 'cara-csp' };
const PAT = { id: 'console:pat-police', name: 'Pat Police', contactId: 'pat-police' };

describe('parseDirectoryCommand', () => {
  it('reads each subcommand', () => {
    expect(parseDirectoryCommand('')).toEqual({ kind: 'help' });
    expect(parseDirectoryCommand('show')).toEqual({ kind: 'show' });
    expect(parseDirectoryCommand('show East Northants')).toEqual({ kind: 'show', area: 'East Northants' });
    expect(parseDirectoryCommand('contact new')).toEqual({ kind: 'contact-new' });
    expect(parseDirectoryCommand('contact Pat-Police')).toEqual({
      kind: 'contact-edit',
      contactId: 'pat-police',
    });
    expect(parseDirectoryCommand('remove sam-school')).toEqual({ kind: 'remove', contactId: 'sam-school' });
    expect(parseDirectoryCommand('lists corby nhft 1+2')).toEqual({
      kind: 'lists',
      area: 'corby',
      agency: 'nhft',
      lists: [1, 2],
    });
    expect(parseDirectoryCommand('lists corby nhft none')).toMatchObject({ lists: [] });
    expect(parseDirectoryCommand('lists corby nhft 2')).toMatchObject({ lists: [2] });
    expect(parseDirectoryCommand('coordinator corby pat-police ON')).toEqual({
      kind: 'coordinator',
      area: 'corby',
      contactId: 'pat-police',
      coordinator: true,
    });
  });

  it('gives the usage line for a wrong shape', () => {
    expect(parseDirectoryCommand('lists corby nhft 3')).toMatchObject({
      kind: 'invalid',
      usage: '/directory lists <area> <agency> <1|2|1+2|none>',
    });
    expect(parseDirectoryCommand('lists corby nhft __proto__')).toMatchObject({ kind: 'invalid' });
    expect(parseDirectoryCommand('coordinator corby pat-police maybe')).toMatchObject({
      kind: 'invalid',
      usage: '/directory coordinator <area> <contact-id> on|off',
    });
    expect(parseDirectoryCommand('contact')).toMatchObject({ kind: 'invalid' });
    expect(parseDirectoryCommand('remove a b')).toMatchObject({ kind: 'invalid' });
    expect(parseDirectoryCommand('frobnicate')).toMatchObject({
      kind: 'invalid',
      problem: '"frobnicate" is not a /directory command',
    });
  });
});

describe('runDirectoryCommand', () => {
  let store: InMemoryStore;
  let deps: CommandDeps;
  const run = (text: string, by = CARA) =>
    runDirectoryCommand(deps, {
      command: parseDirectoryCommand(text),
      by,
      requester: { contactId: by.contactId },
    });

  beforeEach(() => {
    store = new InMemoryStore();
    deps = { ...testDeps(store), platform: new RecordingPlatform() };
  });

  it('lists every subcommand in its help', async () => {
    const { message } = await run('help', PAT);
    for (const h of DIRECTORY_HELP) expect(message).toContain(h.usage);
  });

  it('answers a wrong shape with its usage', async () => {
    expect(await run('lists corby')).toEqual({
      refused: true,
      message:
        'Give the area, the agency and 1, 2, 1+2 or none. Usage: /directory lists <area> <agency> <1|2|1+2|none>',
    });
  });

  it('shows an area’s lists, contacts and coordinators to anyone, and the areas without one', async () => {
    const { message } = await run('show corby', PAT);
    expect(message).toContain('Corby (corby), Test Partnership');
    expect(message).toContain('Coordinators: Cara CSP (cara-csp)');
    expect(message).toContain('List 1 (notified):\n• Police (police): Pat Police (pat-police), Inspector');
    expect(message).toContain('List 2 (attend the initial meeting):');
    expect(message).toContain('• Schools (schools): Sam School (sam-school), Head');
    expect((await run('show', PAT)).message).toContain(
      '• Wellingborough (wellingborough), coordinators: none',
    );
    expect(await run('show narnia', PAT)).toMatchObject({
      refused: true,
      message: expect.stringContaining('Areas: corby'),
    });
  });

  it('opens the contact form for a coordinator, filled in when editing, and refuses anyone else', async () => {
    const blank = await run('contact new');
    expect(blank.form?.id).toBe(DIRECTORY_CONTACT_FORM_ID);
    expect(blank.form?.context).toBeUndefined();
    expect(blank.form?.fields.map((f) => f.id)).toEqual([
      'name',
      'email',
      'role',
      'agency',
      'areas',
      'slackId',
      'teamsId',
    ]);

    const sam = await run('contact sam-school');
    expect(sam.form?.context).toEqual({ contactId: 'sam-school' });
    expect(Object.fromEntries(sam.form?.fields.map((f) => [f.id, f.initial]) ?? [])).toMatchObject({
      name: 'Sam School',
      email: 'sam@school.example',
      agency: 'schools',
      areas: ['corby'],
    });

    expect(await run('contact nobody')).toMatchObject({
      refused: true,
      message: expect.stringContaining('"nobody"'),
    });
    expect(await run('contact new', PAT)).toMatchObject({
      refused: true,
      message: expect.stringContaining('Only CSP coordinators can change the directory'),
    });
  });

  it('saves the contact form through the form registry, with problems under the form’s fields', async () => {
    expect(isRegisteredForm(DIRECTORY_CONTACT_FORM_ID)).toBe(true);
    const submit = (by: typeof CARA, values: Record<string, string | string[]>) =>
      submitRegisteredForm(deps, {
        submission: { formId: DIRECTORY_CONTACT_FORM_ID, values, context: { contactId: 'sam-school' } },
        by,
        requester: { contactId: by.contactId, isSpaceMember: false },
        resolveUser: async () => undefined,
      });
    const values = {
      name: 'Sam School',
      email: 'sam@school.example',
      role: 'Deputy Head',
      agency: 'schools',
      areas: ['corby', 'kettering'],
    };

    expect(await submit(PAT, values)).toMatchObject({ refused: true });
    const error = await submit(CARA, { ...values, email: 'sam at school' }).catch((e: unknown) => e);
    expect(isMusterError(error, 'invalid_input') && error.details.map((d) => d.path)).toEqual(['email']);
    // Pat's refusal is in the directory's audit; the bad email wrote nothing.
    expect(store.directoryChanges.map((c) => c.edit.type)).toEqual(['edit.refused']);

    expect((await submit(CARA, values)).message).toContain(
      'Saved Sam School (sam-school): Deputy Head, Schools, covering Corby, Kettering',
    );
    expect(deps.directory.contacts.find((c) => c.id === 'sam-school')?.areas).toEqual(['corby', 'kettering']);
  });

  it('runs the typed edits and answers a refusal or a bad argument as a message', async () => {
    expect((await run('lists kettering schools 2')).message).toBe(
      'Schools is now on List 2 in Kettering, for incidents opened from now on.',
    );
    expect((await run('coordinator kettering pat-police on')).message).toContain(
      'Pat Police is now a coordinator of Kettering',
    );
    expect((await run('remove nia-nhft')).message).toContain('Removed Nia NHFT');
    expect(await run('remove nobody')).toEqual({
      refused: true,
      message:
        'There is no contact "nobody" in the directory, so nothing was changed. Find their id with /directory show <area>.',
    });
    expect(
      await run('remove sam-school', { id: 'console:someone', name: 'Someone', contactId: 'owen' }),
    ).toMatchObject({
      refused: true,
    });
    expect(store.directoryChanges.map((c) => c.edit.type)).toEqual([
      'membership.set',
      'coordinator.set',
      'contact.removed',
      'edit.refused',
    ]);
  });
});
