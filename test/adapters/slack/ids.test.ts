/**
 * One Bolt listener answers every action and one every modal, matching the
 * shared prefix: an id without it would reach no handler, and Slack would
 * show the person an error.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_PREFIX, ACTIONS, CALLBACKS, PLAN_UPDATE_ACTIONS } from '../../../src/adapters/slack/ids.js';
import { RAGS } from '../../../src/core/actions/rag.js';

describe('Slack ids', () => {
  it('start every action id and modal callback id with the prefix the listeners match', () => {
    for (const id of [...Object.values(ACTIONS), ...Object.values(CALLBACKS)]) {
      expect(id.startsWith(ACTION_PREFIX), id).toBe(true);
    }
    for (const rag of RAGS) expect(`${ACTIONS.planUpdate}_${rag}`).toMatch(PLAN_UPDATE_ACTIONS);
  });

  it('give every action and every modal its own id', () => {
    const actions = Object.values(ACTIONS);
    const callbacks = Object.values(CALLBACKS);
    expect(new Set(actions).size).toBe(actions.length);
    expect(new Set(callbacks).size).toBe(callbacks.length);
  });
});
