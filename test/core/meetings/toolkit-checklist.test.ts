import { describe, expect, it } from 'vitest';
import { SIGNS_OF_SAFETY_COLUMNS } from '../../../src/core/meetings/signs-of-safety.js';
import { TOOLKIT_SECTIONS } from '../../../src/core/meetings/toolkit-checklist.js';

describe('the toolkit checklist (seed 002)', () => {
  it('has the seed’s sections, in the seed’s order', () => {
    expect(TOOLKIT_SECTIONS.map((s) => s.title)).toEqual([
      'Incident reporting',
      'Incident categorisation',
      'Develop and implement response plan',
      'Communications planning and implementation',
      'Health planning',
      'Community liaison',
      'Relationship mapping',
      'Education engagement',
      'Review and ongoing management',
    ]);
  });

  it('quotes the seed’s items and gives each a unique id within its section', () => {
    const reporting = TOOLKIT_SECTIONS[0]!;
    expect(reporting.items[0]?.text).toMatch(/^Where has the critical incident notification come from/);
    expect(TOOLKIT_SECTIONS.find((s) => s.id === 'education-engagement')?.items.map((i) => i.text)).toEqual([
      'Alert schools of victims, perpetrators, witnesses etc',
      'Support schools with critical incident plan',
      'Deploy therapeutic services to schools',
    ]);
    for (const section of TOOLKIT_SECTIONS) {
      expect(section.items.length).toBeGreaterThan(0);
      expect(new Set(section.items.map((i) => i.id)).size).toBe(section.items.length);
    }
    expect(new Set(TOOLKIT_SECTIONS.map((s) => s.id)).size).toBe(TOOLKIT_SECTIONS.length);
  });

  it('frames Signs of Safety in seed 000’s three questions', () => {
    expect(SIGNS_OF_SAFETY_COLUMNS.map((c) => c.title)).toEqual([
      'What are we worried about?',
      "What's working well?",
      'What needs to happen?',
    ]);
  });
});
