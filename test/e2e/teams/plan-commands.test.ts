/**
 * `plan …` typed to the bot on Teams: the same `/plan` grammar and use cases
 * as Slack and the console, answered in the person's chat.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importAshfieldPlan } from '../../app/plans/plan-fixtures.js';
import { textOf } from '../../fakes/fake-teams/index.js';
import { dmOf, type Harness, lastIn, personal, startHarness, USERS } from './teams-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.clock.set('2024-07-01T10:00:00+01:00');
  await importAshfieldPlan(h.muster.deps);
});
afterEach(async () => {
  await h.close();
});

it('starts a round, takes a lead’s update and shows who answered', async () => {
  await h.say(USERS.pat, personal(USERS.pat), 'plan round start ashfield-2024 2024/25 Q1 by 2024-07-05');
  expect(textOf(lastIn(h, dmOf(USERS.pat)))).toContain('Only CSP coordinators can start an update round');

  await h.say(USERS.cara, personal(USERS.cara), 'plan round start ashfield-2024 2024/25 Q1 by 2024-07-05');
  expect(textOf(lastIn(h, dmOf(USERS.cara)))).toContain('6 action leads were asked');

  await h.say(
    USERS.pat,
    personal(USERS.pat),
    'plan update ashfield-2024 1.1 amber Adviser starts in August.',
  );
  expect(textOf(lastIn(h, dmOf(USERS.pat)))).toContain('Thanks: action 1.1 is now AMBER');

  await h.say(USERS.cara, personal(USERS.cara), 'plan round status ashfield-2024');
  expect(textOf(lastIn(h, dmOf(USERS.cara)))).toContain('1 of 6 answered');
});
