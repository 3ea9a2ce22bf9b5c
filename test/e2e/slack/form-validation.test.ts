/**
 * The notification form refused field by field: Slack shows each problem
 * under its field (`response_action: 'errors'`), the modal stays open, and
 * nothing is stored or created.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { datetime, plainText, select, userSelect } from '../../fakes/fake-slack/index.js';
import { formValues, type Harness, NOW, openForm, startHarness } from './slack-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const seconds = (iso: string) => Date.parse(iso) / 1000;
const DAY = 24 * 60 * 60;

async function refused(overrides: Parameters<typeof formValues>[0]) {
  const form = await openForm(h);
  const response = await form.submit(formValues(overrides));
  await h.muster.idle();
  expect(response.status).toBe(200);
  const body = response.json<{ response_action: string; errors: Record<string, string> }>();
  expect(body.response_action).toBe('errors');
  expect(await h.muster.store.listIncidents()).toEqual([]);
  expect(h.fake.callsTo('conversations.create')).toEqual([]);
  return body.errors;
}

it('refuses a time in the future', async () => {
  const errors = await refused({ occurredAt: { occurredAt: datetime(seconds(NOW) + 3600) } });
  expect(errors).toEqual({ occurredAt: expect.stringMatching(/future/i) });
});

it('refuses a time more than 30 days ago', async () => {
  const errors = await refused({ occurredAt: { occurredAt: datetime(seconds(NOW) - 31 * DAY) } });
  expect(errors).toEqual({ occurredAt: expect.stringMatching(/30 days/) });
});

it('refuses an area that is not in the directory', async () => {
  const errors = await refused({ area: { area: select('atlantis') } });
  expect(errors).toEqual({ area: expect.stringContaining('atlantis') });
});

it('refuses an empty description, and says so for every bad field at once', async () => {
  const errors = await refused({
    description: { description: plainText('') },
    sio: { sio: userSelect(null) },
    weapon: { weapon: select(null) },
  });
  expect(Object.keys(errors).sort()).toEqual(['description', 'sio', 'weapon']);
  expect(errors.sio).toBe('choose a person');
});

it('accepts the same form once the problem is fixed', async () => {
  const form = await openForm(h);
  const bad = await form.submit(formValues({ description: { description: plainText('  ') } }));
  expect(bad.json()).toMatchObject({ response_action: 'errors' });

  const good = await form.submit();
  await h.muster.idle();
  expect(good.body).toBe('');
  expect(await h.muster.store.listIncidents()).toHaveLength(1);
});
