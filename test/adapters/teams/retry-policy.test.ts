/**
 * The Teams retry policy on its own: which failures it retries and after how
 * long (Retry-After in seconds or as a date, capped; exponential back-off
 * with jitter otherwise), the time limit on each attempt, and the rule that a
 * timed-out POST is not repeated unless it is idempotent.
 */
import { describe, expect, it } from 'vitest';
import {
  PlatformCallError,
  pathShape,
  RetryPolicy,
  type RetryPolicyOptions,
  retryAfterMs,
} from '../../../src/adapters/teams/http/retry-policy.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';

class Answered extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter?: string,
  ) {
    super(`answered ${status}`);
  }
}

const NOW = Date.parse('2027-08-31T14:00:00Z');

function policy(options: Partial<RetryPolicyOptions> = {}) {
  const waits: number[] = [];
  const logger = new RecordingLogger();
  const retry = new RetryPolicy({
    service: 'the test service',
    attempts: 4,
    timeoutMs: 1_000,
    baseDelayMs: 100,
    maxDelayMs: 5_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    now: () => NOW,
    logger,
    ...options,
  });
  return { retry, waits, logger };
}

/** An attempt that fails with each of `failures` in turn, then answers 'ok'. */
function attempts(...failures: unknown[]) {
  let calls = 0;
  const run = async () => {
    const failure = failures[calls++];
    if (failure !== undefined) throw failure;
    return 'ok';
  };
  return { run, calls: () => calls };
}

