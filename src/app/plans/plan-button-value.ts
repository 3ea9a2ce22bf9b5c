/**
 * What a plan update card's buttons carry back: the plan, the action and, on
 * Red, Amber and Green, the RAG to preselect. Built and read here, so every
 * platform round-trips the same JSON and a forged or stale value is refused
 * as bad input rather than crashing a handler.
 */
import { z } from 'zod';
import { RAGS } from '../../core/actions/rag.js';
import { parseInput } from '../validate-input.js';

export const planButtonValueSchema = z.object({
  planId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  actionNumber: z.string().regex(/^\d+\.\d+$/),
  rag: z.enum(RAGS).optional(),
});

export type PlanButtonValue = z.output<typeof planButtonValueSchema>;

export function planButtonValue(value: PlanButtonValue): string {
  return JSON.stringify(value);
}

export function parsePlanButtonValue(raw: string | undefined): PlanButtonValue {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    json = undefined;
  }
  return parseInput(planButtonValueSchema, json);
}
