import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adaptiveCardsDist } from '../../../src/adapters/console/static-routes.js';
import { type ConsoleHarness, startConsole } from './console-harness.js';

describe('console static routes', () => {
  let h: ConsoleHarness;

  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('serves the page at / and its script from the web folder, with their content types', async () => {
    const page = await h.get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Muster console</title>');
    const script = await h.get('/console/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("muster");');
  });

  it('answers 404 for a page file that is not there (yet)', async () => {
    expect((await h.get('/console/app.css')).status).toBe(404);
    await rm(join(h.webDir, 'app.js'));
    expect((await h.get('/console/app.js')).status).toBe(404);
  });

  it('serves each page module in web/js at /console/js/<name> as JavaScript, and 404 for any other', async () => {
    const module = await h.get('/console/js/state.js');
    expect(module.status).toBe(200);
    expect(module.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(module.headers.get('x-content-type-options')).toBe('nosniff');
    expect(module.body).toBe('export const state = {};');
    expect((await h.get('/console/js/nothing.js')).status).toBe(404);
  });

  it('serves the official Adaptive Cards renderer from node_modules', async () => {
    const vendor = await h.get('/console/vendor/adaptivecards.js');
    expect(vendor.status).toBe(200);
    expect(vendor.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const onDisk = await readFile(join(adaptiveCardsDist()!, 'adaptivecards.min.js'), 'utf8');
    expect(vendor.body).toBe(onDisk);
  });
});
