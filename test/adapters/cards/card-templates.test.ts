/**
 * Reading a submitted Adaptive Card form back: what Action.Submit posts (input
 * id → string, a multi-select comma-separated, a datetime as a date and a time
 * input) becomes the same FormSubmission the Slack modal gives, with instants
 * in London's offset of the day.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  expandCard,
  postedFormId,
  readCardAction,
  readFormSubmission,
} from '../../../src/adapters/cards/card-templates.js';
import type { FormDefinition } from '../../../src/app/forms/form-model.js';
import { checkNewIncident, newIncidentForm } from '../../../src/app/forms/new-incident-form.js';
import { recordMeetingForm } from '../../../src/app/forms/record-meeting-form.js';
import { instantSchema } from '../../../src/app/validate-input.js';
import { SIO, testDeps } from '../../app/harness.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { testDirectory } from '../../fakes/test-directory.js';
import { makeIncident } from '../../fixtures/incident-factory.js';

const NOW = DateTime.fromISO('2027-08-28T09:00:00+01:00', { setZone: true });
const incidentForm = () => newIncidentForm(testDirectory(), NOW);
const meetingForm = () => recordMeetingForm(makeIncident({ reference: 'SV-2027-0041' }), NOW);

/** What Teams posts for the notification form, filled in; `overrides` replace or (undefined) remove inputs. */
function posted(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = {
    formId: 'new-incident',
    context: {},
    occurredAt__date: '2027-08-27',
    occurredAt__time: '15:00',
    area: 'corby',
    location: 'Market Street',
    category: 'gold-group',
    description: 'A stabbing outside a takeaway.',
    weapon: 'knife',
    sio: 'U0SIO',
    reportedBy: 'U0SIO',
    knockOnAreas: 'kettering,wellingborough',
    ...overrides,
  };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete data[key];
  return data;
}

const at = (form: FormDefinition, date: string, time: string, zone?: string) =>
  readFormSubmission(form, { at__date: date, at__time: time }, zone).values.at;

