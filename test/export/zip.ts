/**
 * Reads one file out of a DOCX/XLSX (both are ZIPs) for assertions. Uses
 * fflate, which `docx` already depends on; tests only, never src.
 */
import { strFromU8, unzipSync } from 'fflate';

export function zipText(zip: Buffer, path: string): string {
  const files = unzipSync(new Uint8Array(zip), { filter: (f) => f.name === path });
  const file = files[path];
  if (!file) throw new Error(`${path} not in archive`);
  return strFromU8(file);
}

/** The visible text of a Word XML part: every <w:t> joined, so split runs still match. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join(' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
