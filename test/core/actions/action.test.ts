import { describe, expect, it } from 'vitest';
import {
  type Action,
  changeStatus,
  filterActions,
  findAction,
  nextActionNumber,
  recordProgress,
} from '../../../src/core/actions/action.js';
import { isMusterError } from '../../../src/core/errors.js';
import { ACTION_OWNER, makeAction } from '../../fixtures/action-factory.js';

const PAT = ACTION_OWNER;
const NIA = { id: 'console:nia', name: 'Nia NHFT' };

describe('nextActionNumber', () => {
  it('numbers actions under their priority, as seed 004 does', () => {
    const actions = [makeAction('1.1'), makeAction('1.2'), makeAction('2.1')];
    expect(nextActionNumber(actions, 1)).toBe('1.3');
    expect(nextActionNumber(actions, 2)).toBe('2.2');
    expect(nextActionNumber(actions, 3)).toBe('3.1');
  });

  it('never reuses the number of a dropped action', () => {
    const actions = [makeAction('1.1'), makeAction('1.2', { status: 'dropped' })];
    expect(nextActionNumber(actions, 1)).toBe('1.3');
  });

  it('refuses a priority that is not a whole number from 1', () => {
    expect(() => nextActionNumber([], 0)).toThrow(/numbered 1, 2, 3/);
  });
});

describe('progress and RAG transitions', () => {
  it('records who moved the RAG, when, and from what', () => {
    const action = recordProgress(makeAction('1.1'), {
      text: 'Patrols reduced',
      rag: 'amber',
      by: NIA,
      at: '2027-09-03T10:00:00.000Z',
    });
    expect(action.rag).toBe('amber');
    expect(action.updates).toEqual([
      {
        text: 'Patrols reduced',
        rag: 'amber',
        previousRag: 'green',
        by: NIA,
        at: '2027-09-03T10:00:00.000Z',
      },
    ]);
  });

  it('keeps the RAG when an update does not give one', () => {
    const action = recordProgress(makeAction('1.1', { rag: 'red' }), { text: 'Chased', by: NIA, at: 't' });
    expect(action.rag).toBe('red');
    expect(action.updates[0]).not.toHaveProperty('previousRag');
  });

  it('keeps status changes in the same history', () => {
    const action = changeStatus(makeAction('1.1'), { status: 'done', by: PAT, at: 't' });
    expect(action.status).toBe('done');
    expect(action.updates[0]).toMatchObject({
      status: 'done',
      previousStatus: 'open',
      text: 'Status open → done.',
    });
  });

  it('names the actions there are when the number is unknown', () => {
    try {
      findAction([makeAction('1.1')], '4.2');
      expect.unreachable();
    } catch (e) {
      expect(isMusterError(e, 'invalid_input')).toBe(true);
      expect((e as { details: unknown }).details).toEqual([
        { path: 'actionNumber', message: 'no action 4.2 (actions: 1.1)' },
      ]);
    }
  });
});

describe('filterActions', () => {
  const actions = [
    makeAction('10.1'),
    makeAction('2.1', { leadAgency: 'nhft', owner: NIA, rag: 'red' }),
    makeAction('1.2', { status: 'done' }),
    makeAction('1.1', { rag: 'amber', status: 'in-progress' }),
  ];
  const numbers = (list: Action[]) => list.map((a) => a.number);

  it('lists in plan order', () => {
    expect(numbers(filterActions(actions))).toEqual(['1.1', '1.2', '2.1', '10.1']);
  });
  it('filters by agency, owner (actor or contact id), RAG and status', () => {
    expect(numbers(filterActions(actions, { agency: 'nhft' }))).toEqual(['2.1']);
    expect(numbers(filterActions(actions, { owner: 'pat-police' }))).toEqual(['1.1', '1.2', '10.1']);
    expect(numbers(filterActions(actions, { owner: 'console:nia' }))).toEqual(['2.1']);
    expect(numbers(filterActions(actions, { rag: 'amber' }))).toEqual(['1.1']);
    expect(numbers(filterActions(actions, { status: ['open', 'in-progress'] }))).toEqual([
      '1.1',
      '2.1',
      '10.1',
    ]);
    expect(numbers(filterActions(actions, { agency: 'police', status: 'done' }))).toEqual(['1.2']);
  });
});
