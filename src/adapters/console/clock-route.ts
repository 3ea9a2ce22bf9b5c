/**
 * `POST /console/api/clock` `{ hours }` or `{ workingDays }`: the console's
 * time control, a simulation only. It moves the simulated clock on, tells
 * every page, runs one scheduler tick (so reminders and escalations fire as
 * the protocol says) and rebuilds the incident cards, whose "due in 2 days"
 * is now out of date.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { formatLocal } from '../../app/local-time.js';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import type { HttpServer } from '../http/http-server.js';
import { refreshCard } from '../shared/refresh-card.js';
import type { ConsoleContext } from './console-context.js';
import type { ClockEvent } from './console-events.js';
import { guarded, HttpProblem, identify, readBody, sendOk } from './console-http.js';

export const CLOCK_PATH = '/console/api/clock';
/** A month of hours, or three months of working days: further than any protocol deadline needs at once. */
export const MAX_HOURS = 24 * 31;
export const MAX_WORKING_DAYS = 60;

const clockBody = z
  .object({
    hours: z
      .number()
      .positive('move on by more than 0 hours')
      .max(MAX_HOURS, `at most ${MAX_HOURS} hours at a time`)
      .optional(),
    workingDays: z
      .number()
      .int('give whole working days')
      .positive('move on by at least 1 working day')
      .max(MAX_WORKING_DAYS, `at most ${MAX_WORKING_DAYS} working days at a time`)
      .optional(),
  })
  .refine((b) => (b.hours === undefined) !== (b.workingDays === undefined), {
    message: 'give either hours or workingDays',
  });

export function clockEvent(ctx: ConsoleContext): ClockEvent {
  const now = ctx.clock.now();
  return {
    now: now.toISOString(),
    nowText: formatLocal(DateTime.fromJSDate(now), ctx.deps.protocol.calendar.zone),
  };
}

export function registerClockRoute(http: HttpServer, ctx: ConsoleContext): void {
  http.route(
    'POST',
    CLOCK_PATH,
    guarded(async (req, res) => {
      identify(req, ctx.deps.directory);
      const body = await readBody(req, clockBody);
      if (body.hours !== undefined) ctx.clock.advanceBy(body.hours * 3_600_000);
      else ctx.clock.advanceWorkingDays(body.workingDays!, calendarFor(ctx.deps.protocol));
      await ctx.history.saveClockOffset(ctx.clock.offsetMs);
      const moved = clockEvent(ctx);
      ctx.events.clock(moved);
      ctx.logger.info('console: simulated clock moved on', { offsetMs: ctx.clock.offsetMs });
      try {
        // An announcement still running from a form would otherwise be resumed alongside itself.
        await ctx.announcing.idle();
        await ctx.tick();
      } catch (error) {
        ctx.logger.error('console: the scheduler tick after moving the clock failed', { error });
        throw new HttpProblem(
          500,
          `The clock moved to ${moved.nowText}, but the reminder run failed; see the log.`,
        );
      }
      await refreshAllCards(ctx);
      sendOk(res, moved);
    }),
  );
}

async function refreshAllCards(ctx: ConsoleContext): Promise<void> {
  for (const channel of ctx.history.channels()) {
    if (channel.kind === 'incident' && channel.reference) await refreshCard(ctx, channel.reference);
  }
}
