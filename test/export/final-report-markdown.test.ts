import { describe, expect, it } from 'vitest';
import { renderFinalReportMarkdown } from '../../src/export/final-report-markdown.js';
import { FINAL_REPORT } from './export-fixtures.js';

describe('renderFinalReportMarkdown', () => {
  const md = renderFinalReportMarkdown(FINAL_REPORT);

  it('states the incident facts including the extra ones in order', () => {
    expect(md).toContain('# Final report — SV-2027-0042');
    expect(md).toContain('| Area | Ashfield |');
    expect(md.indexOf('| SIO | DCI Priya Nair |')).toBeLessThan(md.indexOf('| Closed | Fri 14 May 2027 |'));
  });

  it('shows each milestone as met, late or open and counts them', () => {
    expect(md).toContain('| Notification form within 12 hours | Sun 14 Mar 10:40 | Sun 14 Mar 08:15 | Met |');
    expect(md).toContain('| Initial meeting within 72 hours | Tue 16 Mar 22:40 | Wed 17 Mar 09:00 | Late |');
    expect(md).toContain('| Review meeting | Thu 15 Apr |   | Open |');
    expect(md).toContain('1 met on time, 1 late, 1 open.');
  });

  it('summarises meetings, the final action plan and lessons, numbered', () => {
    expect(md).toContain('### Initial Tactical Response Meeting — Wed 17 Mar 2027');
    expect(md).toContain('**Agencies:** Nottinghamshire Police, Ashfield District Council');
    expect(md).toContain('## Final action plan');
    expect(md).toContain('| Amber |');
    expect(md).toContain(
      '## Lessons learned\n\n- Lesson 1: Notify schools on day one\n- Lesson 2: Agree the press line before the meeting',
    );
  });
});
