/**
 * Button values: what a card's button carries back to Muster. Built here and
 * read back here, so every platform round-trips the same JSON and a forged or
 * stale value is refused as bad input rather than crashing a handler.
 */
import { z } from 'zod';
import { parseInput, referenceSchema } from '../validate-input.js';

export const actionValueSchema = z.object({
  reference: referenceSchema,
  agencyId: z.string().min(1).optional(),
  milestoneId: z.string().min(1).optional(),
  reminderKey: z.string().min(1).optional(),
  meetingKind: z.enum(['initial', 'review', 'final', 'ad-hoc']).optional(),
  actionNumber: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
  /** The meeting record a checklist button belongs to (`initial-1`). */
  meetingId: z.string().min(1).max(40).optional(),
  sectionId: z.string().min(1).max(60).optional(),
  itemId: z.string().min(1).max(60).optional(),
  /** A lesson of the final report, numbered as the report shows it (promote to plan). */
  lesson: z.number().int().min(1).max(999).optional(),
});

export type ActionValue = z.output<typeof actionValueSchema>;

export function actionValue(value: z.input<typeof actionValueSchema>): string {
  return JSON.stringify(value);
}

export function parseActionValue(raw: string | undefined): ActionValue {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    json = undefined;
  }
  return parseInput(actionValueSchema, json);
}
