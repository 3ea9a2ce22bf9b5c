import { describe, expect, it } from 'vitest';
import { formCallback } from '../../../../src/adapters/slack/actions/open-form.js';
import { VERB_ACTIONS } from '../../../../src/adapters/slack/blocks/verb-actions.js';
import { ACTIONS, CALLBACKS } from '../../../../src/adapters/slack/ids.js';
import { ACTION_UPDATE_FORM_ID } from '../../../../src/app/forms/action-update-form.js';
import { RECORD_MEETING_FORM_ID } from '../../../../src/app/forms/record-meeting-form.js';

describe('formCallback', () => {
  it('sends every registered form to the one registered-form callback', () => {
    for (const id of [
      'schedule-meeting',
      'add-action',
      'progress-update',
      'key-date',
      'close-incident',
      'checklist-item',
      'attendance',
      'signs-of-safety',
    ]) {
      expect(formCallback(id)).toBe(CALLBACKS.registeredForm);
    }
  });

  it('keeps the older forms on their own callbacks', () => {
    expect(formCallback(RECORD_MEETING_FORM_ID)).toBe(CALLBACKS.recordMeeting);
    expect(formCallback(ACTION_UPDATE_FORM_ID)).toBe(CALLBACKS.actionUpdate);
  });

  it('refuses a form nothing would answer, before a modal is opened', () => {
    expect(() => formCallback('no-such-form')).toThrow('no Slack view callback');
  });
});

describe('VERB_ACTIONS', () => {
  it('gives every card verb its own action id', () => {
    const ids = Object.values(VERB_ACTIONS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(VERB_ACTIONS['work-item']).toBe(ACTIONS.workItem);
    expect(Object.values(ACTIONS).sort()).toEqual([...ids].sort());
  });
});
