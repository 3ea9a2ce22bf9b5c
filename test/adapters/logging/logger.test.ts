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

  it('keeps an error’s class (as type), code and message', () => {
    const { logger, lines } = capture('info');
    logger.error('failed', { error: new MusterError('store_locked', 'in use') });
    expect(JSON.parse(lines[0]!).error).toEqual({
      type: 'MusterError',
      message: 'in use',
      code: 'store_locked',
    });
  });
});

describe('createLogger redaction', () => {
  it('redacts a bot token, an email and a person’s name, nested or not', () => {
    const { logger, lines } = capture('info');
    logger.info('slack call failed for alex.morgan@police.example', {
      token: 'xoxb-1234-5678-abcdef',
      contact: { name: 'Alex Morgan', email: 'alex.morgan@police.example', id: 'alex-morgan' },
      headers: { authorization: 'Bearer abc.def.ghi' },
      detail: 'sent with xoxb-9999-8888-zzzz to sam@council.example',
      reference: 'SV-2027-0042',
    });
    const line = lines[0]!;
    expect(line).not.toMatch(/xoxb|alex\.morgan|Alex Morgan|sam@council|abc\.def/);
    expect(JSON.parse(line)).toEqual({
      time: '2027-08-28T08:00:00.000Z',
      level: 'info',
      msg: 'slack call failed for [redacted]',
      token: '[redacted]',
      contact: { name: '[redacted]', email: '[redacted]', id: 'alex-morgan' },
      headers: { authorization: '[redacted]' },
      detail: 'sent with [redacted] to [redacted]',
      reference: 'SV-2027-0042',
    });
  });

  it('redacts free text (update text, descriptions) but keeps identifiers', () => {
    const { logger, lines } = capture('debug');
    logger.debug('action updated', { action: { number: '1.2', description: 'Visit Jo at home' }, text: 'x' });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'debug',
      action: { number: '1.2', description: '[redacted]' },
      text: '[redacted]',
    });
  });

  it('honours LOG_LEVEL: error drops warnings, debug keeps everything', () => {
    const quiet = capture('error');
    quiet.logger.warn('w');
    quiet.logger.error('e');
    expect(quiet.lines.map((l) => JSON.parse(l).level)).toEqual(['error']);
    const loud = capture('debug');
    loud.logger.debug('d');
    expect(loud.lines.map((l) => JSON.parse(l).level)).toEqual(['debug']);
  });
});
