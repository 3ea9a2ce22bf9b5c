/**
 * Escaping for text that people typed (action descriptions, notes, names)
 * before it goes into Markdown: without it a stray `|` breaks a table row and
 * `<`, `*`, `[` change how a chat client or renderer shows the minutes.
 */

const SPECIAL = /[\\`*_[\]<>|#]/g;

/** Inline text: Markdown punctuation escaped, line breaks kept as spaces. */
export function mdText(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A table cell: as `mdText`, but line breaks become `<br>` so a multi-line note stays in its cell. */
export function mdCell(text: string): string {
  const escaped = text.replace(SPECIAL, (c) => `\\${c}`);
  const cell = escaped
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('<br>');
  return cell === '' ? ' ' : cell;
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

export function mdBullets(items: readonly string[], none = 'None recorded.'): string[] {
  return items.length === 0 ? [`_${none}_`] : items.map((item) => `- ${mdText(item)}`);
}
