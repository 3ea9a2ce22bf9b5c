/**
 * Calls a test has asked the fake to hold: a matching call is recorded, then
 * neither carried out nor answered until the test releases it, so a test can
 * catch a client in the middle of a request (and kill it there). A held call
 * whose client goes away is dropped, never carried out: as far as Slack is
 * concerned, that request never happened.
 */
import type { RecordedCall } from './fake-slack-types.js';

export interface CallHold {
  /** Resolves with the first call held. */
  readonly arrived: Promise<RecordedCall>;
  /** Held calls whose client is still waiting for an answer. */
  readonly waiting: readonly RecordedCall[];
  /** Held calls whose client went away first; recorded with status 0, never carried out. */
  readonly abandoned: readonly RecordedCall[];
  /** Stops holding: waiting calls are carried out and answered, later ones go straight through. */
  release(): void;
}

interface HoldRule {
  method: string;
  matches: (args: Record<string, unknown>) => boolean;
  waiting: Map<RecordedCall, () => void>;
  abandoned: RecordedCall[];
  arrived: (call: RecordedCall) => void;
}

export class CallHolds {
  private readonly rules = new Set<HoldRule>();

  hold(method: string, matches: (args: Record<string, unknown>) => boolean = () => true): CallHold {
    let arrived!: (call: RecordedCall) => void;
    const first = new Promise<RecordedCall>((resolve) => {
      arrived = resolve;
    });
    const rule: HoldRule = { method, matches, waiting: new Map(), abandoned: [], arrived };
    this.rules.add(rule);
    return {
      arrived: first,
      get waiting() {
        return [...rule.waiting.keys()];
      },
      get abandoned() {
        return rule.abandoned;
      },
      release: () => {
        this.rules.delete(rule);
        for (const resume of rule.waiting.values()) resume();
        rule.waiting.clear();
      },
    };
  }

  /**
   * Waits while a rule holds the call. True when the call may go on (never
   * held, or released); false when its client went away while held.
   */
  pass(call: RecordedCall, clientGone: (listener: () => void) => void): Promise<boolean> {
    const rule = [...this.rules].find((r) => r.method === call.method && r.matches(call.args));
    if (!rule) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      rule.waiting.set(call, () => resolve(true));
      clientGone(() => {
        if (!rule.waiting.delete(call)) return;
        call.status = 0;
        call.error = 'client_gone';
        rule.abandoned.push(call);
        resolve(false);
      });
      rule.arrived(call);
    });
  }
}
