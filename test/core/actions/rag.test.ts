import { describe, expect, it } from 'vitest';
import { parseRag, tryParseRag } from '../../../src/core/actions/rag.js';
import { isMusterError, type MusterError } from '../../../src/core/errors.js';

describe('parseRag', () => {
  it.each([
    ['red', 'red'],
    ['Amber', 'amber'],
    ['YELLOW', 'amber'],
    [' green ', 'green'],
    ['R', 'red'],
    ['a', 'amber'],
    ['G', 'green'],
  ])('reads "%s" as %s', (text, rag) => {
    expect(parseRag(text)).toBe(rag);
  });

  it('refuses anything else with a message saying what would be accepted', () => {
    let error: MusterError | undefined;
    try {
      parseRag('purple');
    } catch (e) {
      if (isMusterError(e, 'invalid_input')) error = e;
    }
    expect(error?.details).toEqual([
      {
        path: 'rag',
        message: '"purple" is not a RAG rating: say red, amber (or yellow) or green (R, A or G)',
      },
    ]);
    expect(tryParseRag('')).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'finds no rating in the name of an object member, "%s"',
    (text) => {
      expect(tryParseRag(text)).toBeUndefined();
      expect(() => parseRag(text)).toThrow(/is not a RAG rating/);
    },
  );
});
