/**
 * A clock that only moves when the test says so.
 */
import type { Clock } from '../../src/ports.js';

export class FixedClock implements Clock {
  private current: number;

  constructor(iso: string) {
    this.current = Date.parse(iso);
    if (Number.isNaN(this.current)) throw new Error(`FixedClock: "${iso}" is not a date`);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = Date.parse(iso);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
