import { describe, expect, it } from 'vitest';
import { renderMinutesMarkdown } from '../../src/export/minutes-markdown.js';
import { MINUTES } from './export-fixtures.js';

describe('renderMinutesMarkdown', () => {
  const md = renderMinutesMarkdown(MINUTES);

  it('puts the meeting and incident reference in the title and the facts under it', () => {
    expect(md.startsWith('# Initial Tactical Response Meeting — SV-2027-0042\n')).toBe(true);
    expect(md).toContain('**Chair:** DCI Priya Nair (SIO)');
    expect(md).toContain('**Occurred:** Sat 13 Mar 2027, 22:40');
  });

  it('lists attendance by agency with present and apologies', () => {
    expect(md).toContain('| Ashfield District Council | Tom Reed | Jo Bell |');
    expect(md).toContain('| Nottinghamshire Fire & Rescue |   | Sam Hart |');
  });

  it('writes each checklist item as a box and a word, with assignee, notes and decisions', () => {
    expect(md).toContain('- [x] Community tension assessment completed — Done');
    expect(md).toContain('- [ ] Schools in the area informed — Not done');
    expect(md).toContain('  - Decision: Reassess on Friday');
    expect(md).toContain('  - Assigned to: Education');
  });

  it('includes the three Signs of Safety columns and the scale', () => {
    expect(md).toContain('### What are we worried about?\n\n- Retaliation between two groups');
    expect(md).toContain('**Safety scale:** 4 / 10');
  });

  it('leaves Signs of Safety out when the meeting did not use it', () => {
    expect(renderMinutesMarkdown({ ...MINUTES, signsOfSafety: undefined })).not.toContain('Signs of Safety');
  });

  it('renders the action plan with bold priority rows and the RAG word', () => {
    expect(md).toContain('| No. | Action | Lead | Timescale | Progress update | RAG |');
    expect(md).toContain('| **1** | **PRIORITY 1. Community reassurance** |');
    expect(md).toContain('| 1.1 | Increase high-visibility patrols');
    expect(md).toContain(
      '| Nottinghamshire Police (Insp. Ada Shaw) | 4 weeks | Open: Patrol plan agreed; first week done | Green |',
    );
    expect(md).toMatch(/\| Red \|\n/);
  });

  it('keeps a multi-line progress update inside its table cell', () => {
    expect(md).toContain('-No contact yet<br>second attempt Tuesday');
  });

  it('escapes Markdown in typed text so a pipe cannot break the table', () => {
    const doc = {
      ...MINUTES,
      decisions: ['Use <b>bold</b> | *never*'],
      attendance: [{ agency: 'A|B', present: ['x'], apologies: [] }],
    };
    const out = renderMinutesMarkdown(doc);
    expect(out).toContain('- Use \\<b\\>bold\\</b\\> \\| \\*never\\*');
    expect(out).toContain('| A\\|B | x |   |');
  });

  it('says so when nothing was decided or agreed', () => {
    const out = renderMinutesMarkdown({
      ...MINUTES,
      decisions: [],
      actionPlan: { ...MINUTES.actionPlan, priorities: [] },
    });
    expect(out).toContain('## Decisions\n\n_None recorded._');
    expect(out).toContain('_No actions agreed yet._');
  });

  it('lists the circulation (attendees and List 1)', () => {
    expect(md).toContain('## Circulation\n\n- Attendees\n- List 1 agencies');
  });
});
