/**
 * `plan import <plan-id> [title]` in the bot's personal chat on Teams, with
 * the plan's CSV/XLSX files attached to the message: Muster fetches them
 * from the (fake) SharePoint link Teams gives and imports them all or
 * nothing; in a channel or group chat, where Teams hands a bot no file, it
 * says to use the personal chat.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PLAN_IMPORT_LIMITS } from '../../../src/app/plans/import-plan.js';
import { fixture, workbookOf } from '../../app/plans/plan-fixtures.js';
import {
  activity,
  type FakeSharePoint,
  fileAttachments,
  type SharedFile,
  sharedLinkAttachment,
  startFakeSharePoint,
  type TeamsUser,
  textOf,
  type Where,
} from '../../fakes/fake-teams/index.js';
import { type Harness, inChannel, lastIn, personal, startHarness, USERS } from './teams-harness.js';

const IMPORT = 'plan import ashfield-2024 Reducing Serious Violence Plan';

let h: Harness;
let sharepoint: FakeSharePoint;
beforeEach(async () => {
  h = await startHarness();
  sharepoint = await startFakeSharePoint();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
  await sharepoint.close();
});

/** A fixture from test/fixtures/plans, put on the fake SharePoint, as Teams would attach it. */
async function shared(name: string): Promise<SharedFile> {
  return { name, downloadUrl: sharepoint.put(name, (await fixture(name)).content) };
}

/** A message with files attached, as Teams posts it; then the bot's answer in that conversation. */
async function sendWithFiles(
  from: TeamsUser,
  where: Where,
  text: string,
  attachments: Record<string, unknown>[],
  options: { mention?: boolean } = {},
): Promise<string> {
  const response = await h.send({ ...activity(h.base, { from, where, text, ...options }), attachments });
  expect(response.status).toBe(200);
  const conversation = where.kind === 'channel' ? where.channelId : where.conversationId;
  return textOf(lastIn(h, conversation));
}

const importAs = (from: TeamsUser, files: SharedFile[], text = IMPORT) =>
  sendWithFiles(from, personal(from), text, fileAttachments(files, text));

