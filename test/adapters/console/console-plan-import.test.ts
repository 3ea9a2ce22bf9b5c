/**
 * `/plan import` in the console's composer with the plan's files attached:
 * they travel as `{ filename, contentBase64 }` with the command, are checked
 * for count and size before they are decoded, and go to the same use case as
 * the CLI's. Refusals change nothing; a malformed request is a 400, a body
 * over the limit a 413.
 */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_BODY } from '../../../src/adapters/console/attached-files.js';
import { USER_HEADER } from '../../../src/adapters/console/console-http.js';
import { PLAN_IMPORT_LIMITS } from '../../../src/app/plans/import-plan.js';
import type { PlanFile } from '../../../src/app/plans/read-plan-file.js';
import { fixture, workbookOf } from '../../app/plans/plan-fixtures.js';
import { type ConsoleHarness, startConsole } from './console-harness.js';

const COMMAND = '/console/api/command';
const IMPORT = '/plan import ashfield-2024 Reducing Serious Violence Plan';
let h: ConsoleHarness;

beforeEach(async () => {
  h = await startConsole();
});
afterEach(() => h.close());

const attached = (file: PlanFile) => ({
  filename: file.filename,
  contentBase64: file.content.toString('base64'),
});

async function send(text: string, files: unknown[], as = 'cara-csp') {
  return h.post(COMMAND, { channelId: 'coordination', text, files }, as);
}

/** What the person was told: the command's private reply. */
async function told(text: string, files: unknown[], as = 'cara-csp'): Promise<string> {
  const { status, body } = await send(text, files, as);
  expect(status).toBe(200);
  expect(body.reply).toMatchObject({ ephemeralFor: as });
  return body.reply.text as string;
}

/** Every message anyone (here Nia, who typed nothing) can see in the coordination channel. */
async function coordinationTexts(): Promise<string[]> {
  const { body } = await h.get('/console/api/messages?channel=coordination', 'nia-nhft');
  return (body.messages as { text?: string }[]).map((m) => m.text ?? '');
}

async function nothingStored(): Promise<void> {
  expect(await h.store.getPlan('ashfield-2024')).toBeUndefined();
  expect(await h.store.listPlans()).toEqual([]);
}

describe('a coordinator’s import', () => {
  it('stores the plan from the attached CSV files and answers with its counts', async () => {
    const files = [await fixture('ashfield-actions.csv'), await fixture('ashfield-indicators.csv')];
    const reply = await told(IMPORT, files.map(attached));
    const plan = await h.store.getPlan('ashfield-2024');
    expect(plan?.title).toBe('Reducing Serious Violence Plan');
    expect(plan?.actions.length).toBeGreaterThan(0);
    expect(plan?.indicators.length).toBeGreaterThan(0);
    expect(reply).toBe(
      `Imported Reducing Serious Violence Plan: ${plan?.priorities.length} priorities, ${plan?.actions.length} actions, ${plan?.indicators.length} indicators. Start the quarter’s update with /plan round start ashfield-2024 <quarter> by <yyyy-mm-dd>.`,
    );
    // The answer is the coordinator's alone; nothing was posted for the channel.
    expect((await coordinationTexts()).some((t) => t.startsWith('Imported'))).toBe(false);
    expect(
      (await told('/plan list', [])).startsWith('• ashfield-2024 — Reducing Serious Violence Plan:'),
    ).toBe(true);
  });

  it('takes a workbook with the actions and the indicators on two sheets', async () => {
    const workbook = await workbookOf({
      Actions: 'ashfield-actions.csv',
      Indicators: 'ashfield-indicators.csv',
    });
    const reply = await told('/plan import ashfield-2024', [attached(workbook)]);
    const plan = await h.store.getPlan('ashfield-2024');
    expect(plan?.title).toBe('ashfield-2024');
    expect(plan?.indicators.length).toBeGreaterThan(0);
    expect(reply).toContain(`${plan?.actions.length} actions, ${plan?.indicators.length} indicators`);
  });

  it('lists every bad row with its row number and stores nothing', async () => {
    const reply = await told(IMPORT, [attached(await fixture('bad-rows.csv'))]);
    const lines = reply.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((line) => /^• bad-rows\.csv row \d+: /.test(line))).toBe(true);
    expect(reply).toContain('bad-rows.csv row 3: "Purple" is not a RAG rating');
    expect(reply).toContain('bad-rows.csv row 4:');
    expect(reply).not.toContain('row 2:');
    await nothingStored();
  });

  it('asks for the file when none is attached', async () => {
    expect((await told(IMPORT, [])).split('\n')[0]).toBe('Attach the plan as a .csv or .xlsx file.');
    await nothingStored();
  });
});

it('refuses someone who is not a coordinator and stores nothing', async () => {
  const reply = await told(IMPORT, [attached(await fixture('ashfield-actions.csv'))], 'pat-police');
  expect(reply).toContain('Only CSP coordinators can import a plan, so nothing was changed.');
  await nothingStored();
});

