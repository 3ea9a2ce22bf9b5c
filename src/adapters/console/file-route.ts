/**
 * `GET /console/files?id=<file id>&as=<contact id>`: downloads a file the
 * console platform stored (minutes, action plans, reports). The id only
 * selects a stored record, and the record names the file on disk, so nothing
 * in the request ever becomes a path. Only people who can see a channel the
 * file was posted in may download it; for anyone else it does not exist.
 */

import type { HttpServer } from '../http/http-server.js';
import { isErrno } from '../storage/lowdb/atomic-file.js';
import { canSeeChannel } from './console-access.js';
import type { ConsoleContext } from './console-context.js';
import { guarded, HttpProblem, identify, query } from './console-http.js';

export const CONSOLE_FILES_PATH = '/console/files';

export function registerFileRoute(http: HttpServer, ctx: ConsoleContext): void {
  http.route(
    'GET',
    CONSOLE_FILES_PATH,
    guarded(async (req, res) => {
      const person = identify(req, ctx.deps.directory);
      const id = query(req).get('id') ?? '';
      const file = ctx.history.file(id);
      const visible = file?.channelIds.some((channelId) => {
        const channel = ctx.history.channel(channelId);
        return (
          channel !== undefined &&
          canSeeChannel(ctx.deps.directory, channel, person.contact.id, ctx.deps.coordinators)
        );
      });
      // Not yours and not there read the same, so an id cannot be probed.
      if (!file || !visible) throw new HttpProblem(404, 'There is no such file. Use a link from a message.');
      let body: Buffer;
      try {
        body = await ctx.history.fileContent(file);
      } catch (error) {
        if (isErrno(error, 'ENOENT')) throw new HttpProblem(404, `${file.filename} is no longer stored.`);
        throw error;
      }
      res.writeHead(200, {
        'content-type': file.mimeType,
        'content-length': body.length,
        'content-disposition': contentDisposition(file.filename),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      res.end(body);
    }),
  );
}

/** RFC 6266: an ASCII fallback name plus the exact UTF-8 one. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
