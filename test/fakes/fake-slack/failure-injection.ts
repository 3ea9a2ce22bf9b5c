/**
 * The failures a test has asked for: "the next N calls to this method fail" and
 * "calls to this method whose arguments match fail". Queued failures are used
 * up in order; targeted ones stay until removed.
 */
import type { FailurePredicate, FakeFailure } from './fake-slack-types.js';

interface QueuedFailure {
  failure: FakeFailure;
  remaining: number;
}

export class FailureInjection {
  private readonly queued = new Map<string, QueuedFailure[]>();
  private readonly targeted = new Map<string, Set<FailurePredicate>>();

  failNext(method: string, failure: FakeFailure, times = 1): void {
    if (times < 1) return;
    const queue = this.queued.get(method) ?? [];
    queue.push({ failure, remaining: times });
    this.queued.set(method, queue);
  }

  /** Returns a function that removes the rule, for tests that want the outage to end. */
  failWhen(method: string, predicate: FailurePredicate): () => void {
    const rules = this.targeted.get(method) ?? new Set<FailurePredicate>();
    rules.add(predicate);
    this.targeted.set(method, rules);
    return () => {
      rules.delete(predicate);
    };
  }

  /** The failure for this call, if any; consumes one use of a queued failure. */
  take(method: string, args: Record<string, unknown>): FakeFailure | undefined {
    for (const predicate of this.targeted.get(method) ?? []) {
      const failure = predicate(args);
      if (failure) return failure;
    }
    const queue = this.queued.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return head.failure;
  }

  reset(): void {
    this.queued.clear();
    this.targeted.clear();
  }
}
