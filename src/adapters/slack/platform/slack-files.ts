/**
 * Files people hand Muster on Slack (a modal's file input): what Slack says
 * of each one (`files.info`: name, size and private download URL, asked of
 * Slack rather than read from the submission), then the bytes, fetched with
 * the bot token. The token goes only to Slack's own file host, or to the Web
 * API's host where SLACK_API_URL points elsewhere (the offline fake in
 * tests): a download URL on any other host is refused without a request.
 */
import type { webApi } from '@slack/bolt';
import { type DownloadOptions, downloadFile } from '../../shared/download-file.js';

/** Where Slack serves `url_private_download`. */
const SLACK_FILE_HOSTS = new Set(['files.slack.com']);

export interface SharedFile {
  id: string;
  name: string;
  /** What Slack says the file weighs, checked before anything is downloaded. */
  bytes?: number;
  url: string;
}

/** Slack described a file it will not let the bot download, or at an address Muster does not trust. */
export class UntrustedFileError extends Error {
  constructor(readonly filename: string) {
    super(`Slack's download address for ${filename} is not on Slack's file host; it was not fetched`);
    this.name = 'UntrustedFileError';
  }
}

export interface SlackFilesOptions {
  client: webApi.WebClient;
  token: string;
  /** SLACK_API_URL, when set: its host is trusted too. */
  apiUrl?: string;
}

export class SlackFiles {
  private readonly trustedOrigins: Set<string>;

  constructor(private readonly options: SlackFilesOptions) {
    this.trustedOrigins = new Set(options.apiUrl ? [new URL(options.apiUrl).origin] : []);
  }

  async describe(fileId: string): Promise<SharedFile> {
    const answer = await this.options.client.files.info({ file: fileId });
    const file = answer.file;
    const url = file?.url_private_download ?? file?.url_private;
    if (!file || !url) throw new Error(`Slack described file ${fileId} without a download address`);
    return {
      id: fileId,
      name: file.name ?? fileId,
      ...(typeof file.size === 'number' ? { bytes: file.size } : {}),
      url,
    };
  }

  download(
    file: SharedFile,
    limits: Omit<DownloadOptions, 'filename' | 'headers' | 'mayFollow'>,
  ): Promise<Buffer> {
    if (!this.trusts(file.url)) return Promise.reject(new UntrustedFileError(file.name));
    return downloadFile(file.url, {
      ...limits,
      filename: file.name,
      headers: { authorization: `Bearer ${this.options.token}` },
      mayFollow: (url) => this.trusts(url),
    });
  }

  private trusts(address: string): boolean {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      return false;
    }
    if (this.trustedOrigins.has(url.origin)) return true;
    return url.protocol === 'https:' && SLACK_FILE_HOSTS.has(url.hostname);
  }
}
