/**
 * The Signs of Safety frame seed 000 prescribes for the review and final
 * meetings: three columns and a 0–10 scale (0: the response is not working,
 * 10: it can be closed). Pure data and checks.
 */
import { ErrorCode, MusterError } from '../errors.js';

export const SIGNS_OF_SAFETY_COLUMNS = [
  { id: 'worried', title: 'What are we worried about?' },
  { id: 'workingWell', title: "What's working well?" },
  { id: 'needsToHappen', title: 'What needs to happen?' },
] as const;

export type SignsOfSafetyColumn = (typeof SIGNS_OF_SAFETY_COLUMNS)[number]['id'];
export const SIGNS_OF_SAFETY_COLUMN_IDS = SIGNS_OF_SAFETY_COLUMNS.map((c) => c.id) as [
  SignsOfSafetyColumn,
  ...SignsOfSafetyColumn[],
];

export const SCALE_MIN = 0;
export const SCALE_MAX = 10;

export interface SignsOfSafety {
  worried: string[];
  workingWell: string[];
  needsToHappen: string[];
  scale?: number;
}

export function emptySignsOfSafety(): SignsOfSafety {
  return { worried: [], workingWell: [], needsToHappen: [] };
}

/** A whole number from 0 to 10, or `invalid_input` naming the scale. */
export function checkScale(scale: number): number {
  if (!Number.isInteger(scale) || scale < SCALE_MIN || scale > SCALE_MAX) {
    const message = `the scale is a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
    throw new MusterError(ErrorCode.InvalidInput, `${scale} is not on the Signs of Safety scale.`, [
      { path: 'scale', message },
    ]);
  }
  return scale;
}
