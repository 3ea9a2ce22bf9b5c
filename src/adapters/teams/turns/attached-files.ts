/**
 * The files a person attached to a message to the bot, and whether Muster
 * may fetch them. Teams hands a bot a file only in its personal chat (the
 * manifest's `supportsFiles`): a `file.download.info` attachment whose
 * `downloadUrl` is pre-authenticated and short-lived, on the person's
 * OneDrive for Business, which is SharePoint Online. It says no size, so the
 * size limit is kept while downloading. Everything else on a message (the
 * `text/html` copy of the message itself, a channel's file links, pasted
 * images behind the connector's token) is not a file Muster can fetch, and
 * is ignored.
 *
 * An activity's URL is the sender's word, so it is fetched only from
 * SharePoint Online's own hosts, over https on the default port:
 * `*.sharepoint.com` (commercial and GCC tenants, OneDrive's `-my` hosts
 * included), `*.sharepoint.us` (GCC High) and `*.sharepoint-df.com`
 * (Microsoft's pre-release ring). Other sovereign clouds (`*.dps.mil`,
 * `*.sharepoint.cn`) are left out until a partnership needs them. In the
 * unauthenticated local mode the Agents Playground and the tests' fakes on
 * 127.0.0.1 or localhost are allowed too, over http or https.
 */
import type { Attachment } from '@microsoft/agents-activity';
import { LOCAL_HOSTS } from '../auth/teams-auth.js';
import { TEAMS_FILE_DOWNLOAD_INFO } from '../ids.js';

export interface AttachedFile {
  filename: string;
  /** The pre-authenticated download link; never logged (its query string is the credential). */
  url: string;
}

const SHAREPOINT_DOMAINS = ['sharepoint.com', 'sharepoint.us', 'sharepoint-df.com'];

interface DownloadInfo {
  downloadUrl?: unknown;
  fileType?: unknown;
}

/** The files attached in the personal chat, in the order they were attached. */
export function attachedFiles(attachments: readonly Attachment[] | undefined): AttachedFile[] {
  const files: AttachedFile[] = [];
  for (const attachment of attachments ?? []) {
    if (attachment.contentType !== TEAMS_FILE_DOWNLOAD_INFO) continue;
    const info = (attachment.content ?? {}) as DownloadInfo;
    if (typeof info.downloadUrl !== 'string') continue;
    const fileType = typeof info.fileType === 'string' ? `.${info.fileType}` : '';
    files.push({ filename: attachment.name || `attachment${fileType}`, url: info.downloadUrl });
  }
  return files;
}

/** Whether Muster may fetch `url`; `local` only in the unauthenticated local mode. */
export function isDownloadAllowed(url: string, local: boolean): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname, port, username, password } = new URL(url);
  if (username || password) return false;
  if (local && LOCAL_HOSTS.includes(hostname)) return protocol === 'http:' || protocol === 'https:';
  return (
    protocol === 'https:' &&
    port === '' &&
    SHAREPOINT_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`))
  );
}

/** The part of a URL that may be logged: no path (it names the person's OneDrive), no query (the credential). */
export function loggableHost(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'an unreadable URL';
}
