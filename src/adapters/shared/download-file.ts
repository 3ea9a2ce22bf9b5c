/**
 * Fetches a file a person attached in chat (a Slack upload, a Teams
 * attachment) so a use case can read it: with a time limit, and never more
 * than `maxBytes`, however large the platform says (or does not say) the
 * file is. A file over the limit is the person's to fix (the caller's
 * `tooLarge` error, such as `planFileTooLarge`); a platform that fails or
 * does not answer is ours (`DownloadError`, for the log and an apology).
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
}

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
  let response: Response;
  try {
    response = await fetch(url, {
      ...(options.headers ? { headers: options.headers } : {}),
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new DownloadError(filename, (error as Error).name === 'TimeoutError' ? 'timed out' : 'no answer');
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

class TooLarge extends Error {}