describe('files with anything but /plan import', () => {
  it('refuses them, runs nothing and posts nothing', async () => {
    const file = attached(await fixture('ashfield-actions.csv'));
    const onlyImport = /^Only \/plan import <plan-id> \[title\] takes attached files, so nothing was sent\./;
    expect(await told('/plan list', [file])).toMatch(onlyImport);
    expect(await told('/incident list', [file, file])).toContain('Remove the 2 files to send this');
    expect(await told('/plan round start ashfield-2024 2027/28 Q2 by 2027-09-03', [file])).toMatch(
      onlyImport,
    );
    // A chat message with a file is not posted for the channel either.
    expect(await told('Here is the plan', [file])).toMatch(onlyImport);
    expect(await coordinationTexts()).not.toContain('Here is the plan');
    await nothingStored();
  });
});

describe('limits, checked before anything is decoded', () => {
  it('refuses more files than an import takes, naming the limit', async () => {
    const file = attached(await fixture('ashfield-actions.csv'));
    const files = Array.from({ length: PLAN_IMPORT_LIMITS.files + 1 }, () => file);
    expect((await told(IMPORT, files)).split('\n')[0]).toBe(
      'Too many files: attach at most 4 files (the actions and the indicators); 5 were attached.',
    );
    await nothingStored();
  });

  it('refuses a file over 5 MB, naming it', async () => {
    const huge = { filename: 'huge.csv', content: Buffer.alloc(PLAN_IMPORT_LIMITS.bytesPerFile + 1, 'a') };
    const reply = await told(IMPORT, [attached(await fixture('ashfield-actions.csv')), attached(huge)]);
    expect(reply.split('\n')[0]).toBe('huge.csv is too large to import.');
    expect(reply).toContain('huge.csv is larger than 5 MB');
    await nothingStored();
  });

  it('admits a body with the most files at their largest, so the files themselves are judged', async () => {
    const big = { filename: 'big.xlsx', content: Buffer.alloc(PLAN_IMPORT_LIMITS.bytesPerFile, 'a') };
    const files = Array.from({ length: PLAN_IMPORT_LIMITS.files }, () => attached(big));
    const reply = await told(IMPORT, files);
    // Past the body and size limits: the reader refuses the content, not the request.
    expect(reply).not.toContain('too large');
    expect(reply).toMatch(/^big\.xlsx is not a readable Excel workbook/);
    await nothingStored();
  });

  it('answers a body over the limit with a 413 saying what an import takes', async () => {
    const overLimit = { filename: 'plan.csv', contentBase64: 'A'.repeat(COMMAND_BODY.maxBytes) };
    const { status, body } = await send(IMPORT, [overLimit]);
    expect(status).toBe(413);
    expect(body.error).toBe(
      'The files are too large to send: attach at most 4 files of 5 MB each (a plan is a few hundred rows; save just the plan’s sheets).',
    );
    await nothingStored();
  });

  it('answers a streamed body (no content-length) that grows over the limit with the same 413', async () => {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${h.baseUrl}${COMMAND}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', [USER_HEADER]: 'cara-csp' },
          // Its own connection, not kept alive: the harness's close would wait for a pooled one.
          agent: false,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(
        `{"channelId":"coordination","text":"${IMPORT}","files":[{"filename":"a.csv","contentBase64":"`,
      );
      const chunk = 'A'.repeat(1024 * 1024);
      for (let sent = 0; sent <= COMMAND_BODY.maxBytes; sent += chunk.length) req.write(chunk);
      req.end('"}]}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error).toBe(COMMAND_BODY.tooLarge);
    await nothingStored();
  });
});

describe('a malformed request', () => {
  it('is a 400 naming the file whose content is not base64, and nothing is stored or said', async () => {
    const good = attached(await fixture('ashfield-actions.csv'));
    for (const contentBase64 of ['not base64!', 'QUJD\nREVG', 'QUJ', 'QU=J']) {
      const { status, body } = await send(IMPORT, [good, { filename: 'plan.csv', contentBase64 }]);
      expect(status).toBe(400);
      expect(body.error).toBe(
        'Fix the request: files.1.contentBase64: plan.csv is not base64-encoded: send the file’s bytes as standard base64 and try again.',
      );
    }
    await nothingStored();
    const mine = await h.get('/console/api/messages?channel=coordination', 'cara-csp');
    expect(JSON.stringify(mine.body)).not.toContain('Imported');
  });

  it('is a 400 when a file has no name, or no content', async () => {
    const content = (await fixture('ashfield-actions.csv')).content.toString('base64');
    const noName = await send(IMPORT, [{ contentBase64: content }]);
    expect(noName.status).toBe(400);
    expect(noName.body.error).toBe(
      'Fix the request: files.0.filename: give each file its name, such as "plan.xlsx".',
    );
    expect((await send(IMPORT, [{ filename: '  ', contentBase64: content }])).status).toBe(400);
    const noContent = await send(IMPORT, [{ filename: 'plan.csv' }]);
    expect(noContent.status).toBe(400);
    expect(noContent.body.error).toContain('files.0.contentBase64: send each file’s bytes, base64-encoded');
    await nothingStored();
  });
});
