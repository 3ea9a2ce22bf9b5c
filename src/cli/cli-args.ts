/**
 * Argument parsing for the CLI commands: node's `util.parseArgs` in strict
 * mode, with its errors turned into one short line naming the option, and the
 * date-time arguments every timeline-ish command takes.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { DateTime } from 'luxon';
import { parseInstant } from '../core/calendar/working-calendar.js';
import { CliUsageError } from './cli-io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
  positionals = 0,
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(`${command}: ${describeParseError(error)}; see \`muster ${command} --help\``);
  }
  const help = (parsed.values as Record<string, unknown>).help === true;
  if (!help && parsed.positionals.length > positionals) {
    const extra = parsed.positionals[positionals]!;
    throw new CliUsageError(`${command}: unexpected argument "${extra}"; see \`muster ${command} --help\``);
  }
  return { ...parsed, help };
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `${option} needs a value` : 'an option is missing its value';
    default:
      return message ?? String(error);
  }
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An ISO-8601 date with a time; without an offset it is local time in `zone`. */
export function parseDateTimeArg(option: string, value: string, zone: string): DateTime {
  const parsed = DATE_TIME.test(value) ? parseInstant(value, zone) : undefined;
  if (!parsed) {
    throw new CliUsageError(
      `${option}: "${value}" is not an ISO-8601 date-time (such as 2027-08-27T15:00:00+01:00)`,
    );
  }
  return parsed;
}

export function requireOption(
  command: string,
  option: string,
  value: string | undefined,
  what: string,
): string {
  if (value === undefined || value === '')
    throw new CliUsageError(`${command}: ${option} is required (${what})`);
  return value;
}
