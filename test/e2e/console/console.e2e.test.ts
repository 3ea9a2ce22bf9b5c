/**
 * The local console end to end, in a real browser: Muster started in-process
 * with no Slack or Teams configured (so the console is the platform), and
 * Debian's Chromium driven by playwright-core. One story, step by step: the
 * SIO reports an incident through the /incident form, an agency acknowledges
 * the card (and a second person's page sees it change, over SSE), the
 * simulated time brings a reminder, a bad form is refused field by field, the
 * SIO runs the meeting's checklist in the channel (a tick updates the card in
 * place, on their page and a coordinator's), the page still works in a
 * narrow window, long checklist and all, closing the incident archives its
 * channel: still readable, the composer switched off, on every open page, and
 * a coordinator imports the partnership's plan from a CSV attached in the
 * composer (a file with bad rows first, refused row by row).
 *
 * Screenshots of each step go to a temporary directory (printed at the end).
 * `MUSTER_UPDATE_SCREENSHOT=1` also writes docs/console.png (1280×800).
 * Without /usr/bin/chromium the suite is skipped, unless MUSTER_REQUIRE_BROWSER=1
 * (CI), when it fails instead.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMuster, startMuster } from '../../../src/app-runtime.js';
import { DEFAULT_DIRECTORY_PATH, loadConfig } from '../../../src/config.js';
import { FixedClock } from '../../fakes/fixed-clock.js';

/**
 * The few browser globals the functions passed to page.evaluate use. They run in the page; the
 * project compiles without the DOM library, so they are declared here, for this module only.
 */
interface PageElement {
  textContent: string | null;
  scrollWidth: number;
  getBoundingClientRect(): { width: number; height: number; bottom: number };
}
declare const document: {
  body: PageElement & { dataset: Record<string, string | undefined> };
  documentElement: PageElement;
  activeElement: { matches(selector: string): boolean } | null;
  getElementById(id: string): PageElement | null;
};
declare const window: { innerWidth: number };

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const hasChromium = existsSync(CHROMIUM);
const browserRequired = process.env.MUSTER_REQUIRE_BROWSER === '1';
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../../docs/console.png', import.meta.url));
/** Seed-shaped plan files: a good actions sheet (3 priorities, 6 actions) and one with two bad rows. */
const PLAN_FIXTURE = fileURLToPath(new URL('../../fixtures/plans/gateshead-actions.csv', import.meta.url));
const BAD_PLAN_FIXTURE = fileURLToPath(new URL('../../fixtures/plans/bad-rows.csv', import.meta.url));

/**
 * Monday 14 June 2027, 10:00 BST: the base of the console's simulated clock,
 * so the story's times (and the screenshot) are the same on every run.
 */
const START = '2027-06-14T09:00:00.000Z';

/** People from the shipped example directory (directory/northamptonshire.json). */
const SIO = 'sam-superintendent-sample';
const SIO_NAME = 'Sam Superintendent-Sample';
/**
 * The voluntary sector is on Corby's List 2 and Vic covers Corby, so Vic is invited to the incident
 * channel. Its row is the card's last, so the acknowledgement shows beside the reminder in the screenshot.
 */
const AGENCY_CONTACT = 'vic-volunteer';
const AGENCY_CONTACT_NAME = 'Vic Volunteer';
const AGENCY = 'Voluntary & Community Sector';
/** Corby's CSP coordinator: sees every Corby incident channel. */
const COORDINATOR = 'carla-coordinata';

const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 420, height: 800 };
/** Generous for a loaded CI machine, far below the suite's budget. */
const STEP_MS = 10_000;

const title = hasChromium
  ? 'local console in Chromium'
  : browserRequired
    ? 'local console in Chromium (Chromium not found at /usr/bin/chromium, and MUSTER_REQUIRE_BROWSER=1: failing)'
    : 'local console in Chromium (skipped: Chromium not found at /usr/bin/chromium; install it with apt-get install chromium)';

// A skipped file shows only "skipped" in vitest's summary; say why where it can be seen.
if (!hasChromium && !browserRequired) console.warn(`test/e2e/console: ${title}`);

