/**
 * Opens a generated DOCX in LibreOffice (headless → PDF) to prove a real word
 * processor reads it, renders page 1 and checks the PDF text. Needs
 * `soffice` and poppler (`pdftoppm`, `pdftotext`); CI installs them with
 * `apt-get install -y libreoffice-writer poppler-utils`. Skipped, with the
 * reason in the test name, where they are missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMinutesDocx } from '../../src/export/minutes-docx.js';
import { MINUTES } from './export-fixtures.js';

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const soffice = ['soffice', 'libreoffice'].find(onPath);
const poppler = onPath('pdftoppm') && onPath('pdftotext');
const missing = [soffice ? '' : 'soffice/libreoffice', poppler ? '' : 'pdftoppm/pdftotext'].filter(Boolean);
const reason = missing.length === 0 ? '' : ` (skipped: ${missing.join(' and ')} not on PATH)`;
// Said out loud too, since the default reporter shows a skipped file only as a count.
if (reason) console.warn(`LibreOffice round trip${reason}`);
// CI installs LibreOffice, so there a missing one is a failure, not a quiet skip.
const required = process.env.MUSTER_REQUIRE_LIBREOFFICE === '1';

describe('minutes DOCX in LibreOffice', () => {
  it.runIf(required && missing.length > 0)('is required in CI but LibreOffice is missing', () => {
    expect.fail(`MUSTER_REQUIRE_LIBREOFFICE=1 and ${missing.join(' and ')} not on PATH`);
  });

  it.skipIf(missing.length > 0)(
    `converts to a PDF whose text has the heading and an agency${reason}`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'muster-lo-'));
      try {
        const docx = join(dir, 'minutes.docx');
        await writeFile(docx, await renderMinutesDocx(MINUTES));
        // A private profile directory: a second soffice sharing the user's profile would hang.
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            docx,
          ],
          { stdio: 'ignore', timeout: 120_000 },
        );
        const pdf = join(dir, 'minutes.pdf');
        expect((await stat(pdf)).size).toBeGreaterThan(1000);

        execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
        const pngs = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png'));
        expect(pngs).toHaveLength(1);

        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expect(text).toContain('Initial Tactical Response Meeting');
        expect(text).toContain('Ashfield District Council');
        expect(text).toContain('Amber');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
