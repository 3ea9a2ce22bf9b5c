/**
 * `directory …` typed to the bot on Teams: the same `/directory` grammar and
 * use cases as Slack and the console, answered in the person's chat, with
 * the contact form as the form card.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cardOf, textOf } from '../../fakes/fake-teams/index.js';
import { dmOf, formAnswers, type Harness, lastIn, personal, startHarness, USERS } from './teams-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const say = async (who: typeof USERS.pat, text: string) => {
  await h.say(who, personal(who), text);
  return lastIn(h, dmOf(who));
};

it('shows an area to anyone, refuses someone else’s edit and takes a coordinator’s', async () => {
  expect(textOf(await say(USERS.pat, 'directory show corby'))).toContain('Coordinators: Cara CSP (cara-csp)');
  expect(textOf(await say(USERS.pat, 'directory coordinator corby pat-police on'))).toContain(
    'Only CSP coordinators can change the directory',
  );
  expect((await h.muster.store.listDirectoryChanges()).map((c) => c.edit)).toEqual([
    { type: 'edit.refused', asked: 'coordinator.set' },
  ]);

  expect(textOf(await say(USERS.cara, 'directory coordinator corby pat-police on'))).toContain(
    'Pat Police is now a coordinator of Corby',
  );
  expect(textOf(await say(USERS.cara, 'directory lists corby'))).toContain(
    'Usage: directory lists <area> <agency> <1|2|1+2|none>',
  );
});

it('adds a contact from the form card', async () => {
  const form = await say(USERS.cara, 'directory contact new');
  await h.submit(
    USERS.cara,
    personal(USERS.cara),
    formAnswers(cardOf(form), {
      name: 'Dana Doe',
      email: 'dana@yos.example',
      role: 'Youth Offending Officer',
      agency: 'csp',
      areas: 'corby',
    }),
    form.id,
  );
  expect(textOf(h.connector.message(form.id))).toContain('Added Dana Doe (dana-doe)');
  expect(h.muster.deps.directory.contacts.find((c) => c.id === 'dana-doe')?.areas).toEqual(['corby']);
  expect((await h.muster.store.listDirectoryChanges()).map((c) => c.summary)).toEqual([
    'Cara CSP added Dana Doe (Community Safety Partnership)',
  ]);
});