const connectionError = (code: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

/** A call that hangs (until its attempt's time limit aborts it) the first `hangs` times, then answers "ok". */
function hangingCall(hangs: number) {
  const calls = { count: 0 };
  const call = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.count += 1;
      if (calls.count > hangs) return resolve('ok');
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { calls, call };
}

describe('RetryPolicy', () => {
  it('retries 500, 502, 503 and 504 with doubling back-off and jitter, then returns the answer', async () => {
    const { retry, waits } = policy({ attempts: 5 });
    const call = attempts(new Answered(500), new Answered(502), new Answered(503), new Answered(504));
    await expect(
      retry.run({ method: 'POST', path: '/v3/conversations/a/activities' }, call.run),
    ).resolves.toBe('ok');
    expect(call.calls()).toBe(5);
    // Half (the jitter) of 100, 200, 400, 800 ms.
    expect(waits).toEqual([50, 100, 200, 400]);
  });

  it('waits what Retry-After asks, in seconds or as a date, but never past the cap', async () => {
    const { retry, waits } = policy();
    const call = attempts(
      new Answered(429, '2'),
      new Answered(429, new Date(NOW + 3_000).toUTCString()),
      new Answered(429, '120'),
    );
    await expect(retry.run({ method: 'GET', path: '/users/x' }, call.run)).resolves.toBe('ok');
    expect(waits).toEqual([2_000, 3_000, 5_000]);
  });

  it('does not retry an answer that will not change (400, 403, 404, 409)', async () => {
    for (const status of [400, 403, 404, 409]) {
      const { retry, waits, logger } = policy();
      const call = attempts(new Answered(status));
      await expect(retry.run({ method: 'GET', path: '/users/x' }, call.run)).rejects.toMatchObject({
        status,
      });
      expect(call.calls()).toBe(1);
      expect(waits).toEqual([]);
      expect(logger.entries).toEqual([]);
    }
  });

  it('gives up after its attempts with the last failure, and logs the call by its shape only', async () => {
    const { retry, logger } = policy({ attempts: 3 });
    const call = attempts(new Answered(503), new Answered(503), new Answered(503, '1'));
    const path = '/v3/conversations/a:personal-7/activities?token=secret';
    const error = await retry.run({ method: 'post', path }, call.run).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Answered);
    expect(call.calls()).toBe(3);
    const warning = logger.entries.find((e) => e.level === 'warn')!;
    expect(warning.message).toBe(
      'the test service: POST /v3/conversations/{id}/activities failed after 3 attempt(s)',
    );
    expect(warning.fields).toEqual({ attempts: 3, status: 503 });
    expect(JSON.stringify(logger.entries)).not.toMatch(/personal-7|secret/);
  });

  it('limits each attempt: a read that hangs is abandoned and retried', async () => {
    const { retry } = policy({ timeoutMs: 20 });
    const { calls, call: hangsOnce } = hangingCall(1);
    await expect(retry.run({ method: 'GET', path: '/users/x' }, hangsOnce)).resolves.toBe('ok');
    expect(calls.count).toBe(2);
  });

  it('does not repeat a POST that timed out: it fails saying it may have gone through', async () => {
    const { retry, logger } = policy({ timeoutMs: 20 });
    const { calls, call: hangs } = hangingCall(Number.POSITIVE_INFINITY);
    const error = await retry
      .run({ method: 'POST', path: '/v3/conversations/c1/activities' }, hangs)
      .catch((e: unknown) => e);

    expect(calls.count).toBe(1);
    expect(error).toBeInstanceOf(PlatformCallError);
    expect(error).toMatchObject({ kind: 'timeout', mayHaveHappened: true });
    expect((error as Error).message).toBe(
      'the test service did not answer POST /v3/conversations/{id}/activities within 0.02 s: it may still have been carried out, so it was not repeated.',
    );
    expect(logger.messages('warn')).toHaveLength(1);
  });

  it('repeats a timed-out POST its caller marked idempotent', async () => {
    const { retry } = policy({ timeoutMs: 20 });
    const { calls, call: hangsOnce } = hangingCall(1);
    await expect(
      retry.run({ method: 'POST', path: '/v3/conversations', idempotent: true }, hangsOnce),
    ).resolves.toBe('ok');
    expect(calls.count).toBe(2);
  });

  it('repeats any call whose connection was never made, but not a POST whose connection dropped', async () => {
    const refused = policy();
    const call = attempts(connectionError('ECONNREFUSED'), connectionError('ENOTFOUND'));
    await expect(refused.retry.run({ method: 'POST', path: '/chats' }, call.run)).resolves.toBe('ok');
    expect(call.calls()).toBe(3);

    const dropped = policy();
    const reset = attempts(connectionError('ECONNRESET'));
    await expect(dropped.retry.run({ method: 'POST', path: '/chats' }, reset.run)).rejects.toMatchObject({
      kind: 'dropped',
      mayHaveHappened: true,
    });
    expect(reset.calls()).toBe(1);

    const read = policy();
    const resetRead = attempts(connectionError('ECONNRESET'));
    await expect(read.retry.run({ method: 'GET', path: '/chats/x' }, resetRead.run)).resolves.toBe('ok');
  });

  it('rethrows anything that is not an HTTP or network failure at once', async () => {
    const { retry } = policy();
    const call = attempts(new RangeError('a bug'));
    await expect(retry.run({ method: 'GET', path: '/users/x' }, call.run)).rejects.toBeInstanceOf(RangeError);
    expect(call.calls()).toBe(1);
  });
});

describe('pathShape and retryAfterMs', () => {
  it('replaces ids with {id} and drops the query and host', () => {
    expect(
      pathShape('https://graph.example/v1.0/teams/team-1/channels/19%3Aabc%40thread.tacv2/members?$top=5'),
    ).toBe('/v1.0/teams/{id}/channels/{id}/members');
    expect(pathShape('v3/conversations/a:personal-1/activities/m12')).toBe(
      'v3/conversations/{id}/activities/{id}',
    );
    expect(pathShape('/users/pat@police.example')).toBe('/users/{id}');
  });

  it('reads Retry-After as seconds or an HTTP date, and nothing else', () => {
    expect(retryAfterMs('7', NOW)).toBe(7_000);
    expect(retryAfterMs(new Date(NOW + 4_000).toUTCString(), NOW)).toBe(4_000);
    expect(retryAfterMs(new Date(NOW - 4_000).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
  });
});
