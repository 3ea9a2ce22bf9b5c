import { describe, expect, it } from 'vitest';
import { serialTick } from '../../src/scheduler/serial-tick.js';
import { RecordingLogger } from '../fakes/recording-logger.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('serialTick', () => {
  it('skips a tick that arrives while the previous run is still going', async () => {
    const gate = deferred();
    let runs = 0;
    const ticker = serialTick(
      'job',
      async () => {
        runs += 1;
        await gate.promise;
      },
      new RecordingLogger(),
    );

    const first = ticker.tick();
    expect(await ticker.tick()).toBe('skipped');
    gate.resolve();
    expect(await first).toBe('ran');
    expect(runs).toBe(1);
    expect(await ticker.tick()).toBe('ran');
    expect(runs).toBe(2);
  });

  it('logs a failed run and lets the next tick run', async () => {
    const logger = new RecordingLogger();
    let fail = true;
    const ticker = serialTick(
      'job',
      async () => {
        if (fail) throw new Error('disk full');
      },
      logger,
    );

    expect(await ticker.tick()).toBe('failed');
    expect(logger.entries).toEqual([
      {
        level: 'error',
        message: 'job failed; the next tick tries again',
        fields: { error: new Error('disk full') },
      },
    ]);
    fail = false;
    expect(await ticker.tick()).toBe('ran');
  });

  it('idle() waits for the run in progress', async () => {
    const gate = deferred();
    const ticker = serialTick('job', () => gate.promise, new RecordingLogger());
    void ticker.tick();
    let idle = false;
    const waiting = ticker.idle().then(() => {
      idle = true;
    });

    await new Promise(setImmediate);
    expect(idle).toBe(false);
    expect(ticker.running).toBe(true);
    gate.resolve();
    await waiting;
    expect(ticker.running).toBe(false);
  });
});
