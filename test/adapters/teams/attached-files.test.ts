import { describe, expect, it } from 'vitest';
import { TEAMS_FILE_DOWNLOAD_INFO } from '../../../src/adapters/teams/ids.js';
import {
  attachedFiles,
  isDownloadAllowed,
  loggableHost,
} from '../../../src/adapters/teams/turns/attached-files.js';

const LINK = 'https://csp.sharepoint.com/personal/cara/_layouts/15/download.aspx?UniqueId=1&tempauth=secret';

describe('attachedFiles', () => {
  it('reads each file Teams attached in the personal chat, in order, and ignores everything else', () => {
    const files = attachedFiles([
      { contentType: TEAMS_FILE_DOWNLOAD_INFO, name: 'actions.csv', content: { downloadUrl: LINK } },
      { contentType: 'text/html', content: '<p>plan import ashfield-2024</p>' },
      { contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/teams/v3/attachments/1' },
      {
        contentType: TEAMS_FILE_DOWNLOAD_INFO,
        name: 'indicators.xlsx',
        content: { downloadUrl: `${LINK}2` },
      },
    ]);
    expect(files).toEqual([
      { filename: 'actions.csv', url: LINK },
      { filename: 'indicators.xlsx', url: `${LINK}2` },
    ]);
  });

  it('names a file by its type when Teams gives no name, and skips one without a link', () => {
    const files = attachedFiles([
      { contentType: TEAMS_FILE_DOWNLOAD_INFO, content: { downloadUrl: LINK, fileType: 'xlsx' } },
      { contentType: TEAMS_FILE_DOWNLOAD_INFO, name: 'broken.csv', content: { uniqueId: 'x' } },
    ]);
    expect(files).toEqual([{ filename: 'attachment.xlsx', url: LINK }]);
    expect(attachedFiles(undefined)).toEqual([]);
  });
});

describe('isDownloadAllowed', () => {
  it.each([
    LINK,
    'https://csp-my.sharepoint.com/personal/cara/Documents/plan.xlsx',
    'https://agency.sharepoint.us/sites/plans/plan.csv',
    'https://contoso.sharepoint-df.com/plan.csv',
  ])('allows SharePoint Online over https: %s', (url) => {
    expect(isDownloadAllowed(url, false)).toBe(true);
  });

  it.each([
    ['plain http', 'http://csp.sharepoint.com/plan.csv'],
    ['a look-alike domain', 'https://evilsharepoint.com/plan.csv'],
    ['SharePoint as a subdomain', 'https://csp.sharepoint.com.elsewhere.example/plan.csv'],
    ['another port', 'https://csp.sharepoint.com:8443/plan.csv'],
    ['credentials in the URL', 'https://someone:pw@csp.sharepoint.com/plan.csv'],
    ['the local fakes, outside the local mode', 'http://127.0.0.1:4000/plan.csv'],
    ['another scheme', 'file:///etc/passwd'],
    ['no URL at all', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isDownloadAllowed(url, false)).toBe(false);
  });

  it('allows 127.0.0.1 and localhost only in the local mode, and no other host there', () => {
    expect(isDownloadAllowed('http://127.0.0.1:4000/plan.csv', true)).toBe(true);
    expect(isDownloadAllowed('http://localhost:4000/plan.csv', true)).toBe(true);
    expect(isDownloadAllowed('http://10.0.0.5/plan.csv', true)).toBe(false);
    expect(isDownloadAllowed('ftp://127.0.0.1/plan.csv', true)).toBe(false);
    expect(isDownloadAllowed(LINK, true)).toBe(true);
  });
});

describe('loggableHost', () => {
  it('keeps the host, never the path or the query', () => {
    expect(loggableHost(LINK)).toBe('csp.sharepoint.com');
    expect(loggableHost('https://csp.sharepoint.com:8443/x?tempauth=secret')).toBe('csp.sharepoint.com:8443');
    expect(loggableHost('not a url')).toBe('an unreadable URL');
  });
});
