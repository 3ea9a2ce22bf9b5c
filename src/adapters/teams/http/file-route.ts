/**
 * `GET /api/teams/file?id=…&exp=…&sig=…`: an exported document Muster linked
 * in Teams. The link's signature and expiry are checked before anything is
 * read; a bad or expired link says so and serves nothing.
 */
import type { HttpServer } from '../../http/http-server.js';
import { sendJson } from '../../http/http-server.js';
import { TEAMS_FILES_PATH } from '../ids.js';
import type { FileLinks } from '../platform/file-links.js';

export function registerFileRoute(http: HttpServer, files: FileLinks): void {
  http.route('GET', TEAMS_FILES_PATH, async (req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const opened = await files.read(query);
    if ('refused' in opened) {
      return sendJson(res, opened.refused === 'expired' ? 410 : 403, {
        error:
          opened.refused === 'expired'
            ? 'This link has expired. Export the document again from Teams.'
            : 'This is not a valid Muster link.',
      });
    }
    res.writeHead(200, {
      'content-type': opened.meta.mimeType,
      'content-length': opened.content.length,
      'content-disposition': `attachment; filename="${opened.meta.filename.replace(/["\\\r\n]/g, '_')}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(opened.content);
  });
}
