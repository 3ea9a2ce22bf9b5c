/**
 * Fetches a file a person attached in chat (a Slack upload, a Teams
 * attachment) so a use case can read it: with a time limit, and never more
 * than `maxBytes`, however large the platform says (or does not say) the
 * file is. A file over the limit is the person's to fix (the caller's
 * `tooLarge` error, such as `planFileTooLarge`); a platform that fails or
 * does not answer is ours (`DownloadError`, for the log and an apology).
 *
 * Redirects are followed by hand, a few at most, each only where the
 * caller's `mayFollow` allows (the host rule that cleared the first URL), and
 * the credentials go to the first URL's origin only.
 */

export interface DownloadOptions {
  /** The file's name, for the person: "ashfield-plan.xlsx is larger than 5 MB". */
  filename: string;
  maxBytes: number;
  /** The error for a file over `maxBytes`, thrown as soon as that many bytes have come. */
  tooLarge: (filename: string) => Error;
  /** The platform's credentials (Slack's bot token); never logged. */
  headers?: Record<string, string>;
  /** The whole download's time limit; default 30 s. */
  timeoutMs?: number;
  /** Whether a redirect may be followed to this address; default: never. */
  mayFollow?: (url: string) => boolean;
}

const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The platform did not hand the file over: its status, or why the request failed. */
export class DownloadError extends Error {
  constructor(
    readonly filename: string,
    reason: string,
  ) {
    super(`Could not download ${filename}: ${reason}`);
    this.name = 'DownloadError';
  }
}

export async function downloadFile(url: string, options: DownloadOptions): Promise<Buffer> {
  const { filename, maxBytes } = options;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  let response = await request(url, options.headers, signal, filename);
  const first = new URL(url).origin;
  let current = new URL(url);
  for (let hops = 0; REDIRECTS.has(response.status); hops += 1) {
    const location = response.headers.get('location');
    await response.body?.cancel();
    const next = location && URL.canParse(location, current.href) ? new URL(location, current) : undefined;
    if (!next || hops >= MAX_REDIRECTS || !options.mayFollow?.(next.toString())) {
      throw new DownloadError(filename, `redirected (HTTP ${response.status}) where Muster does not follow`);
    }
    const headers = next.origin === first ? options.headers : undefined;
    current = next;
    response = await request(next.toString(), headers, signal, filename);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new DownloadError(filename, `HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body.cancel();
    throw options.tooLarge(filename);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      // Stop reading as soon as it is too large: a missing or wrong length is not trusted.
      if (received > maxBytes) throw new TooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof TooLarge) {
      await response.body.cancel().catch(() => {});
      throw options.tooLarge(filename);
    }
    throw new DownloadError(filename, (error as Error).name === 'TimeoutError' ? 'timed out' : 'cut off');
  }
  return Buffer.concat(chunks);
}

async function request(
  url: string,
  headers: Record<string, string> | undefined,
  signal: AbortSignal,
  filename: string,
): Promise<Response> {
  try {
    return await fetch(url, { ...(headers ? { headers } : {}), redirect: 'manual', signal });
  } catch (error) {
    throw new DownloadError(filename, (error as Error).name === 'TimeoutError' ? 'timed out' : 'no answer');
  }
}

class TooLarge extends Error {}
