import { describe, expect, it } from 'vitest';
import { parseIncidentCommand, USAGE } from '../../../src/app/commands/parse-incident-command.js';

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
    expect(parseIncidentCommand('archive SV-2027-0042')).toEqual({ kind: 'unknown', word: 'archive' });
  });

  it('takes a reference from anywhere after the subcommand, in capitals', () => {
    expect(parseIncidentCommand('actions sv-2027-0042 rag:red')).toEqual({
      kind: 'actions',
      filter: { rag: 'red' },
      reference: 'SV-2027-0042',
    });
    expect(parseIncidentCommand('meeting start review SV-2027-0042')).toEqual({
      kind: 'meeting',
      step: 'start',
      meetingKind: 'review',
      reference: 'SV-2027-0042',
    });
  });

  describe('meetings', () => {
    it('reads schedule, start and end, with an optional kind', () => {
      expect(parseIncidentCommand('meeting schedule')).toEqual({ kind: 'meeting', step: 'schedule' });
      expect(parseIncidentCommand('Meeting Schedule Final')).toEqual({
        kind: 'meeting',
        step: 'schedule',
        meetingKind: 'final',
      });
      expect(parseIncidentCommand('meeting start adhoc')).toEqual({
        kind: 'meeting',
        step: 'start',
        meetingKind: 'ad-hoc',
      });
      expect(parseIncidentCommand('meeting end')).toEqual({ kind: 'meeting', step: 'end' });
    });

    it('refuses a missing step, an unknown kind and words after end, with the usage', () => {
      expect(parseIncidentCommand('meeting')).toEqual({
        kind: 'invalid',
        problem: 'say schedule, start or end',
        usage: USAGE.meeting,
      });
      expect(parseIncidentCommand('meeting begin')).toMatchObject({
        kind: 'invalid',
        problem: expect.stringContaining('"begin"'),
      });
      expect(parseIncidentCommand('meeting start weekly')).toMatchObject({
        kind: 'invalid',
        problem: expect.stringContaining('initial, review, final, ad-hoc'),
      });
      expect(parseIncidentCommand('meeting end review')).toMatchObject({
        kind: 'invalid',
        usage: USAGE.meeting,
      });
    });
  });

  describe('the action plan', () => {
    it('reads action add with an optional priority', () => {
      expect(parseIncidentCommand('action add')).toEqual({ kind: 'action-add' });
      expect(parseIncidentCommand('action add 2')).toEqual({ kind: 'action-add', priority: 2 });
      expect(parseIncidentCommand('action add two')).toMatchObject({ kind: 'invalid', usage: USAGE.action });
      expect(parseIncidentCommand('action remove')).toMatchObject({ kind: 'invalid', usage: USAGE.action });
    });

    it('reads update with an optional action number', () => {
      expect(parseIncidentCommand('update')).toEqual({ kind: 'update' });
      expect(parseIncidentCommand('update 1.2')).toEqual({ kind: 'update', actionNumber: '1.2' });
      expect(parseIncidentCommand('update x')).toMatchObject({
        kind: 'invalid',
        problem: '"x" is not an action number such as 1.2',
      });
      expect(parseIncidentCommand('update 1.2 done')).toMatchObject({ kind: 'invalid', usage: USAGE.update });
    });

    it('reads the filters of actions, yellow as amber', () => {
      expect(parseIncidentCommand('actions')).toEqual({ kind: 'actions', filter: {} });
      expect(parseIncidentCommand('actions agency:police owner:me rag:Yellow status:done all')).toEqual({
        kind: 'actions',
        filter: { agency: 'police', owner: 'me', rag: 'amber', status: 'done', all: true },
      });
      expect(parseIncidentCommand('actions rag:purple')).toMatchObject({
        kind: 'invalid',
        usage: USAGE.actions,
      });
      expect(parseIncidentCommand('actions status:late')).toMatchObject({ kind: 'invalid' });
      expect(parseIncidentCommand('actions owner:')).toMatchObject({ kind: 'invalid' });
      expect(parseIncidentCommand('actions colour:red')).toMatchObject({ kind: 'invalid' });
    });
  });

  describe('exports, key dates, close, reopen and timeline', () => {
    it('reads the three exports', () => {
      expect(parseIncidentCommand('export minutes')).toEqual({ kind: 'export', what: 'minutes' });
      expect(parseIncidentCommand('export minutes Review-1')).toEqual({
        kind: 'export',
        what: 'minutes',
        meetingId: 'review-1',
      });
      expect(parseIncidentCommand('export PLAN')).toEqual({ kind: 'export', what: 'plan' });
      expect(parseIncidentCommand('export report')).toEqual({ kind: 'export', what: 'report' });
      expect(parseIncidentCommand('export')).toMatchObject({ kind: 'invalid', usage: USAGE.export });
      expect(parseIncidentCommand('export slides')).toMatchObject({ kind: 'invalid', usage: USAGE.export });
      expect(parseIncidentCommand('export plan now')).toMatchObject({ kind: 'invalid' });
    });

    it('reads keydate add, close, reopen with a reason, and timeline', () => {
      expect(parseIncidentCommand('keydate add')).toEqual({ kind: 'keydate-add' });
      expect(parseIncidentCommand('keydate')).toMatchObject({ kind: 'invalid', usage: USAGE.keydate });
      expect(parseIncidentCommand('close SV-2027-0042')).toEqual({
        kind: 'close',
        reference: 'SV-2027-0042',
      });
      expect(parseIncidentCommand('close because')).toMatchObject({ kind: 'invalid', usage: USAGE.close });
      expect(parseIncidentCommand('reopen')).toEqual({ kind: 'reopen' });
      expect(parseIncidentCommand('reopen court date set for March')).toEqual({
        kind: 'reopen',
        reason: 'court date set for March',
      });
      expect(parseIncidentCommand('timeline')).toEqual({ kind: 'timeline' });
      expect(parseIncidentCommand('timeline all')).toMatchObject({ kind: 'invalid', usage: USAGE.timeline });
    });
  });
});
