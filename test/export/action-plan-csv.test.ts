import { describe, expect, it } from 'vitest';
import { csvField, guardFormula, renderActionPlanCsv } from '../../src/export/action-plan-csv.js';
import { PLAN } from './export-fixtures.js';

describe('renderActionPlanCsv', () => {
  const csv = renderActionPlanCsv(PLAN);

  it('starts with the header and ends every record with CRLF', () => {
    expect(csv.startsWith('No.,Action,Lead,Timescale,Progress update,RAG\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes priority section rows and action rows', () => {
    expect(csv).toContain('\r\n1,PRIORITY 1. Community reassurance,,,,\r\n');
    expect(csv).toContain(
      '1.1,"Increase high-visibility patrols around Market Place, evenings and weekends",Nottinghamshire Police (Insp. Ada Shaw),4 weeks,Open: Patrol plan agreed; first week done,Green\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csv).toContain('"Awaiting print, quote ""B-17"""');
    expect(csv).toContain('"\'-No contact yet\nsecond attempt Tuesday"');
  });

  it('prefixes cells a spreadsheet would run as a formula', () => {
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""click"") support referral"');
    for (const start of ['=', '+', '-', '@', '\t']) expect(guardFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(guardFormula('1.1')).toBe('1.1');
    expect(csvField('+44 1623 450000')).toBe("'+44 1623 450000");
  });

  it('parses back to the same number of columns on every row', () => {
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(6);
    expect(rows[4]![4]).toBe("'-No contact yet\nsecond attempt Tuesday");
  });

  it('adds a byte order mark only when asked', () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(renderActionPlanCsv(PLAN, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });
});

/** A strict RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows.slice(1);
}
