/**
 * Input validation shared by the use cases: zod schemas for the pieces every
 * command takes (references, actors, instants) and one way to refuse bad input,
 * listing each bad field so the bot can answer once and change nothing.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ErrorCode, MusterError, type ProblemDetail, parseOrThrow } from '../core/errors.js';
import { formatReference, parseReference } from '../core/incident/reference.js';

export const actorSchema = z.object({
  id: z.string().trim().min(1, 'say who is acting'),
  name: z.string().trim().min(1, 'give the person’s name'),
  contactId: z.string().optional(),
});

/** Accepts `sv-2027-0042` as well as `SV-2027-0042`; stores always see the canonical form. */
export const referenceSchema = z.string().transform((value, ctx) => {
  const parsed = parseReference(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an incident reference such as SV-2027-0042` });
    return z.NEVER;
  }
  return formatReference(parsed.year, parsed.sequence);
});

/** An ISO-8601 instant with an offset (or Z), normalised to UTC for storage. */
export const instantSchema = z.string({ error: 'give a date and time' }).transform((value, ctx) => {
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || !parsed.isValid) {
    ctx.addIssue({
      code: 'custom',
      message: 'give an ISO-8601 date and time, such as 2027-08-27T15:00:00+01:00',
    });
    return z.NEVER;
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'add the offset (Z or +01:00) so the time is not ambiguous' });
    return z.NEVER;
  }
  return parsed.toUTC().toISO()!;
});

const INVALID_INPUT_MESSAGE = 'Some answers need fixing before Muster can go on:';

export function invalidInput(details: ProblemDetail[], message = INVALID_INPUT_MESSAGE): MusterError {
  return new MusterError(ErrorCode.InvalidInput, message, details);
}

/** Parses `input` or throws `invalid_input` naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return parseOrThrow(schema, input, ErrorCode.InvalidInput, INVALID_INPUT_MESSAGE);
}
