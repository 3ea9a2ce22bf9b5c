/**
 * Reading a submitted modal back, and putting problems on their fields.
 */
import { describe, expect, it } from 'vitest';
import { fieldErrors, readSubmission } from '../../../../src/adapters/slack/modals/form-submission.js';
import {
  datetime,
  multiSelect,
  plainText,
  select,
  stateValues,
  userSelect,
} from '../../../fakes/fake-slack/index.js';

const view = (
  values: ReturnType<typeof stateValues>,
  metadata = '{"formId":"new-incident","context":{"a":"b"}}',
) => ({
  callback_id: 'cb',
  private_metadata: metadata,
  state: { values } as never,
});

describe('readSubmission', () => {
  it('turns each element into the raw value the use case expects', () => {
    const submission = readSubmission(
      view(
        stateValues({
          occurredAt: datetime(Date.parse('2027-08-24T08:00:00Z') / 1000),
          area: select('corby'),
          description: plainText('What happened'),
          location: plainText(''),
          sio: userSelect('U1'),
          knockOnAreas: multiSelect(['kettering', 'wellingborough']),
          weapon: select(null),
        }),
      ),
    );
    expect(submission).toEqual({
      formId: 'new-incident',
      context: { a: 'b' },
      values: {
        occurredAt: '2027-08-24T08:00:00.000Z',
        area: 'corby',
        description: 'What happened',
        location: undefined,
        sio: 'U1',
        knockOnAreas: ['kettering', 'wellingborough'],
        weapon: undefined,
      },
    });
  });

  it('falls back to the callback id when the metadata is missing or forged', () => {
    expect(readSubmission(view({}, 'not json'))).toEqual({ formId: 'cb', values: {}, context: {} });
    expect(readSubmission(view({}, '{"formId":3}')).formId).toBe('cb');
  });
});

describe('fieldErrors', () => {
  it('puts each problem on its field, nested paths on their top field', () => {
    expect(
      fieldErrors(
        [
          { path: 'occurredAt', message: 'is in the future' },
          { path: 'knockOnAreas.1', message: 'is the incident’s own area' },
        ],
        ['occurredAt', 'knockOnAreas'],
      ),
    ).toEqual({ occurredAt: 'is in the future', knockOnAreas: 'is the incident’s own area' });
  });

  it('shows a problem with no field of its own on the first field, joined with any there', () => {
    expect(
      fieldErrors(
        [
          { path: 'kind', message: 'record the initial meeting first' },
          { path: '', message: 'Open the form again' },
        ],
        ['kind', 'at'],
      ),
    ).toEqual({ kind: 'record the initial meeting first; : Open the form again' });
  });
});
