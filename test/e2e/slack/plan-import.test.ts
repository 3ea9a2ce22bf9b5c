/**
 * Importing a strategic plan on Slack, end to end against the fake Slack:
 * `/plan import` opens a modal with a file input for a coordinator (anyone
 * else is told no and sees no modal); the submitted files are described by
 * `files.info`, fetched with the bot token from Slack's private URL, and
 * imported all or nothing; the modal says how it went. Refusals that need
 * no download (no file, too many, too large by Slack's size) stay in the
 * modal under the file input; a download URL off Slack's host is never
 * fetched.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLBACKS } from '../../../src/adapters/slack/ids.js';
import { PLAN_FILE_BLOCK, PLAN_TITLE_BLOCK } from '../../../src/adapters/slack/views/plan-import-view.js';
import { PLAN_IMPORT_LIMITS } from '../../../src/app/plans/import-plan.js';
import { REPO_ROOT } from '../../cli/cli-harness.js';
import { fileInput, plainText, stateValues } from '../../fakes/fake-slack/index.js';
import { runSlash, submitView } from './command-journeys.js';
import { type Harness, startHarness, USERS } from './slack-harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const planFile = (name: string) => readFile(join(REPO_ROOT, 'test/fixtures/plans', name));

/** `/plan <text>` as `user`: the ephemeral answers' texts, and the modal opened, if any. */
async function plan(text: string, user: string) {
  const answer = await runSlash(h, '/plan', text, user);
  return { replies: answer.replies.map((r) => String(r.text)), view: answer.view };
}

/** Submits the import modal with these shared files (and a title), then waits for the import. */
async function submitImport(
  view: Record<string, unknown>,
  files: { id: string; name: string }[],
  title?: string,
) {
  const response = await submitView(
    h,
    view,
    stateValues({
      [PLAN_FILE_BLOCK]: fileInput(files),
      ...(title === undefined ? {} : { [PLAN_TITLE_BLOCK]: plainText(title) }),
    }),
    USERS.cara.id,
  );
  const ack = response.body === '' ? {} : response.json<Record<string, unknown>>();
  await h.muster.idle();
  return { ack, shown: JSON.stringify(h.fake.views.find((v) => v.id === view.id)?.view.blocks ?? []) };
}

const share = async (name: string) =>
  h.fake.addFile({ name, content: await planFile(name), user: USERS.cara.id });

describe('/plan import on Slack', () => {
  it('opens the file modal for a coordinator and imports the attached CSVs, fetched with the bot token', async () => {
    const { view, replies } = await plan('import ashfield-2024 Ashfield plan', USERS.cara.id);
    expect(replies).toEqual([]);
    expect(view?.callback_id).toBe(CALLBACKS.planImport);
    const input = JSON.stringify(view?.blocks);
    expect(input).toContain('"type":"file_input"');
    expect(input).toContain('"filetypes":["csv","xlsx"]');
    expect(input).toContain('"initial_value":"Ashfield plan"');

    const files = [await share('ashfield-actions.csv'), await share('ashfield-indicators.csv')];
    const { ack, shown } = await submitImport(view!, files);

    expect(ack).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(ack)).toContain(
      'Importing ashfield-actions.csv, ashfield-indicators.csv into ashfield-2024',
    );
    expect(shown).toContain('Imported Ashfield plan:');
    const stored = await h.muster.store.getPlan('ashfield-2024');
    expect(stored?.title).toBe('Ashfield plan');
    expect(stored?.actions.length).toBeGreaterThan(0);
    expect(stored?.indicators.length).toBeGreaterThan(0);
    expect(h.fake.callsTo('files.info').map((c) => c.args.file)).toEqual(files.map((f) => f.id));
    expect(h.fake.fileDownloads).toEqual(
      files.map((f) => ({ fileId: f.id, token: h.fake.callsTo('files.info')[0]!.token, status: 200 })),
    );
  });

  it('tells someone who is not a coordinator, and opens nothing', async () => {
    const { view, replies } = await plan('import ashfield-2024', USERS.pat.id);
    expect(view).toBeUndefined();
    expect(replies.join('\n')).toContain('Only CSP coordinators can import a plan');
  });

  it('lists every bad row in the modal and imports nothing', async () => {
    const { view } = await plan('import bad-plan', USERS.cara.id);
    const { shown } = await submitImport(view!, [await share('bad-rows.csv')]);
    expect(shown).toContain('Nothing was imported.');
    expect(shown).toContain('bad-rows.csv row 3');
    expect(shown).toContain('bad-rows.csv row 4');
    expect(await h.muster.store.getPlan('bad-plan')).toBeUndefined();
  });

  it('keeps the modal open with the problem under the file input when no file, too many or too large', async () => {
    const { view } = await plan('import ashfield-2024', USERS.cara.id);
    const none = await submitImport(view!, []);
    expect(none.ack).toEqual({
      response_action: 'errors',
      errors: { [PLAN_FILE_BLOCK]: 'Attach the plan as a .csv or .xlsx file.' },
    });
    const csv = await share('ashfield-actions.csv');
    const many = await submitImport(
      view!,
      Array.from({ length: PLAN_IMPORT_LIMITS.files + 1 }, () => csv),
    );
    expect(JSON.stringify(many.ack)).toContain('attach at most 4 files');
    const huge = h.fake.addFile({
      name: 'huge.csv',
      content: Buffer.alloc(PLAN_IMPORT_LIMITS.bytesPerFile + 1),
    });
    // The submission carries no size here, so Slack's files.info answer is what refuses it, before any download.
    const large = await submitImport(view!, [huge]);
    expect(large.shown).toContain('huge.csv is too large to import.');
    expect(h.fake.fileDownloads).toEqual([]);
    expect(await h.muster.store.getPlan('ashfield-2024')).toBeUndefined();
  });

  it('says the file could not be fetched when Slack fails the download, and imports nothing', async () => {
    const { view } = await plan('import ashfield-2024', USERS.cara.id);
    h.fake.failNext('files.download', { status: 500 });
    const { shown } = await submitImport(view!, [await share('ashfield-actions.csv')]);
    expect(shown).toContain('Muster could not fetch ashfield-actions.csv from Slack');
    expect(h.logger.messages('error')).toContain('a plan file could not be fetched from Slack');
    expect(await h.muster.store.getPlan('ashfield-2024')).toBeUndefined();
  });

  it('imports once when the same submission arrives twice', async () => {
    const { view } = await plan('import ashfield-2024', USERS.cara.id);
    const file = await share('ashfield-actions.csv');
    await submitImport(view!, [file]);
    const again = await submitImport(view!, [file]);
    expect(again.shown).toContain('Imported');
    expect(h.fake.callsTo('files.info')).toHaveLength(1);
    expect(h.fake.callsTo('views.update')).toHaveLength(1);
  });

  it('refuses a modal submitted by someone other than the person it was opened for', async () => {
    const { view } = await plan('import ashfield-2024', USERS.cara.id);
    const response = await submitView(
      h,
      view!,
      stateValues({ [PLAN_FILE_BLOCK]: fileInput([await share('ashfield-actions.csv')]) }),
      USERS.pat.id,
    );
    expect(response.json<Record<string, unknown>>()).toEqual({
      response_action: 'errors',
      errors: { [PLAN_FILE_BLOCK]: 'Open this form again with /plan import.' },
    });
    expect(h.fake.callsTo('files.info')).toEqual([]);
  });
});
