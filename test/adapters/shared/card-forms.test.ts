/**
 * The form helpers the console and Teams share: person fields offer the
 * directory's contacts, a form gets a fresh submission key, and only a key
 * Muster could have made is remembered, under the platform's name.
 */
import { describe, expect, it } from 'vitest';
import {
  SUBMISSION_KEY,
  submissionKey,
  withPeopleChoices,
  withSubmissionKey,
} from '../../../src/adapters/shared/card-forms.js';
import type { FormDefinition } from '../../../src/app/forms/form-model.js';
import { testDirectory } from '../../fakes/test-directory.js';

const form: FormDefinition = {
  id: 'action-add',
  title: 'Add an action',
  submitLabel: 'Add',
  fields: [
    { id: 'owner', kind: 'user', label: 'Owner', required: true },
    { id: 'description', kind: 'text', label: 'What', required: true },
  ],
  context: { reference: 'SV-2027-0001' },
};

describe('withPeopleChoices', () => {
  it('offers every contact, named with their agency, in person fields only', () => {
    const [owner, description] = withPeopleChoices(form, testDirectory()).fields;

    expect(owner?.choices).toContainEqual({ value: 'pat-police', label: 'Pat Police (Police)' });
    expect(owner?.choices).toContainEqual({ value: 'sam-school', label: 'Sam School (Schools)' });
    expect(owner?.choices).toHaveLength(testDirectory().contacts.length);
    expect(description?.choices).toBeUndefined();
  });
});

describe('submission keys', () => {
  it('gives each form a different key and keeps the rest of its context', () => {
    const first = withSubmissionKey(form);
    const second = withSubmissionKey(form);

    expect(first.context).toMatchObject({ reference: 'SV-2027-0001' });
    expect(first.context?.[SUBMISSION_KEY]).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.context?.[SUBMISSION_KEY]).not.toBe(second.context?.[SUBMISSION_KEY]);
  });

  it('remembers a well-formed key under the platform, and ignores a missing or malformed one', () => {
    const key = withSubmissionKey(form).context![SUBMISSION_KEY]!;
    const posted = (context: Record<string, string>) => ({ formId: form.id, values: {}, context });

    expect(submissionKey('teams', posted({ [SUBMISSION_KEY]: key }))).toBe(`teams:form:${key}`);
    expect(submissionKey('console', posted({ [SUBMISSION_KEY]: key }))).toBe(`console:form:${key}`);
    expect(submissionKey('teams', posted({}))).toBeUndefined();
    expect(submissionKey('teams', posted({ [SUBMISSION_KEY]: 'short' }))).toBeUndefined();
    expect(submissionKey('teams', posted({ [SUBMISSION_KEY]: '../../etc/passwd:x' }))).toBeUndefined();
  });
});
