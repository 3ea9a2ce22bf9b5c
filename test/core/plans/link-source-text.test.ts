import { describe, expect, it } from 'vitest';
import { type IncidentLink, linkSourceText } from '../../../src/core/plans/plan.js';

const link = (over: Partial<IncidentLink>): IncidentLink => ({
  planActionId: 'act-2.3-SV-2027-0042',
  incidentId: 'SV-2027-0042',
  incidentReference: 'SV-2027-0042',
  by: { id: 'cli', name: 'CLI' },
  at: '2027-11-02T10:00:00.000Z',
  ...over,
});

describe('linkSourceText', () => {
  it('names the incident action or the final report’s lesson a plan action came from', () => {
    expect(linkSourceText(link({ incidentActionNumber: '1.2' }))).toBe('SV-2027-0042 action 1.2');
    expect(linkSourceText(link({ incidentLessonNumber: 2 }))).toBe('SV-2027-0042 lesson 2');
  });
});
