/**
 * RAG ratings of an action plan. Seed 003 rates actions Red/Yellow/Green, where
 * "yellow" is what other plans (and DESIGN.md) call amber, so both are accepted
 * and stored as `amber`; people also type the initials.
 */
import { ErrorCode, MusterError } from '../errors.js';

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

// A Map, not an object literal: typed text such as "__proto__" or "constructor"
// must not find Object.prototype's members.
const SPELLINGS: ReadonlyMap<string, Rag> = new Map([
  ['red', 'red'],
  ['r', 'red'],
  ['amber', 'amber'],
  ['yellow', 'amber'],
  ['a', 'amber'],
  ['y', 'amber'],
  ['green', 'green'],
  ['g', 'green'],
]);

export const RAG_HINT = 'say red, amber (or yellow) or green (R, A or G)';

/** The rating `text` names, or undefined; for schemas that report the problem themselves. */
export function tryParseRag(text: string): Rag | undefined {
  return SPELLINGS.get(text.trim().toLowerCase());
}

/** The rating `text` names; anything else is `invalid_input` saying what would be accepted. */
export function parseRag(text: string, path = 'rag'): Rag {
  const rag = tryParseRag(text);
  if (rag) return rag;
  const message = `"${text}" is not a RAG rating: ${RAG_HINT}`;
  throw new MusterError(ErrorCode.InvalidInput, message, [{ path, message }]);
}