describe.skipIf(!hasChromium && !browserRequired)(title, () => {
  let dataDir: string;
  let shots: string;
  let muster: RunningMuster | undefined;
  let browser: Browser | undefined;
  let baseUrl: string;
  let zone = 'Europe/London';
  let main: Page;
  let other: BrowserContext;
  let reference: string;
  let incidentChannelId: string;
  /** What the pages did that they should not: fetch from elsewhere, or throw. Checked after each step. */
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(
        `Chromium not found at ${CHROMIUM} and MUSTER_REQUIRE_BROWSER=1: install it (apt-get install chromium).`,
      );
    }
    dataDir = await mkdtemp(join(tmpdir(), 'muster-console-e2e-'));
    shots = await mkdtemp(join(tmpdir(), 'muster-console-screens-'));
    const config = loadConfig({
      PORT: '0',
      MUSTER_DATA_DIR: join(dataDir, 'data'),
      MUSTER_DIRECTORY: DEFAULT_DIRECTORY_PATH,
      // Time moves only when the page's simulation control says so: no wall-clock ticks (1 January only).
      MUSTER_TICK_CRON: '0 0 1 1 *',
      LOG_LEVEL: 'silent',
    });
    muster = await startMuster({
      config,
      clock: new FixedClock(START),
      runOnStart: false,
      host: '127.0.0.1',
    });
    baseUrl = `http://127.0.0.1:${muster.port}`;
    const session = (await (await fetch(`${baseUrl}/console/api/session`)).json()) as { zone?: string };
    zone = session.zone ?? zone;
    // launch() gives the browser a fresh, throw-away profile of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    main = await openConsole(await browser.newContext({ viewport: WIDE }));
  });

  afterAll(async () => {
    await browser?.close();
    await muster?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (shots) console.log(`console e2e screenshots: ${shots}`);
  });

  async function openConsole(context: BrowserContext, as?: string): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    // Nothing the page loads may come from anywhere but Muster itself.
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${baseUrl}/`) && !url.startsWith('data:')) foreign.push(url);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${baseUrl}/${as ? `?as=${as}` : ''}`);
    await page.waitForFunction(() => document.body.dataset.user && document.body.dataset.live);
    return page;
  }

  async function signIn(page: Page, contactId: string): Promise<void> {
    await page.getByLabel('Signed in as').selectOption(contactId);
    await page.waitForFunction(
      (id) => document.body.dataset.user === id && document.body.dataset.live === id,
      contactId,
    );
  }

  async function openChannel(page: Page, channelId: string): Promise<void> {
    await page.locator(`#channel-groups button[data-channel-id="${channelId}"]`).click();
    await page.waitForFunction((id) => document.body.dataset.channel === id, channelId);
  }

  async function openIncidentForm(page: Page): Promise<Locator> {
    const composer = page.getByLabel(/^Message/);
    await composer.fill('/incident');
    await composer.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Report a serious violence incident' });
    await dialog.waitFor();
    // Focus moved into the dialog.
    expect(await dialog.evaluate((d) => d.contains(document.activeElement as never))).toBe(true);
    return dialog;
  }

  /** The notification form, filled in as the SIO would; `occurredAt` in the protocol's zone. */
  async function fillIncidentForm(dialog: Locator, occurredAt: DateTime): Promise<void> {
    const local = occurredAt.setZone(zone);
    await dialog.getByLabel('When did it happen?').fill(local.toFormat('yyyy-MM-dd'));
    await dialog.getByLabel(/^Time/).fill(local.toFormat('HH:mm'));
    await dialog.getByLabel(/^CSP area/).selectOption('corby');
    await dialog.getByLabel('Location').fill('Corporation Street, near the bus station');
    await dialog.getByLabel('Category').selectOption('gold-group');
    await dialog
      .getByLabel('Short description')
      .fill('A young man was stabbed after an argument outside a shop.');
    await dialog.getByLabel('Weapon involved').selectOption('knife');
    await dialog.getByLabel('Senior Investigating Officer (SIO)').selectOption(SIO);
    await dialog.getByLabel('Reporting officer').selectOption(SIO);
  }

  async function simulatedNow(): Promise<DateTime> {
    const session = (await (await fetch(`${baseUrl}/console/api/session`)).json()) as { now: string };
    return DateTime.fromISO(session.now, { zone });
  }

  async function messagesIn(channelId: string, as: string): Promise<{ text?: string; card?: unknown }[]> {
    const url = `${baseUrl}/console/api/messages?channel=${encodeURIComponent(channelId)}`;
    const answer = (await (await fetch(url, { headers: { 'x-muster-user': as } })).json()) as {
      messages: { text?: string; card?: unknown }[];
    };
    return answer.messages;
  }

  afterEach(() => {
    expect(foreign, 'requests to anywhere but Muster').toEqual([]);
    expect(pageErrors, 'errors thrown in the page').toEqual([]);
  });

  const incidentButtons = (page: Page) => page.locator('#channels-incident button');
  const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

  it('reports an incident from the /incident form and opens its channel with the notification card', async () => {
    await signIn(main, SIO);
    expect(await incidentButtons(main).count()).toBe(0);

    const dialog = await openIncidentForm(main);
    await fillIncidentForm(dialog, (await simulatedNow()).minus({ hours: 1 }));
    await shot(main, '01-incident-form');
    await dialog.getByRole('button', { name: 'Notify the CSP' }).click();

    await dialog.waitFor({ state: 'hidden' });
    await incidentButtons(main).first().waitFor();
    incidentChannelId = (await main.evaluate(() => document.body.dataset.channel)) ?? '';
    expect(await incidentButtons(main).first().getAttribute('data-channel-id')).toBe(incidentChannelId);
    expect(await incidentButtons(main).first().getAttribute('aria-current')).toBe('page');

    const card = main.locator('#messages li.message-pinned');
    await card.waitFor();
    const text = await card.innerText();
    reference = /SV-\d{4}-\d{4}/.exec(text)?.[0] ?? '';
    expect(reference).not.toBe('');
    expect(text).toContain('Pinned');
    expect(text).toContain(SIO_NAME);
    // Summed up above the stream too, however far the stream scrolls on.
    expect(await main.locator('#pinned-bar').innerText()).toContain(reference);
    expect(await card.getByRole('button', { name: /^Acknowledge for / }).count()).toBeGreaterThan(1);
    // The SIO alone is told the incident is open.
    await main.locator('#messages li.message-ephemeral', { hasText: reference }).waitFor();
    await shot(main, '02-incident-channel');
  });

  it('shows an acknowledgement in place, on the page that pressed it and on another person’s page', async () => {
    expect(reference).toBeTruthy();
    other = await browser!.newContext({ viewport: WIDE });
    const watcher = await openConsole(other, COORDINATOR);
    await openChannel(watcher, incidentChannelId);
    await watcher.getByRole('button', { name: `Acknowledge for ${AGENCY}` }).waitFor();

    await signIn(main, AGENCY_CONTACT);
    await openChannel(main, incidentChannelId);
    const cards = main.locator('#messages li.message-pinned');
    expect(await cards.count()).toBe(1);
    // By keyboard: focus the button and press Enter, as someone without a mouse would.
    await main.getByRole('button', { name: `Acknowledge for ${AGENCY}` }).focus();
    await main.keyboard.press('Enter');

    const acknowledged = `acknowledged by ${AGENCY_CONTACT_NAME}`;
    await cards.getByText(acknowledged).waitFor();
    // Updated in place: still one pinned card, and its button for the agency is gone.
    expect(await cards.count()).toBe(1);
    expect(await main.getByRole('button', { name: `Acknowledge for ${AGENCY}` }).count()).toBe(0);
    // The pressed button has gone; the keyboard focus stays on the card rather than falling to the page.
    await main.waitForFunction(() => document.activeElement?.matches('li.message-pinned') === true);
    // The coordinator's page was told over SSE, without reloading.
    await watcher.locator('#messages li.message-pinned').getByText(acknowledged).waitFor();
    expect(await watcher.getByRole('button', { name: `Acknowledge for ${AGENCY}` }).count()).toBe(0);
    await shot(watcher, '03-acknowledged-seen-by-coordinator');
  });

  it('fast-forwarding the simulated time brings the initial meeting reminder into the channel', async () => {
    expect(reference).toBeTruthy();
    // The incident happened on Monday 09:00 BST, so the Initial Tactical Response Meeting (72 working hours)
    // is due on Thursday 09:00, and its first reminder, 48 hours before, fires on Tuesday 09:00: 23 hours
    // after the start. "+11 hours" is pressed until it shows (three presses from a Monday; more when a
    // weekend or bank holiday lies in between, should the clock's base ever be the real time).
    const HEADLINE = /Initial Tactical Response Meeting due in \d+ (hours|days)/;
    const reminder = main.locator('#messages li.message', { hasText: HEADLINE });
    const reminderSent = async () =>
      (await messagesIn(incidentChannelId, AGENCY_CONTACT)).some((m) =>
        HEADLINE.test(JSON.stringify(m.card ?? '')),
      );
    const before = await main.locator('#sim-now').innerText();
    for (let press = 0; press < 14 && !(await reminderSent()); press++) {
      const shown = await main.locator('#sim-now').innerText();
      const answered = main.waitForResponse((r) => r.url().endsWith('/console/api/clock'));
      await main.getByRole('button', { name: '+11 hours' }).click();
      expect((await answered).ok()).toBe(true);
      await main.waitForFunction((old) => document.getElementById('sim-now')?.textContent !== old, shown);
    }
    await reminder.first().waitFor();
    expect(await main.locator('#sim-now').innerText()).not.toBe(before);
    const headline = await reminder.first().innerText();
    expect(headline).toContain(reference);
    expect(headline).toContain('Record the initial meeting');
    // The coordinator is nudged too and sees it live.
    await other
      .pages()[0]!
      .locator('#messages li.message', { hasText: /Initial Tactical Response Meeting due/ })
      .waitFor();

    // No hover effect left on the button last pressed.
    await main.mouse.move(0, WIDE.height - 1);
    await shot(main, '04-reminder');
    if (process.env.MUSTER_UPDATE_SCREENSHOT === '1') {
      await mkdir(join(DOCS_SCREENSHOT, '..'), { recursive: true });
      await main.screenshot({ path: join(shots, 'docs-console.png') });
      await copyFile(join(shots, 'docs-console.png'), DOCS_SCREENSHOT);
    }
  });

  it('shows a refused form’s field error in the dialog and opens no channel', async () => {
    await signIn(main, SIO);
    const channels = await incidentButtons(main).count();
    const dialog = await openIncidentForm(main);
    await fillIncidentForm(dialog, (await simulatedNow()).plus({ days: 2 }));
    const answered = main.waitForResponse((r) => r.url().endsWith('/console/api/submit'));
    await dialog.getByRole('button', { name: 'Notify the CSP' }).click();
    expect((await answered).ok()).toBe(true);

    await dialog.getByText('Is in the future; give the time the incident happened').waitFor();
    expect(await dialog.isVisible()).toBe(true);
    // The answers were kept, so only the date needs changing.
    expect(await dialog.getByLabel('Location').inputValue()).toBe('Corporation Street, near the bus station');
    await shot(main, '05-refused-form');

    await main.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await incidentButtons(main).count()).toBe(channels);
    const listed = (await (
      await fetch(`${baseUrl}/console/api/channels`, { headers: { 'x-muster-user': SIO } })
    ).json()) as { channels: { kind: string }[] };
    expect(listed.channels.filter((c) => c.kind === 'incident')).toHaveLength(1);
  });

  it('starts the meeting’s checklist in the channel and updates it in place when an item is ticked', async () => {
    expect(reference).toBeTruthy();
    await signIn(main, SIO);
    await openChannel(main, incidentChannelId);
    const watcher = other.pages()[0]!;
    await openChannel(watcher, incidentChannelId);

    const composer = main.getByLabel(/^Message/);
    await composer.fill('/incident meeting start initial');
    await composer.press('Enter');
    const checklist = main.locator('#messages li.message', { hasText: 'Incident reporting' });
    await checklist.waitFor();
    expect(await checklist.count()).toBe(1);
    await checklist.getByText('0 of 5 done').first().waitFor();
    // The SIO alone is told the meeting started; the checklist itself is for everyone in the channel.
    await main.locator('#messages li.message-ephemeral', { hasText: /started/ }).waitFor();
    const watched = watcher.locator('#messages li.message', { hasText: 'Incident reporting' });
    await watched.waitFor();

    const ticks = checklist.getByRole('button', { name: 'Tick', exact: true });
    const before = await ticks.count();
    expect(before).toBeGreaterThan(40);
    await ticks.first().click();

    // The same message, re-rendered: one tick fewer, an Untick in its place, the section's count moved on.
    await checklist.getByText('1 of 5 done').waitFor();
    expect(await main.locator('#messages li.message', { hasText: 'Incident reporting' }).count()).toBe(1);
    expect(await checklist.getByRole('button', { name: 'Tick', exact: true }).count()).toBe(before - 1);
    expect(await checklist.getByRole('button', { name: 'Untick', exact: true }).count()).toBe(1);
    // The coordinator's page was told over SSE, without reloading.
    await watched.getByText('1 of 5 done').waitFor();
    await shot(main, '06-checklist-ticked');

    // A long checklist scrolls inside the stream; the composer stays on screen.
    const layout = await main.evaluate(() => {
      const stream = document.getElementById('messages')!.getBoundingClientRect();
      const input = document.getElementById('composer-input')!.getBoundingClientRect();
      return { streamBottom: stream.bottom, inputBottom: input.bottom };
    });
    expect(layout.inputBottom).toBeLessThanOrEqual(WIDE.height);
    expect(layout.streamBottom).toBeLessThanOrEqual(WIDE.height);
  });

  it('keeps the stream and the composer usable in a 420 px window, with no horizontal scrolling', async () => {
    const narrow = await openConsole(await browser!.newContext({ viewport: NARROW }), COORDINATOR);
    const toggle = narrow.getByRole('button', { name: /^Channels/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await openChannel(narrow, incidentChannelId);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await narrow.locator('#messages li.message-pinned').waitFor();
    // The meeting's long checklist is in the stream too: it must fit the width, not push the page sideways.
    await narrow.locator('#messages li.message', { hasText: 'Incident reporting' }).waitFor();
    const composer = narrow.getByLabel(/^Message/);
    await composer.fill('On my way to the 10:00 call.');
    await narrow.getByRole('button', { name: 'Send' }).click();
    await narrow.locator('#messages li.message', { hasText: 'On my way to the 10:00 call.' }).waitFor();

    const layout = await narrow.evaluate(() => {
      const stream = document.getElementById('messages')!.getBoundingClientRect();
      const input = document.getElementById('composer-input')!.getBoundingClientRect();
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        bodyOverflow: document.body.scrollWidth - window.innerWidth,
        streamHeight: stream.height,
        inputBottom: input.bottom,
        inputWidth: input.width,
      };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.bodyOverflow).toBeLessThanOrEqual(0);
    expect(layout.streamHeight).toBeGreaterThan(200);
    expect(layout.inputBottom).toBeLessThanOrEqual(NARROW.height);
    expect(layout.inputWidth).toBeGreaterThan(200);
    await shot(narrow, '07-narrow');
  });

  it('closes the incident: its channel is archived, readable, and the composer is switched off', async () => {
    expect(reference).toBeTruthy();
    await signIn(main, SIO);
    await openChannel(main, incidentChannelId);
    const watcher = other.pages()[0]!;
    await openChannel(watcher, incidentChannelId);

    const composer = main.getByLabel(/^Message/);
    // The checklist's meeting is still running: closing waits until it has ended.
    await composer.fill('/incident close');
    await composer.press('Enter');
    await main.locator('#messages li.message-ephemeral', { hasText: 'is still running' }).waitFor();
    await composer.fill('/incident meeting end');
    await composer.press('Enter');
    await main.locator('#messages li.message-ephemeral', { hasText: /ended/ }).waitFor();

    await composer.fill('/incident close');
    await composer.press('Enter');
    const dialog = main.getByRole('dialog', { name: `Close ${reference}` });
    await dialog.waitFor();
    await dialog.getByLabel(/^Reason for closing/).fill('The partnership agreed no further action.');
    await dialog.getByRole('button', { name: 'Close incident' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const archived = /archived because .* is closed/;
    for (const page of [main, watcher]) {
      await page.locator('#composer-archived', { hasText: archived }).waitFor();
      expect(await page.locator('#composer-input').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
      expect(
        await page.locator(`#channel-groups button[data-channel-id="${incidentChannelId}"]`).innerText(),
      ).toContain('archived');
      // The history stays: the pinned card and the checklist are still there to read.
      expect(await page.locator('#messages li.message', { hasText: 'Incident reporting' }).count()).toBe(1);
    }
    await main.locator('#messages li.message-ephemeral', { hasText: `${reference} is closed` }).waitFor();
    await shot(main, '08-archived');

    // Another channel still takes messages.
    await openChannel(main, 'coordination');
    expect(await main.locator('#composer-input').isDisabled()).toBe(false);
  });

  it('imports a strategic plan from a CSV attached in the composer, refusing a file with bad rows first', async () => {
    await signIn(main, COORDINATOR);
    await openChannel(main, 'coordination');
    const composer = main.getByLabel(/^Message/);
    const chips = main.locator('#composer-files li');
    const attach = main.getByRole('button', { name: 'Attach files for /plan import (.csv or .xlsx)' });
    expect(await main.locator('#composer-file').getAttribute('accept')).toBe('.csv,.xlsx');

    // The channel was open already, so the click's reload may still be running (it ends by focusing the
    // message box, which would take the keyboard from the paperclip): wait for it to end.
    await main.locator('#messages[aria-busy="false"]').waitFor();
    await main.waitForFunction(() => document.activeElement?.matches('#composer-input') === true);
    // By keyboard: Enter on the paperclip opens the file picker, which takes several files.
    const [chooser] = await Promise.all([main.waitForEvent('filechooser'), attach.press('Enter')]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(PLAN_FIXTURE);
    await main.locator('#composer-file').setInputFiles(BAD_PLAN_FIXTURE);
    expect(await chips.allInnerTexts()).toEqual([
      expect.stringContaining('gateshead-actions.csv'),
      expect.stringContaining('bad-rows.csv'),
    ]);
    // Files go with /plan import only, so the empty message box was started with it.
    expect(await composer.inputValue()).toBe('/plan import ');
    // A chip is removed by its own button; the keyboard moves on to the next chip.
    await main.getByRole('button', { name: 'Remove gateshead-actions.csv' }).press('Enter');
    expect(await chips.allInnerTexts()).toEqual([expect.stringContaining('bad-rows.csv')]);
    await main.waitForFunction(() => document.activeElement?.matches('.file-chip-remove') === true);

    // The bad rows are listed by number and nothing is imported; the files went with that command.
    await composer.fill('/plan import gateshead-2024 Reducing Serious Violence Plan');
    await composer.press('Enter');
    const refused = main.locator('#messages li.message-ephemeral', { hasText: 'bad-rows.csv row 3' });
    await refused.waitFor();
    expect(await refused.innerText()).toContain('bad-rows.csv row 4');
    await main.locator('#composer-files').waitFor({ state: 'hidden' });

    await main.locator('#composer-file').setInputFiles(PLAN_FIXTURE);
    await composer.fill('/plan import gateshead-2024 Reducing Serious Violence Plan');
    // Held on its way, so the progress line can be seen while the file uploads.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let continued!: Promise<void>;
    await main.route(
      '**/console/api/command',
      (route) => {
        continued = held.then(() => route.continue());
        return continued;
      },
      { times: 1 },
    );
    const sent = main.waitForRequest((r) => r.url().endsWith('/console/api/command'));
    await composer.press('Enter');
    await main.locator('#composer-progress', { hasText: 'Importing gateshead-actions.csv…' }).waitFor();
    expect(await main.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await shot(main, '09-plan-import-uploading');
    const body = (await sent).postDataJSON() as {
      text: string;
      files: { filename: string; contentBase64: string }[];
    };
    expect(body.files.map((f) => f.filename)).toEqual(['gateshead-actions.csv']);
    expect(Buffer.from(body.files[0]!.contentBase64, 'base64').equals(await readFile(PLAN_FIXTURE))).toBe(
      true,
    );
    release();
    await continued;

    const imported = main.locator('#messages li.message-ephemeral', {
      hasText: 'Imported Reducing Serious Violence Plan: 3 priorities, 6 actions, 0 indicators.',
    });
    await imported.waitFor();
    await main.locator('#composer-progress').waitFor({ state: 'hidden' });
    expect(await chips.count()).toBe(0);
    expect(await main.getByRole('button', { name: 'Send' }).isDisabled()).toBe(false);
    await shot(main, '10-plan-imported');

    await composer.fill('/plan list');
    await composer.press('Enter');
    await main
      .locator('#messages li.message-ephemeral', {
        hasText: 'gateshead-2024 — Reducing Serious Violence Plan: 6 actions',
      })
      .waitFor();
  });
});
