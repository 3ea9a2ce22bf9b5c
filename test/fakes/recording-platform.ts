/**
 * A `ChatPlatform` that records each reminder it is given, and can be told to
 * fail the next deliveries (an API outage) or to hold a delivery open until
 * the test lets it finish.
 */
import type { ChatPlatform, ReminderDelivery } from '../../src/ports.js';

export class RecordingPlatform implements ChatPlatform {
  readonly deliveries: ReminderDelivery[] = [];
  private failuresLeft = 0;
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;
  private onStart: (() => void) | undefined;

  constructor(readonly name = 'recording') {}

  /** The next `count` deliveries reject, as a platform API error would. */
  failNext(count = 1): void {
    this.failuresLeft = count;
  }

  /** Deliveries wait until `release()` is called. */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  /** Resolves when the next delivery starts (use with `hold()` to look at the store mid-delivery). */
  nextDeliveryStarted(): Promise<void> {
    return new Promise((resolve) => {
      this.onStart = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  get keys(): string[] {
    return this.deliveries.map((d) => `${d.incident.reference} ${d.reminder.key}`);
  }

  async deliverReminder(delivery: ReminderDelivery): Promise<void> {
    this.onStart?.();
    this.onStart = undefined;
    if (this.gate) await this.gate;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error(`${this.name} API unavailable`);
    }
    this.deliveries.push(delivery);
  }
}
