import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { recordMeetingForm, recordMeetingInputFrom } from '../../../src/app/forms/record-meeting-form.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { SIO } from '../harness.js';

const now = DateTime.fromISO('2027-09-01T10:20:00+01:00', { setZone: true });

describe('the record-meeting form', () => {
  it('proposes the initial meeting for an open incident, chaired by its SIO on the same platform', () => {
    const incident = makeIncident({ status: 'open', sio: { id: 'slack:U0SIO', name: 'DCI Patel' } });
    const form = recordMeetingForm(incident, now, { platform: 'slack' });
    expect(form.context).toEqual({ reference: incident.reference });
    expect(Object.fromEntries(form.fields.map((f) => [f.id, f.initial]))).toEqual({
      kind: 'initial',
      at: '2027-09-01T10:00:00.000+01:00',
      held: 'held',
      chair: 'U0SIO',
    });
  });

  it('proposes a review once the initial meeting is held, and no chair from another platform', () => {
    const incident = makeIncident({ status: 'initial-held', sio: { id: 'teams:29:abc', name: 'DCI Patel' } });
    const form = recordMeetingForm(incident, now, { platform: 'slack' });
    expect(form.fields.find((f) => f.id === 'kind')?.initial).toBe('review');
    expect(form.fields.find((f) => f.id === 'chair')?.initial).toBeUndefined();
  });

  it('turns a submission into the use case input', () => {
    const input = recordMeetingInputFrom(
      {
        formId: 'record-meeting',
        context: { reference: 'SV-2027-0042' },
        values: { kind: 'review', at: '2027-10-01T10:00:00+01:00', held: 'scheduled' },
      },
      SIO,
    );
    expect(input).toEqual({
      reference: 'SV-2027-0042',
      kind: 'review',
      at: '2027-10-01T10:00:00+01:00',
      held: false,
      by: SIO,
    });
  });
});
