/**
 * `/directory` on Slack end to end: anyone sees an area, someone who is not a
 * coordinator is refused and nothing is stored, a coordinator adds a contact
 * through the modal (a bad answer first, under its field) and sets lists, and
 * a process started afterwards (another replica, or a restart) has the
 * changes in force on top of the file.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { multiSelect, plainText, select, stateValues } from '../../fakes/fake-slack/index.js';
import { runSlash, submitView, toldTo, viewMetadata } from './command-journeys.js';
import { type Harness, startHarness, USERS } from './slack-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function directory(text: string, user: string) {
  const { view, replies } = await runSlash(h, '/directory', text, user);
  return { view, reply: replies.at(-1) as { response_type?: string; text?: string } | undefined };
}

const contactValues = (email: string) =>
  stateValues({
    name: plainText('Dana Doe'),
    email: plainText(email),
    role: plainText('Youth Offending Officer'),
    agency: select('csp'),
    areas: multiSelect(['corby']),
    slackId: plainText(null),
    teamsId: plainText(null),
  });

it('shows the directory to anyone and lets only a coordinator change it', async () => {
  const shown = await directory('show corby', USERS.pat.id);
  expect(shown.reply).toMatchObject({ response_type: 'ephemeral' });
  expect(shown.reply?.text).toContain('Coordinators: Cara CSP (cara-csp)');

  const refused = await directory('lists corby nhft 1+2', USERS.pat.id);
  expect(refused.reply?.text).toContain('Only CSP coordinators can change the directory');
  expect((await directory('contact new', USERS.pat.id)).view).toBeUndefined();
  // Nothing changed; the directory's audit records who asked.
  expect((await h.muster.store.listDirectoryChanges()).map((c) => c.summary)).toEqual([
    'Pat Police asked to change the directory (membership.set) and was refused: not a coordinator.',
  ]);

  expect((await directory('lists corby nhft 1+2', USERS.cara.id)).reply?.text).toBe(
    'NHFT is now on List 1 and List 2 in Corby, for incidents opened from now on.',
  );
});

it('adds a contact from the modal, and a process started afterwards has it in force', async () => {
  const { view } = await directory('contact new', USERS.cara.id);
  expect(viewMetadata(view!).formId).toBe('directory-contact');

  const bad = await submitView(h, view!, contactValues('sam@school.example'), USERS.cara.id);
  expect(bad.json<{ errors: Record<string, string> }>().errors).toMatchObject({
    email: expect.stringContaining('Sam School (sam-school) already has this email address'),
  });
  expect(await h.muster.store.listDirectoryChanges()).toEqual([]);

  const good = await submitView(h, view!, contactValues('dana@yos.example'), USERS.cara.id);
  expect(good.body).toBe('');
  await h.muster.idle();
  expect(toldTo(h, USERS.cara.id).join('\n')).toContain('Added Dana Doe (dana-doe)');
  expect(h.muster.deps.directory.contacts.map((c) => c.id)).toContain('dana-doe');

  await h.restart();
  expect(h.muster.deps.directory.contacts.find((c) => c.id === 'dana-doe')).toMatchObject({
    email: 'dana@yos.example',
    areas: ['corby'],
  });
});

it('puts another replica’s change in force on the next tick, and logs one it cannot apply by number', async () => {
  const by = { id: 'slack:UCARA', name: 'Cara CSP', contactId: 'cara-csp' };
  const at = '2027-08-28T08:00:00.000Z';
  await h.muster.store.appendDirectoryChange({
    at,
    by,
    edit: { type: 'membership.set', area: 'wellingborough', agency: 'police', lists: [1] },
    summary: 'Cara CSP put Police on List 1 in Wellingborough',
  });
  // Removing a contact who still coordinates two areas would leave the directory invalid.
  await h.muster.store.appendDirectoryChange({
    at,
    by,
    edit: { type: 'contact.removed', contactId: 'cara-csp' },
    summary: 'Cara CSP removed Cara CSP (Community Safety Partnership)',
  });
  const held = h.muster.deps.directory.memberships;
  expect(held).not.toContainEqual({ area: 'wellingborough', agency: 'police', lists: [1] });

  await h.muster.tickNow();
  expect(held).toContainEqual({ area: 'wellingborough', agency: 'police', lists: [1] });
  expect(h.muster.deps.directory.contacts.map((c) => c.id)).toContain('cara-csp');
  expect(h.logger.entries).toContainEqual({
    level: 'warn',
    message: 'directory change 2 was not applied: it would make the directory invalid',
    fields: { seq: 2 },
  });
});
