import { describe, expect, it } from 'vitest';
import { renderFinalReportDocx } from '../../src/export/final-report-docx.js';
import { renderMinutesDocx } from '../../src/export/minutes-docx.js';
import { FINAL_REPORT, MINUTES } from './export-fixtures.js';
import { wordText, zipText } from './zip.js';

describe('renderMinutesDocx', () => {
  it('produces a ZIP with a Word document part', async () => {
    const buf = await renderMinutesDocx(MINUTES);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zipText(buf, '[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
  });

  it('contains the headings, agencies, checklist words and decisions', async () => {
    const xml = zipText(await renderMinutesDocx(MINUTES), 'word/document.xml');
    const text = wordText(xml);
    for (const expected of [
      'Initial Tactical Response Meeting — SV-2027-0042',
      'Attendance',
      'Checklist outcomes',
      'Signs of Safety',
      'Decisions',
      'Action plan',
      'Nottinghamshire Police',
      'Nottinghamshire Fire & Rescue',
      '☑ Done',
      '☐ Not done',
      'Decision: Reassess on Friday',
      'Review meeting in one month',
      'PRIORITY 2. Victims and families',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
  });

  it('shades each RAG cell in its colour and writes the RAG word in it', async () => {
    const xml = zipText(await renderMinutesDocx(MINUTES), 'word/document.xml');
    const cells = [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => m[1]!);
    const ragCell = (word: string) => cells.find((c) => wordText(c) === word);
    expect(ragCell('Red')).toMatch(/w:fill="C00000"/);
    expect(ragCell('Amber')).toMatch(/w:fill="FFC000"/);
    expect(ragCell('Green')).toMatch(/w:fill="00B050"/);
  });

  it('marks the table header rows to repeat on each page', async () => {
    const xml = zipText(await renderMinutesDocx(MINUTES), 'word/document.xml');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('writes a multi-line progress update as separate lines, not a literal newline', async () => {
    const xml = zipText(await renderMinutesDocx(MINUTES), 'word/document.xml');
    expect(xml).toMatch(/-No contact yet<\/w:t>.*?<w:br\/><w:t[^>]*>second attempt Tuesday/s);
  });

  it('sets the document title property', async () => {
    const core = zipText(await renderMinutesDocx(MINUTES), 'docProps/core.xml');
    expect(core).toContain('Initial Tactical Response Meeting — SV-2027-0042');
  });
});

describe('renderFinalReportDocx', () => {
  it('contains the sections, met/late outcomes, agencies and RAG words', async () => {
    const text = wordText(zipText(await renderFinalReportDocx(FINAL_REPORT), 'word/document.xml'));
    for (const expected of [
      'Final report — SV-2027-0042',
      'Timeline',
      'Meetings',
      'Final action plan',
      'Lessons learned',
      'Met',
      'Late',
      'Ashfield District Council',
      'Red',
      'Amber',
      'Green',
      'Lesson 1: Notify schools on day one',
      'Lesson 2: Agree the press line before the meeting',
    ]) {
      expect(text).toContain(expected);
    }
  });
});
