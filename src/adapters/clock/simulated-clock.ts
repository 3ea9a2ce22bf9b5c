/**
 * The local console's clock: real time plus an offset that only grows. Time
 * keeps flowing between fast-forwards (a reminder due in ten minutes still
 * arrives in ten minutes), and the console's time control moves it on by
 * hours or working days so reminders and escalations can be watched firing.
 * Never used with Slack or Teams: there, time is the system clock.
 */
import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../core/calendar/working-calendar.js';
import type { Clock } from '../../ports.js';
import { systemClock } from './system-clock.js';

export class SimulatedClock implements Clock {
  private offset = 0;

  /** `base` is the real clock; tests pass a fixed one so the simulated time is exact. */
  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offset);
  }

  /** How far ahead of real time the simulation runs. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Moves on by `ms`. Backwards would un-send reminders the store already marked sent, so it is refused. */
  advanceBy(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`the simulated clock only moves forward (asked to move by ${ms} ms)`);
    }
    this.offset += ms;
    return this.now();
  }

  /** Moves on to `target`; a target already past leaves the clock where it is. */
  advanceTo(target: Date): Date {
    const ahead = target.getTime() - this.now().getTime();
    return Number.isFinite(ahead) && ahead > 0 ? this.advanceBy(ahead) : this.now();
  }

  /**
   * The same local time `days` working days on (Saturday 10:00 + 1 → Monday
   * 10:00; bank holidays skipped), as the protocol's calendar counts them.
   */
  advanceWorkingDays(days: number, calendar: WorkingCalendar): Date {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`give a whole, non-negative number of working days (not ${days})`);
    }
    const target = calendar.shiftWorkingDays(DateTime.fromJSDate(this.now()), days);
    return this.advanceTo(target.toJSDate());
  }
}
