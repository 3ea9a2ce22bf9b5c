/**
 * The modal renderer: one input block per form field, keyed by the field id,
 * the right Block Kit element for each kind, and Slack's limits kept.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fitText, formModal, SLACK_LIMITS } from '../../../../src/adapters/slack/modals/form-modal.js';
import { readMetadata } from '../../../../src/adapters/slack/modals/form-submission.js';
import type { FormDefinition } from '../../../../src/app/forms/form-model.js';
import { newIncidentForm } from '../../../../src/app/forms/new-incident-form.js';
import { recordMeetingForm } from '../../../../src/app/forms/record-meeting-form.js';
import { testDirectory } from '../../../fakes/test-directory.js';
import { makeIncident } from '../../../fixtures/incident-factory.js';

const NOW = DateTime.fromISO('2027-08-28T09:20:00', { zone: 'Europe/London' });

type Input = {
  type: 'input';
  block_id: string;
  optional: boolean;
  element: Record<string, unknown>;
  label: { text: string };
};
const inputs = (form: FormDefinition) =>
  formModal(form, 'cb').blocks.filter((b): b is never => b.type === 'input') as Input[];

describe('formModal', () => {
  it('renders the notification form with a block per field, block and action id both the field id', () => {
    const form = newIncidentForm(testDirectory(), NOW, 'U123');
    const blocks = inputs(form);

    expect(blocks.map((b) => b.block_id)).toEqual(form.fields.map((f) => f.id));
    for (const block of blocks) expect(block.element.action_id).toBe(block.block_id);
    const kinds = Object.fromEntries(blocks.map((b) => [b.block_id, b.element.type]));
    expect(kinds).toEqual({
      occurredAt: 'datetimepicker',
      area: 'static_select',
      location: 'plain_text_input',
      category: 'static_select',
      description: 'plain_text_input',
      weapon: 'static_select',
      sio: 'users_select',
      reportedBy: 'users_select',
      knockOnAreas: 'multi_static_select',
    });
  });

  it('presets values: the date-time in Unix seconds, the reporter, select options', () => {
    const blocks = inputs(newIncidentForm(testDirectory(), NOW, 'U123'));
    const el = (id: string) => blocks.find((b) => b.block_id === id)!.element;

    // The form starts at the top of the hour: 09:00 BST is 08:00 UTC.
    expect(el('occurredAt').initial_date_time).toBe(Date.parse('2027-08-28T08:00:00Z') / 1000);
    expect(el('reportedBy').initial_user).toBe('U123');
    expect(el('area').options).toEqual([
      { text: { type: 'plain_text', text: 'Corby', emoji: true }, value: 'corby' },
      { text: { type: 'plain_text', text: 'Kettering', emoji: true }, value: 'kettering' },
      { text: { type: 'plain_text', text: 'Wellingborough', emoji: true }, value: 'wellingborough' },
    ]);
    expect(el('description')).toMatchObject({ multiline: true, max_length: 2000 });
    expect(el('location')).toMatchObject({ multiline: false, max_length: 200 });
  });

  it('marks optional fields optional and carries hints', () => {
    const blocks = inputs(newIncidentForm(testDirectory(), NOW));
    const block = (id: string) => blocks.find((b) => b.block_id === id)!;
    expect(block('knockOnAreas').optional).toBe(true);
    expect(block('area').optional).toBe(false);
    expect(block('occurredAt')).toMatchObject({ hint: { text: expect.stringContaining('30 days') } });
  });

  it('uses the short title where the form has one, and keeps titles within 24 characters at a word boundary', () => {
    const form = newIncidentForm(testDirectory(), NOW);
    const view = formModal(form, 'cb');
    expect(view.title.text).toBe('Report an incident');
    expect(view.submit?.text).toBe('Notify the CSP');
    const { shortTitle: _short, ...long } = form;
    const fitted = formModal(long, 'cb').title.text;
    expect(fitted.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    expect(fitted).toBe('Report a serious…');
    expect(fitText('short', 24)).toBe('short');
  });

  it('carries the form id and context in private_metadata, and presets a select from `initial`', () => {
    const incident = makeIncident({
      reference: 'SV-2027-0042',
      id: 'SV-2027-0042',
      sio: { id: 'slack:USIO', name: 'DCI Patel' },
    });
    const form = recordMeetingForm(incident, NOW, { kind: 'review', platform: 'slack' });
    const view = formModal(form, 'muster_record_meeting_form');

    expect(readMetadata(view)).toEqual({ formId: 'record-meeting', context: { reference: 'SV-2027-0042' } });
    const kind = inputs(form).find((b) => b.block_id === 'kind')!.element;
    expect(kind.initial_option).toMatchObject({ value: 'review' });
    const chair = inputs(form).find((b) => b.block_id === 'chair')!.element;
    expect(chair.initial_user).toBe('USIO');
  });

  it('refuses a choice Slack would cut, rather than send back a different value', () => {
    const form: FormDefinition = {
      id: 'f',
      title: 'T',
      submitLabel: 'Go',
      fields: [
        {
          id: 'x',
          label: 'X',
          kind: 'select',
          required: true,
          choices: [{ value: 'v'.repeat(151), label: 'V' }],
        },
      ],
    };
    expect(() => formModal(form, 'cb')).toThrow(/150/);
  });
});
