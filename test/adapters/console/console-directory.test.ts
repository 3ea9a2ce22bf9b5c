/**
 * `/directory` in the console's composer: shown to anyone, edited by
 * coordinators through the same use cases as Slack and Teams. The contact
 * form opens in the dialog and is submitted as a registered form; a refusal
 * or a bad answer stores nothing.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type ConsoleHarness, startConsole, submitData } from './console-harness.js';

const COMMAND = '/console/api/command';
const SUBMIT = '/console/api/submit';
let h: ConsoleHarness;

beforeEach(async () => {
  h = await startConsole();
});
afterEach(() => h.close());

const directory = async (text: string, as: string) => {
  const { status, body } = await h.post(
    COMMAND,
    { channelId: 'coordination', text: `/directory ${text}` },
    as,
  );
  expect(status).toBe(200);
  return body;
};

it('shows an area to anyone, refuses an edit from someone else, and runs a coordinator’s', async () => {
  const shown = await directory('show corby', 'pat-police');
  expect(shown.reply).toMatchObject({ ephemeralFor: 'pat-police' });
  expect(shown.reply.text).toContain('Coordinators: Cara CSP (cara-csp)');

  const refused = await directory('lists corby nhft 1+2', 'pat-police');
  expect(refused).toMatchObject({ ok: false });
  expect(refused.reply.text).toContain('Only CSP coordinators can change the directory');
  // Nothing changed; the directory's audit records who asked.
  expect((await h.store.listDirectoryChanges()).map((c) => c.edit)).toEqual([
    { type: 'edit.refused', asked: 'membership.set' },
  ]);

  const done = await directory('lists corby nhft 1+2', 'cara-csp');
  expect(done.reply.text).toBe(
    'NHFT is now on List 1 and List 2 in Corby, for incidents opened from now on.',
  );
  expect(h.deps.directory.memberships).toContainEqual({ area: 'corby', agency: 'nhft', lists: [1, 2] });
  expect((await directory('lists corby', 'cara-csp')).reply.text).toContain(
    'Usage: /directory lists <area> <agency> <1|2|1+2|none>',
  );
});

it('adds a contact from the form, showing a bad answer under its field first', async () => {
  const opened = await directory('contact new', 'cara-csp');
  expect(opened.form.formId).toBe('directory-contact');
  const data = {
    ...submitData(opened.form.card),
    name: 'Dana Doe',
    email: 'pat@police.example',
    role: 'Youth Offending Officer',
    agency: 'csp',
    areas: 'corby,kettering',
  };
  const bad = await h.post(SUBMIT, { channelId: 'coordination', data }, 'cara-csp');
  expect(bad.body.ok).toBe(false);
  expect(JSON.stringify(bad.body.form.card)).toContain(
    'Pat Police (pat-police) already has this email address',
  );
  expect((await h.store.listDirectoryChanges()).filter((c) => c.edit.type !== 'edit.refused')).toEqual([]);

  const good = await h.post(
    SUBMIT,
    { channelId: 'coordination', data: { ...data, email: 'dana@yos.example' } },
    'cara-csp',
  );
  expect(good.body.ok).toBe(true);
  expect(good.body.reply.text).toContain('Added Dana Doe (dana-doe)');
  expect(h.deps.directory.contacts.find((c) => c.id === 'dana-doe')?.areas).toEqual(['corby', 'kettering']);
  // The new contact can be signed in as at once: the console reads the live directory.
  expect((await directory('show kettering', 'dana-doe')).reply.text).toContain('Coordinators: Cara CSP');

  expect((await directory('contact new', 'pat-police')).reply.text).toContain(
    'Only CSP coordinators can change the directory',
  );
});