describe('plan import in the personal chat', () => {
  it('imports the attached CSV files for a coordinator and names what it imported', async () => {
    const files = [await shared('ashfield-actions.csv'), await shared('ashfield-indicators.csv')];

    const reply = await importAs(USERS.cara, files);

    const plan = await h.muster.store.getPlan('ashfield-2024');
    expect(plan?.title).toBe('Reducing Serious Violence Plan');
    expect(plan?.priorities).toHaveLength(3);
    expect(plan?.actions).toHaveLength(6);
    expect(plan?.indicators).toHaveLength(4);
    expect(reply).toContain(
      'Imported Reducing Serious Violence Plan: 3 priorities, 6 actions, 4 indicators.',
    );
    // Written the way Teams users type it.
    expect(reply).toContain('plan round start ashfield-2024');
    expect(reply).not.toContain('/plan');
    expect(sharepoint.requests).toHaveLength(2);
  });

  it('imports a workbook with the actions and the indicators on two sheets', async () => {
    const book = await workbookOf({ Actions: 'ashfield-actions.csv', Indicators: 'ashfield-indicators.csv' });
    const file = { name: 'plan.xlsx', downloadUrl: sharepoint.put('plan.xlsx', book.content) };

    const reply = await importAs(USERS.cara, [file]);

    expect(reply).toContain('3 priorities, 6 actions, 4 indicators');
    expect((await h.muster.store.getPlan('ashfield-2024'))?.indicators).toHaveLength(4);
  });

  it('lists each bad row with its number and imports nothing', async () => {
    const reply = await importAs(USERS.cara, [await shared('bad-rows.csv')]);

    expect(reply).toContain('2 rows could not be read, so nothing was imported');
    expect(reply).toContain('bad-rows.csv row 3');
    expect(reply).toContain('"Purple" is not a RAG rating');
    expect(reply).toContain('bad-rows.csv row 4');
    expect(await h.muster.store.listPlans()).toEqual([]);
  });

  it('refuses someone who is not a coordinator, fetching nothing, and imports nothing', async () => {
    const reply = await importAs(USERS.pat, [await shared('ashfield-actions.csv')]);

    expect(reply).toContain('Only CSP coordinators can import a plan');
    expect(sharepoint.requests).toEqual([]);
    expect(await h.muster.store.listPlans()).toEqual([]);
  });

  it('says to attach the file to the same message when none came with it', async () => {
    // Teams puts the message's own HTML on it as an attachment; that is no file.
    const reply = await sendWithFiles(USERS.cara, personal(USERS.cara), IMPORT, fileAttachments([], IMPORT));

    expect(reply).toContain('no file came with the message');
    expect(reply).toContain(
      'to the same message as "plan import ashfield-2024 Reducing Serious Violence Plan"',
    );
    expect(reply).toContain('personal chat');
    expect(await h.muster.store.listPlans()).toEqual([]);
  });

  it.each([
    ['says its length', true],
    ['is sent without a length', false],
  ])('refuses a file over the size limit that %s, and imports nothing', async (_how, declareLength) => {
    const large = Buffer.alloc(PLAN_IMPORT_LIMITS.bytesPerFile + 1, 'a');
    const file = { name: 'huge.csv', downloadUrl: sharepoint.put('huge.csv', large, { declareLength }) };

    const reply = await importAs(USERS.cara, [file]);

    expect(reply).toContain('huge.csv is too large to import.');
    expect(reply).toContain('larger than 5 MB');
    expect(await h.muster.store.listPlans()).toEqual([]);
  });

  it('refuses more files than an import takes before fetching any', async () => {
    const files = await Promise.all(
      Array.from({ length: PLAN_IMPORT_LIMITS.files + 1 }, () => shared('ashfield-actions.csv')),
    );

    const reply = await importAs(USERS.cara, files);

    expect(reply).toContain(`attach at most ${PLAN_IMPORT_LIMITS.files} files`);
    expect(sharepoint.requests).toEqual([]);
    expect(await h.muster.store.listPlans()).toEqual([]);
  });

  it('refuses a link that is not on SharePoint without fetching it, and logs only its host', async () => {
    const onFake = new URL((await shared('ashfield-actions.csv')).downloadUrl);
    const foreign = `https://plans.elsewhere.example${onFake.pathname}${onFake.search}`;
    // As if that host were the fake: had Muster fetched the link, the fake would have seen it.
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname !== 'plans.elsewhere.example') return realFetch(input, init);
      return realFetch(`${onFake.origin}${url.pathname}${url.search}`, init);
    });

    const reply = await importAs(USERS.cara, [{ name: 'ashfield-actions.csv', downloadUrl: foreign }]);

    expect(reply).toContain(
      'Nothing was imported: ashfield-actions.csv is not a file Teams keeps in SharePoint',
    );
    expect(sharepoint.requests).toEqual([]);
    expect(await h.muster.store.listPlans()).toEqual([]);
    const refusal = h.logger.entries.find((e) => e.message.includes('its link is not on SharePoint'));
    expect(refusal?.fields).toEqual({ host: 'plans.elsewhere.example' });
    expect(JSON.stringify(h.logger.entries)).not.toContain('tempauth');
  });

  it('apologises and logs when the file cannot be fetched, and imports nothing', async () => {
    // Teams' download links expire after a short while.
    const expired = {
      name: 'ashfield-actions.csv',
      downloadUrl: sharepoint.failing('ashfield-actions.csv', 403),
    };

    const reply = await importAs(USERS.cara, [expired]);

    expect(reply).toContain(
      'Muster could not fetch ashfield-actions.csv from Teams, so nothing was imported',
    );
    expect(sharepoint.requests).toHaveLength(1);
    expect(await h.muster.store.listPlans()).toEqual([]);
    const failure = h.logger.entries.find((e) => e.level === 'error');
    expect(failure?.message).toBe('could not download a file attached in Teams');
    expect(failure?.fields.host).toBe(new URL(expired.downloadUrl).host);
    expect(JSON.stringify(h.logger.entries)).not.toContain('tempauth');
  });
});

describe('plan import elsewhere', () => {
  it.each<[string, Where]>([
    ['a channel', inChannel('19:partnership@thread.tacv2', 'General')],
    ['a group chat', { kind: 'groupChat', conversationId: '19:csp-leads@thread.v2' }],
  ])('in %s, says to import in the personal chat and fetches nothing', async (_where, where) => {
    const file = await shared('ashfield-actions.csv');

    const reply = await sendWithFiles(USERS.cara, where, IMPORT, [sharedLinkAttachment(file)], {
      mention: true,
    });

    expect(reply).toContain('Import the plan in your personal chat with Muster');
    expect(reply).toContain('"plan import ashfield-2024 Reducing Serious Violence Plan"');
    expect(sharepoint.requests).toEqual([]);
    expect(await h.muster.store.listPlans()).toEqual([]);
  });
});
