/**
 * A protocol as data: the milestones a partnership commits to, what each is
 * anchored on, how long it has (hours, working hours, working days, calendar
 * months), who owns it, who is nudged before/at/after it is due and who hears
 * when it is missed. Seed 000 is the default (default-protocol.ts); a CSP can
 * load its own file, which is refused with every problem listed.
 */
import Holidays from 'date-holidays';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { ErrorCode, parseOrThrow } from '../errors.js';

export const OFFSET_UNITS = ['hours', 'working-hours', 'working-days', 'calendar-months'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

/** Who a milestone belongs to, or who is told about it. Resolved against the incident and the directory. */
export const ROLES = ['sio', 'coordinators', 'chair', 'list-1', 'list-2', 'attendees'] as const;
export type Role = (typeof ROLES)[number];

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens');

const offsetSchema = z.object({
  amount: z.number().int('a whole number').min(0, 'zero or more'),
  unit: z.enum(OFFSET_UNITS),
});
export type Offset = z.infer<typeof offsetSchema>;

const anchoredMeeting = z.enum(['initial', 'review', 'final']);

const anchorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('incident') }),
  z.object({ type: z.literal('meeting'), meeting: anchoredMeeting }),
]);
export type Anchor = z.infer<typeof anchorSchema>;

/** How Muster knows the milestone is met. */
const metBySchema = z.discriminatedUnion('type', [
  /** The SIO's notification form reached the CSP (the incident was opened with it). */
  z.object({ type: z.literal('notification') }),
  /** A meeting of this kind was held. */
  z.object({ type: z.literal('meeting'), meeting: anchoredMeeting }),
  /** Someone marks it done (minutes circulated, report sent); exports do it for them. */
  z.object({ type: z.literal('manual') }),
]);
export type MetBy = z.infer<typeof metBySchema>;

const reminderOffsetSchema = z
  .object({
    when: z.enum(['before', 'at', 'after']),
    amount: z.number().int('a whole number').min(0, 'zero or more').default(0),
    unit: z.enum(['hours', 'working-days']).default('hours'),
  })
  .refine((r) => (r.when === 'at') === (r.amount === 0), {
    message: '"at" reminders have amount 0; "before" and "after" reminders need an amount above 0',
    path: ['amount'],
  });
export type ReminderOffset = z.infer<typeof reminderOffsetSchema>;

const milestoneSchema = z.object({
  id: kebab,
  title: z.string().trim().min(1),
  description: z.string().optional(),
  anchor: anchorSchema,
  offset: offsetSchema,
  owner: z.enum(ROLES),
  metBy: metBySchema,
  reminders: z
    .object({
      notify: z.array(z.enum(ROLES)).min(1, 'say who is reminded'),
      offsets: z.array(reminderOffsetSchema).default([]),
    })
    .default({ notify: ['coordinators'], offsets: [] }),
  escalation: z
    .object({
      after: z.object({
        amount: z.number().int().min(0),
        unit: z.enum(['hours', 'working-hours', 'working-days']),
      }),
      to: z.array(z.enum(ROLES)).min(1, 'say who hears of the missed deadline'),
    })
    .optional(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

const holidayRegionSchema = z
  .object({ country: z.string().min(2), state: z.string().optional() })
  .superRefine(({ country, state }, ctx) => {
    if (!new Holidays().getCountries()[country.toUpperCase()]) {
      ctx.addIssue({ code: 'custom', path: ['country'], message: `unknown holiday country "${country}"` });
    } else if (state && !new Holidays().getStates(country)?.[state.toUpperCase()]) {
      ctx.addIssue({
        code: 'custom',
        path: ['state'],
        message: `unknown holiday region "${state}" in ${country}`,
      });
    }
  });

const calendarSchema = z
  .object({
    zone: z
      .string()
      .default('Europe/London')
      .refine((zone) => IANAZone.isValidZone(zone), {
        error: (issue) => `unknown time zone "${String(issue.input)}"`,
      }),
    /** A date-holidays region: country, and state for the UK nations (`GB` + `ENG` covers England & Wales). */
    holidays: holidayRegionSchema.default({ country: 'GB', state: 'ENG' }),
    /** When a working day ends, local time, 24-hour `HH:MM`. */
    workingDayEnd: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as 17:00')
      .default('17:00'),
  })
  .default({ zone: 'Europe/London', holidays: { country: 'GB', state: 'ENG' }, workingDayEnd: '17:00' });
export type CalendarSettings = z.infer<typeof calendarSchema>;

export const protocolSchema = z
  .object({
    id: kebab,
    name: z.string().trim().min(1),
    source: z.string().optional(),
    calendar: calendarSchema,
    milestones: z.array(milestoneSchema).min(1, 'a protocol needs at least one milestone'),
  })
  // `when`: duplicate ids are reported even when another field is wrong, so a
  // partnership fixes its file in one round rather than one problem at a time.
  .superRefine(checkUniqueIds, { when: (payload) => isRecord(payload.value) });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the possibly half-valid protocol defensively: it also runs when other fields failed. */
function checkUniqueIds(protocol: unknown, ctx: z.RefinementCtx): void {
  const milestones = isRecord(protocol) && Array.isArray(protocol.milestones) ? protocol.milestones : [];
  const seen = new Set<string>();
  milestones.forEach((m: unknown, i) => {
    if (!isRecord(m)) return;
    if (typeof m.id === 'string') {
      if (seen.has(m.id))
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'id'],
          message: `milestone "${m.id}" appears twice`,
        });
      seen.add(m.id);
    }
    const offsets = isRecord(m.reminders) && Array.isArray(m.reminders.offsets) ? m.reminders.offsets : [];
    const keys = new Set<string>();
    offsets.forEach((r: unknown, j) => {
      const parsed = reminderOffsetSchema.safeParse(r);
      if (!parsed.success) return;
      const key = reminderSuffix(parsed.data);
      if (keys.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'reminders', 'offsets', j],
          message: `reminder "${key}" appears twice`,
        });
      }
      keys.add(key);
    });
  });
}

export type Protocol = z.infer<typeof protocolSchema>;

/** The stable part of a reminder key after the milestone id: `before-24h`, `at`, `after-2wd`. */
export function reminderSuffix(r: ReminderOffset): string {
  if (r.when === 'at') return 'at';
  return `${r.when}-${r.amount}${r.unit === 'hours' ? 'h' : 'wd'}`;
}

/** Validates a protocol, reporting every problem (path + message) at once. */
export function parseProtocol(input: unknown, origin = 'protocol'): Protocol {
  return parseOrThrow(
    protocolSchema,
    input,
    ErrorCode.InvalidProtocol,
    `The ${origin} is not a valid protocol. Fix these problems and start again:`,
  );
}