describe('readFormSubmission', () => {
  it('reads every field of the notification form by its id', () => {
    expect(readFormSubmission(incidentForm(), posted())).toEqual({
      formId: 'new-incident',
      context: {},
      values: {
        occurredAt: '2027-08-27T15:00:00.000+01:00',
        area: 'corby',
        location: 'Market Street',
        category: 'gold-group',
        description: 'A stabbing outside a takeaway.',
        weapon: 'knife',
        sio: 'U0SIO',
        reportedBy: 'U0SIO',
        knockOnAreas: ['kettering', 'wellingborough'],
      },
    });
  });

  it('splits a comma-separated multi-select, and reads one choice or none', () => {
    const read = (knockOnAreas: unknown) =>
      readFormSubmission(incidentForm(), posted({ knockOnAreas })).values.knockOnAreas;
    expect(read('kettering')).toEqual(['kettering']);
    expect(read(' kettering , corby ')).toEqual(['kettering', 'corby']);
    expect(read(['corby'])).toEqual(['corby']);
    expect(read('')).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
  });

  it('reads a summer date and time as BST and a winter one as GMT', () => {
    expect(at(meetingForm(), '2027-08-27', '15:00')).toBe('2027-08-27T15:00:00.000+01:00');
    expect(at(meetingForm(), '2027-12-06', '09:30')).toBe('2027-12-06T09:30:00.000+00:00');
  });

  it('uses the offset of the day itself on the days the clocks change', () => {
    // Sun 28 Mar 2027: 00:30 is still GMT, 03:00 already BST.
    expect(at(meetingForm(), '2027-03-28', '00:30')).toBe('2027-03-28T00:30:00.000+00:00');
    expect(at(meetingForm(), '2027-03-28', '03:00')).toBe('2027-03-28T03:00:00.000+01:00');
    // 01:30 does not exist that night; luxon moves it on by the hour the clocks skipped.
    expect(at(meetingForm(), '2027-03-28', '01:30')).toBe('2027-03-28T02:30:00.000+01:00');
    // Sun 31 Oct 2027: 01:30 happens twice; the first (BST) is taken.
    expect(at(meetingForm(), '2027-10-31', '01:30')).toBe('2027-10-31T01:30:00.000+01:00');
    expect(at(meetingForm(), '2027-10-31', '03:00')).toBe('2027-10-31T03:00:00.000+00:00');
  });

  it('reads the time in the zone it is given', () => {
    expect(at(meetingForm(), '2027-08-27', '15:00', 'America/New_York')).toBe(
      '2027-08-27T15:00:00.000-04:00',
    );
  });

  it('accepts a time with seconds, as some clients send', () => {
    expect(at(meetingForm(), '2027-08-27', '15:00:00')).toBe('2027-08-27T15:00:00.000+01:00');
  });

  it('hands on half a date and time as it is, so the use case refuses it rather than guessing midnight', () => {
    const dateOnly = readFormSubmission(incidentForm(), posted({ occurredAt__time: '' })).values.occurredAt;
    const timeOnly = readFormSubmission(incidentForm(), posted({ occurredAt__date: undefined })).values
      .occurredAt;
    expect(dateOnly).toBe('2027-08-27');
    expect(timeOnly).toBe('15:00');
    expect(instantSchema.safeParse(dateOnly).success).toBe(false);
    expect(instantSchema.safeParse(timeOnly).success).toBe(false);
    const garbled = at(meetingForm(), '2027-02-30', '15:00');
    expect(instantSchema.safeParse(garbled).success).toBe(false);
  });

  it('accepts an instant posted under the field id itself, from a platform without split inputs', () => {
    const values = readFormSubmission(meetingForm(), { at: '2027-08-27T15:00:00+01:00' }).values;
    expect(values.at).toBe('2027-08-27T15:00:00+01:00');
  });

  it('leaves missing and blank optional fields undefined', () => {
    const values = readFormSubmission(meetingForm(), {
      kind: 'initial',
      held: 'held',
      chair: '   ',
      at__date: '',
      at__time: '',
    }).values;
    expect(values).toEqual({ kind: 'initial', held: 'held', chair: undefined, at: undefined });
    const without = readFormSubmission(incidentForm(), posted({ knockOnAreas: undefined, location: '' }));
    expect(without.values.knockOnAreas).toBeUndefined();
    expect(without.values.location).toBeUndefined();
  });

  it('reads only the form fields, ignoring what else the platform posts', () => {
    const values = readFormSubmission(meetingForm(), {
      kind: 'review',
      verb: 'snooze',
      msteams: { x: 1 },
    }).values;
    expect(Object.keys(values).sort()).toEqual(['at', 'chair', 'held', 'kind']);
  });

  it('takes the context that travelled with the card, else the form’s own', () => {
    const form = meetingForm();
    expect(readFormSubmission(form, { context: { reference: 'SV-2027-0099', n: 3 } }).context).toEqual({
      reference: 'SV-2027-0099',
    });
    expect(readFormSubmission(form, {}).context).toEqual({ reference: 'SV-2027-0041' });
    expect(readFormSubmission(form, { context: 'nonsense' }).context).toEqual({ reference: 'SV-2027-0041' });
  });

  it('round-trips the form’s initial values through the card', () => {
    const form = meetingForm();
    const inputs = new Map<string, unknown>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const n = node as Record<string, unknown>;
        if (typeof n.type === 'string' && n.type.startsWith('Input.') && 'value' in n)
          inputs.set(String(n.id), n.value);
        Object.values(n).forEach(visit);
      }
    };
    visit(expandCard({ kind: 'form', form }));
    const values = readFormSubmission(form, Object.fromEntries(inputs)).values;
    expect(values.at).toBe(form.fields.find((f) => f.id === 'at')?.initial);
    expect(values.kind).toBe('initial');
    expect(values.held).toBe('held');
  });

  it('gives the notification form check what it needs to accept a filled-in card', () => {
    const deps = testDeps(new InMemoryStore());
    const submission = readFormSubmission(incidentForm(), posted());
    const check = checkNewIncident(deps, submission, { sio: SIO, reportedBy: SIO });
    expect(check).toEqual({
      input: expect.objectContaining({ knockOnAreas: ['kettering', 'wellingborough'] }),
    });
  });
});

describe('what a card posts back', () => {
  it('names the form it came from', () => {
    expect(postedFormId(posted())).toBe('new-incident');
    expect(postedFormId({ verb: 'acknowledge' })).toBeUndefined();
  });

  it('reads a button’s verb and value, and refuses a verb Muster never renders', () => {
    const value = '{"reference":"SV-2027-0041","agencyId":"csp"}';
    expect(readCardAction({ verb: 'acknowledge', value })).toEqual({ verb: 'acknowledge', value });
    expect(readCardAction({ verb: 'delete-everything', value })).toBeUndefined();
    expect(readCardAction({ verb: 'toString', value })).toBeUndefined();
    expect(readCardAction({ verb: 'acknowledge' })).toBeUndefined();
  });
});
