import { describe, expect, it } from 'vitest';
import { problemField, problemsByField } from '../../../src/app/forms/form-problems.js';

describe('problemsByField', () => {
  it('puts each problem under its field, the first per field, and a form-wide one under "form"', () => {
    expect(problemField({ path: 'knockOnAreas.1', message: 'unknown area' })).toBe('knockOnAreas');
    expect(
      problemsByField([
        { path: 'knockOnAreas.1', message: 'unknown area' },
        { path: 'knockOnAreas.2', message: 'also unknown' },
        { path: '', message: 'the form is stale' },
      ]),
    ).toEqual({ knockOnAreas: 'Unknown area', form: 'The form is stale' });
  });
});
