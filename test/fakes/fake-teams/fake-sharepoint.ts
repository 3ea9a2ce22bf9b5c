/**
 * A fake SharePoint (the OneDrive for Business behind Teams' file sharing)
 * on 127.0.0.1: a file put into it is served at a download link shaped like
 * the pre-authenticated one Teams hands a bot, and every request is
 * recorded, so a test can say a file was, or was never, fetched. It also
 * builds the attachments Teams puts on a personal-chat message that carries
 * files (each file's `file.download.info`, then the message's own HTML), and
 * the link a channel message has instead.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSharePoint {
  /** Serves `content` and returns its download link; `declareLength: false` sends it chunked, with no length. */
  put(filename: string, content: Buffer | string, options?: { declareLength?: boolean }): string;
  /** A download link that answers `status` (an expired link is a 403 or 404). */
  failing(filename: string, status: number): string;
  /** The paths requested, oldest first. */
  requests: string[];
  close(): Promise<void>;
}

interface Served {
  content?: Buffer;
  declareLength: boolean;
  status: number;
}

export async function startFakeSharePoint(): Promise<FakeSharePoint> {
  const files = new Map<string, Served>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const served = files.get(path);
    if (!served?.content) {
      res.writeHead(served?.status ?? 404).end();
      return;
    }
    const { content } = served;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      ...(served.declareLength ? { 'content-length': String(content.length) } : {}),
    });
    if (served.declareLength) {
      res.end(content);
      return;
    }
    // Chunked: only counting the bytes as they come shows how large it is.
    for (let at = 0; at < content.length; at += 64 * 1024) res.write(content.subarray(at, at + 64 * 1024));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const link = (filename: string, served: Served) => {
    const path = `/personal/cara_csp_example/_layouts/15/download.aspx/${randomUUID()}/${filename}`;
    files.set(path, served);
    return `${base}${path}?UniqueId=${randomUUID()}&tempauth=v1.secret-token`;
  };
  return {
    put: (filename, content, options = {}) =>
      link(filename, {
        content: Buffer.from(content),
        declareLength: options.declareLength ?? true,
        status: 200,
      }),
    failing: (filename, status) => link(filename, { declareLength: true, status }),
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export interface SharedFile {
  name: string;
  downloadUrl: string;
}

/** The attachments of a personal-chat message with files: each file's download info, then the message as HTML. */
export function fileAttachments(files: readonly SharedFile[], text = ''): Record<string, unknown>[] {
  return [
    ...files.map((file) => ({
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: file.name,
      contentUrl: file.downloadUrl.split('?')[0],
      content: {
        downloadUrl: file.downloadUrl,
        uniqueId: randomUUID(),
        fileType: file.name.split('.').at(-1),
      },
    })),
    { contentType: 'text/html', content: `<p>${text}</p>` },
  ];
}

/** What a channel or group-chat message carries for a shared file: a link in its HTML, nothing to download. */
export function sharedLinkAttachment(file: SharedFile): Record<string, unknown> {
  return {
    contentType: 'text/html',
    content: `<p><a href="${file.downloadUrl.split('?')[0]}">${file.name}</a></p>`,
  };
}
