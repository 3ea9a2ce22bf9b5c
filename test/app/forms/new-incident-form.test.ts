import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { FormSubmission } from '../../../src/app/forms/form-model.js';
import { checkNewIncident, newIncidentForm } from '../../../src/app/forms/new-incident-form.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { testDirectory } from '../../fakes/test-directory.js';
import { SIO, testDeps } from '../harness.js';

const deps = testDeps(new InMemoryStore());

function submit(values: FormSubmission['values']): FormSubmission {
  return {
    formId: 'new-incident',
    context: {},
    values: {
      occurredAt: '2027-08-27T15:00:00+01:00',
      area: 'corby',
      category: 'gold-group',
      location: 'Market Street',
      description: 'A stabbing outside a takeaway.',
      weapon: 'knife',
      knockOnAreas: ['kettering'],
      ...values,
    },
  };
}

describe('the notification form', () => {
  it('asks for the seed fields, with the areas from the directory', () => {
    const form = newIncidentForm(
      testDirectory(),
      DateTime.fromISO('2027-08-28T09:20:00+01:00', { setZone: true }),
      'U123',
    );
    expect(form.fields.map((f) => f.id)).toEqual([
      'occurredAt',
      'area',
      'location',
      'category',
      'description',
      'weapon',
      'sio',
      'reportedBy',
      'knockOnAreas',
    ]);
    expect(form.fields.find((f) => f.id === 'area')?.choices?.map((c) => c.label)).toEqual([
      'Corby',
      'Kettering',
      'Wellingborough',
    ]);
    expect(form.fields.find((f) => f.id === 'reportedBy')?.initial).toBe('U123');
    expect(form.fields.find((f) => f.id === 'occurredAt')?.initial).toBe('2027-08-28T09:00:00.000+01:00');
  });

  it('turns a good submission into the use case input', () => {
    const check = checkNewIncident(deps, submit({}), { sio: SIO, reportedBy: SIO });
    expect(check).toEqual({
      input: expect.objectContaining({ area: 'corby', knockOnAreas: ['kettering'], sio: SIO }),
    });
  });

  it('puts each problem on its field, one message per field', () => {
    const check = checkNewIncident(
      deps,
      submit({
        occurredAt: '2027-08-29T09:00:00+01:00',
        area: 'atlantis',
        description: '  ',
        knockOnAreas: ['kettering', 'nowhere'],
      }),
      { reportedBy: SIO },
    );
    expect('problems' in check && Object.fromEntries(check.problems.map((p) => [p.path, p.message]))).toEqual(
      {
        occurredAt: 'Is in the future; give the time the incident happened',
        area: expect.stringContaining('"atlantis" is not a CSP area'),
        description: 'Describe what happened',
        knockOnAreas: '"nowhere" is not a CSP area in the directory',
        sio: 'choose a person',
      },
    );
  });

  it('refuses an incident more than 30 days old', () => {
    const check = checkNewIncident(deps, submit({ occurredAt: '2027-07-01T12:00:00+01:00' }), {
      sio: SIO,
      reportedBy: SIO,
    });
    expect('problems' in check && check.problems).toEqual([
      { path: 'occurredAt', message: 'Is more than 30 days ago; check the date' },
    ]);
  });
});
