import { describe, expect, it } from 'vitest';
import { ErrorCode, isMusterError } from '../../../src/core/errors.js';
import {
  canTransition,
  type Incident,
  reopen,
  statusAfterMeeting,
  transition,
} from '../../../src/core/incident/incident.js';
import { formatReference, parseReference } from '../../../src/core/incident/reference.js';

const base = { reference: 'SV-2027-0042', status: 'open' } as Incident;

describe('incident lifecycle', () => {
  it('follows open → initial-held → review-held → final-held → closed', () => {
    let incident = base;
    for (const next of ['initial-held', 'review-held', 'final-held', 'closed'] as const) {
      incident = transition(incident, next);
      expect(incident.status).toBe(next);
    }
  });

  it('allows several review meetings before the final one', () => {
    expect(canTransition('review-held', 'review-held')).toBe(true);
  });

  it('refuses an impossible move with a coded error that names the incident', () => {
    try {
      transition(base, 'final-held');
      expect.unreachable();
    } catch (error) {
      expect(isMusterError(error, ErrorCode.InvalidTransition)).toBe(true);
      expect((error as Error).message).toBe('SV-2027-0042 is open; it cannot move to final-held.');
    }
  });

  it('tells the user to reopen a closed incident before changing it', () => {
    const closed = transition({ ...base, status: 'review-held' }, 'closed');
    expect(() => transition(closed, 'final-held')).toThrow(/Reopen it first/);
  });

  it('reopens a closed incident where it left off', () => {
    const closed = transition({ ...base, status: 'review-held' }, 'closed');
    expect(reopen(closed).status).toBe('review-held');
    expect(reopen(closed).statusBeforeClose).toBeUndefined();
    expect(() => reopen(base)).toThrow(/not closed/);
  });

  it('moves the status for initial, review and final meetings only', () => {
    expect(statusAfterMeeting('initial')).toBe('initial-held');
    expect(statusAfterMeeting('final')).toBe('final-held');
    expect(statusAfterMeeting('ad-hoc')).toBeUndefined();
  });
});

describe('incident references', () => {
  it('formats SV-YYYY-NNNN and parses it back', () => {
    expect(formatReference(2027, 42)).toBe('SV-2027-0042');
    expect(formatReference(2027, 12345)).toBe('SV-2027-12345');
    expect(parseReference('sv-2027-0042')).toEqual({ year: 2027, sequence: 42 });
  });

  it('refuses malformed references and sequences', () => {
    expect(parseReference('SV-27-42')).toBeUndefined();
    expect(() => formatReference(2027, 0)).toThrow(/whole number/);
  });
});
