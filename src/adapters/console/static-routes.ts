/**
 * The console page's files: `GET /` is `web/index.html`, `/console/app.js`
 * and `/console/app.css` come from `web/` beside this module, each
 * `/console/js/<name>.js` is a page module from `web/js/` (the folder is listed
 * once, when the routes are registered), and
 * `/console/vendor/adaptivecards.*` is the official Adaptive Cards renderer
 * from node_modules, so the page works offline. Files are read on each
 * request (the page can be edited while Muster runs) and are a 404 while
 * missing.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HttpServer, sendJson } from '../http/http-server.js';
import { isErrno } from '../storage/lowdb/atomic-file.js';

export const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
} as const;

/** Where the renderer's browser bundle is, or undefined when the package is not installed. */
export function adaptiveCardsDist(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('adaptivecards/package.json');
    return join(dirname(pkg), 'dist');
  } catch {
    return undefined;
  }
}

/** `webDir` is for tests; the page's files are the UI's own, beside this module. */
export function registerStaticRoutes(http: HttpServer, webDir: string = WEB_DIR): void {
  const dist = adaptiveCardsDist();
  const files: [string, string | undefined, keyof typeof TYPES][] = [
    ['/', join(webDir, 'index.html'), 'html'],
    ['/console/app.js', join(webDir, 'app.js'), 'js'],
    ['/console/app.css', join(webDir, 'app.css'), 'css'],
    ['/console/vendor/adaptivecards.js', dist && join(dist, 'adaptivecards.min.js'), 'js'],
    ['/console/vendor/adaptivecards.css', dist && join(dist, 'adaptivecards.css'), 'css'],
    ...pageModules(webDir).map((name): [string, string, 'js'] => [
      `/console/js/${name}`,
      join(webDir, 'js', name),
      'js',
    ]),
  ];
  for (const [path, file, type] of files) {
    http.route('GET', path, (_req, res) => serveFile(res, file, TYPES[type]));
  }
}

/** Plain lower-case names only: a dotfile, an editor's backup or a name needing escaping gets no route. */
const MODULE_NAME = /^[a-z0-9-]+\.js$/;

/** The page's ES modules in `web/js/`, or none when the folder is missing. */
function pageModules(webDir: string): string[] {
  try {
    return readdirSync(join(webDir, 'js')).filter((name) => MODULE_NAME.test(name));
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return [];
    throw error;
  }
}

async function serveFile(res: ServerResponse, file: string | undefined, type: string): Promise<void> {
  let body: Buffer;
  try {
    if (!file) throw Object.assign(new Error('not installed'), { code: 'ENOENT' });
    body = await readFile(file);
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'EISDIR')) {
      return sendJson(res, 404, { error: 'not_found' });
    }
    throw error;
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    // The page and its scripts change with Muster; the browser asks again rather than run a stale copy.
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
