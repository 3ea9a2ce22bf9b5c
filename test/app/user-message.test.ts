import { describe, expect, it } from 'vitest';
import { isUserError, userMessage } from '../../src/app/user-message.js';
import { ErrorCode, MusterError } from '../../src/core/errors.js';

describe('userMessage and isUserError', () => {
  it('counts a conflict (snoozing a met milestone) as the person’s situation, not a failure', () => {
    expect(isUserError(new MusterError(ErrorCode.Conflict, 'Already met.'))).toBe(true);
    expect(isUserError(new MusterError(ErrorCode.NotFound, 'No such incident.'))).toBe(true);
    expect(isUserError(new Error('disk full'))).toBe(false);
  });

  it('gives a Muster error in its own words and apologises for anything else', () => {
    expect(userMessage(new MusterError(ErrorCode.Conflict, 'Already met.'))).toBe('Already met.');
    expect(userMessage(new Error('disk full'))).toMatch(
      /^Something went wrong on Muster’s side\. It has been logged/,
    );
    expect(userMessage(new Error('disk full'))).not.toContain('disk full');
  });

  it('lists the details under the message, but not one that only repeats it', () => {
    const error = new MusterError(ErrorCode.InvalidInput, 'Attach the plan as a .csv or .xlsx file.', [
      { path: 'file', message: 'attach the plan as a .csv or .xlsx file' },
      { path: 'row 3', message: '"Purple" is not a RAG rating' },
    ]);
    expect(userMessage(error)).toBe(
      'Attach the plan as a .csv or .xlsx file.\n• row 3: "Purple" is not a RAG rating',
    );
  });
});
