import { describe, expect, it } from 'vitest';
import { parseIncidentCommand } from '../../../src/app/commands/parse-incident-command.js';

describe('the /incident grammar', () => {
  it('opens the form for nothing or "new"', () => {
    expect(parseIncidentCommand('')).toEqual({ kind: 'new' });
    expect(parseIncidentCommand(undefined)).toEqual({ kind: 'new' });
    expect(parseIncidentCommand('  NEW ')).toEqual({ kind: 'new' });
  });

  it('reads status with or without a reference', () => {
    expect(parseIncidentCommand('status')).toEqual({ kind: 'status' });
    expect(parseIncidentCommand('status sv-2027-0042')).toEqual({
      kind: 'status',
      reference: 'sv-2027-0042',
    });
  });

  it('reads list and help, and calls anything else unknown', () => {
    expect(parseIncidentCommand('list')).toEqual({ kind: 'list' });
    expect(parseIncidentCommand('Help')).toEqual({ kind: 'help' });
    expect(parseIncidentCommand('close SV-2027-0042')).toEqual({ kind: 'unknown', word: 'close' });
  });
});
