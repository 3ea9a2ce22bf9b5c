import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { MusterError } from '../../../src/core/errors.js';

const at = new Date('2027-08-28T08:00:00.000Z');

function capture(level: Parameters<typeof createLogger>[0]['level']) {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (line) => lines.push(line), now: () => at });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level and message', () => {
    const { logger, lines } = capture('info');
    logger.info('started', { port: 3978 });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { time: '2027-08-28T08:00:00.000Z', level: 'info', msg: 'started', port: 3978 },
    ]);
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['c', 'd']);
  });

  it('writes nothing at all when silent', () => {
    const { logger, lines } = capture('silent');
    logger.error('x');
    expect(lines).toEqual([]);
  });

  it('keeps an error’s name, code and message', () => {
    const { logger, lines } = capture('info');
    logger.error('failed', { error: new MusterError('store_locked', 'in use') });
    expect(JSON.parse(lines[0]!).error).toEqual({
      name: 'MusterError',
      message: 'in use',
      code: 'store_locked',
    });
  });
});
