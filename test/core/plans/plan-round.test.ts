import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarFor } from '../../../src/core/calendar/working-calendar.js';
import { ErrorCode, isMusterError } from '../../../src/core/errors.js';
import {
  answerRound,
  chasesDue,
  closeDueRound,
  recordChases,
  startRound,
} from '../../../src/core/plans/plan-round.js';
import { defaultProtocol } from '../../../src/core/protocol/default-protocol.js';
import { makeAction } from '../../fixtures/action-factory.js';
import { makePlan, PLAN_CREATOR } from '../../fixtures/plan-factory.js';

const calendar = calendarFor(defaultProtocol);
const at = (iso: string) => DateTime.fromISO(iso);

function started() {
  // Fri 23 Aug 2024; Mon 26 Aug is the summer bank holiday.
  return startRound(makePlan({ actions: [makeAction('1.1'), makeAction('1.2', { status: 'done' })] }), {
    quarter: '2024/25 Q2',
    deadline: '2024-08-30T16:00:00.000Z',
    by: PLAN_CREATOR,
    at: '2024-08-23T09:00:00.000Z',
  });
}

describe('plan rounds', () => {
  it('asks only the leads of live actions', () => {
    expect(started().round.requests.map((q) => q.actionNumber)).toEqual(['1.1']);
  });

  it('chases on working days only: not the start day, the weekend or a bank holiday', () => {
    const { round } = started();
    expect(chasesDue(round, at('2024-08-23T15:00:00+01:00'), calendar)).toEqual([]); // start day
    expect(chasesDue(round, at('2024-08-24T10:00:00+01:00'), calendar)).toEqual([]); // Saturday
    expect(chasesDue(round, at('2024-08-26T10:00:00+01:00'), calendar)).toEqual([]); // bank holiday
    expect(chasesDue(round, at('2024-08-27T10:00:00+01:00'), calendar).map((q) => q.actionNumber)).toEqual([
      '1.1',
    ]);
  });

  it('chases a lead once a day and not after the deadline', () => {
    const { plan, round } = started();
    const chased = recordChases(plan, round.id, ['action-1.1'], '2024-08-27');
    const after = chased.rounds[0]!;
    expect(chasesDue(after, at('2024-08-27T15:00:00+01:00'), calendar)).toEqual([]);
    expect(chasesDue(after, at('2024-08-28T09:00:00+01:00'), calendar)).toHaveLength(1);
    expect(chasesDue(after, at('2024-08-30T17:00:00+01:00'), calendar)).toEqual([]);
  });

  it('closes only once the deadline has passed, and marks a later answer late', () => {
    const { plan } = started();
    expect(closeDueRound(plan, '2024-08-30T15:59:00.000Z')).toBeUndefined();
    const closed = closeDueRound(plan, '2024-08-30T16:00:00.000Z')!;
    expect(closed.round).toMatchObject({ status: 'closed', closedAt: '2024-08-30T16:00:00.000Z' });
    const late = answerRound(closed.plan, {
      actionNumber: '1.1',
      text: 'Done at last.',
      rag: 'green',
      by: PLAN_CREATOR,
      at: '2024-09-02T09:00:00.000Z',
    });
    expect(late.late).toBe(true);
    expect(late.round?.requests[0]).toMatchObject({ late: true, answeredAt: '2024-09-02T09:00:00.000Z' });
  });

  it('refuses a deadline in the past and a plan with nothing open', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return isMusterError(error) ? error.code : error;
      }
      return undefined;
    };
    const input = { quarter: 'Q', by: PLAN_CREATOR, at: '2024-08-23T09:00:00.000Z' };
    expect(refusal(() => startRound(makePlan(), { ...input, deadline: '2024-08-01T00:00:00.000Z' }))).toBe(
      ErrorCode.InvalidInput,
    );
    const allDone = makePlan({ actions: [makeAction('1.1', { status: 'done' })] });
    expect(refusal(() => startRound(allDone, { ...input, deadline: '2024-09-01T00:00:00.000Z' }))).toBe(
      ErrorCode.InvalidTransition,
    );
  });
});
