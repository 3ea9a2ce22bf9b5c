/**
 * `muster timeline`: the protocol's milestones for an incident given as bare
 * dates, so anyone can check the deadline arithmetic (working hours, bank
 * holidays, GMT/BST) without running the bot.
 */
import { DateTime } from 'luxon';
import { formatLocal } from '../app/local-time.js';
import type { Meeting } from '../core/incident/incident.js';
import { computeTimeline, type TimelineFacts } from '../core/protocol/timeline.js';
import { HELP_OPTION, parseCommandArgs, parseDateTimeArg, requireOption } from './cli-args.js';
import { type CliCommand, type CliIo, CliUsageError, EXIT_OK } from './cli-io.js';
import { PROTOCOL_OPTION, protocolFor } from './cli-protocol.js';
import { milestoneJson, timelineTable } from './timeline-presenter.js';

const OPTIONS = {
  ...HELP_OPTION,
  ...PROTOCOL_OPTION,
  'occurred-at': { type: 'string' },
  'notified-at': { type: 'string' },
  'initial-meeting': { type: 'string' },
  'review-meeting': { type: 'string' },
  'final-meeting': { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const HELP = `Usage: muster timeline --occurred-at ISO [options]

Shows when each milestone of the protocol is due for an incident, in local
time, and whether it is pending, met, overdue or not yet scheduled.
Meetings given here are taken as held.

Options:
  --occurred-at ISO       when the incident happened (required)
  --notified-at ISO       when the SIO's notification reached the CSP
  --initial-meeting ISO   when the Initial Tactical Response Meeting was held
  --review-meeting ISO    when the review meeting was held
  --final-meeting ISO     when the final meeting was held
  --now ISO               the moment to judge pending/overdue at (default: now)
  --protocol FILE         a protocol JSON file (default: $MUSTER_PROTOCOL, else
                          the Northamptonshire protocol)
  --json                  print only JSON: {"milestones":[{"id","title","owner",
                          "due","state","metAt","late"}]}; "due" is ISO-8601
                          with the local offset, or null while not scheduled
  -h, --help              show this help

ISO is an ISO-8601 date and time such as 2027-08-27T15:00:00+01:00; without
an offset it is local time in the protocol's zone (Europe/London).

Example:
  muster timeline --occurred-at 2027-08-27T15:00:00+01:00 --json`;

export const timelineCommand: CliCommand = {
  name: 'timeline',
  summary: 'show when each milestone is due for an incident',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, help } = parseCommandArgs('timeline', args, OPTIONS);
    if (help) {
      io.stdout(`${HELP}\n`);
      return EXIT_OK;
    }
    const occurredText = requireOption(
      'timeline',
      '--occurred-at',
      values['occurred-at'],
      'when the incident happened',
    );
    const protocol = await protocolFor(values.protocol, io);
    const zone = protocol.calendar.zone;
    const given = (option: DateOption): Given | undefined => {
      const text = option === 'occurred-at' ? occurredText : values[option];
      return text === undefined
        ? undefined
        : { option: `--${option}`, text, at: parseDateTimeArg(`--${option}`, text, zone) };
    };
    const occurred = given('occurred-at')!;
    const notified = given('notified-at');
    const initial = given('initial-meeting');
    const review = given('review-meeting');
    const final = given('final-meeting');
    const now = given('now')?.at ?? DateTime.fromJSDate(io.clock.now(), { zone });

    notBefore(notified, occurred, 'the incident');
    notBefore(initial, occurred, 'the incident');
    for (const meeting of [review, final]) {
      if (meeting && !initial)
        throw new CliUsageError(
          `${meeting.option}: needs --initial-meeting (it follows the initial meeting)`,
        );
      notBefore(meeting, initial, 'the initial meeting');
    }
    notBefore(final, review, 'the review meeting');

    const held = (kind: Meeting['kind'], when: Given | undefined) =>
      when ? [{ kind, at: utc(when.at), status: 'held' as const }] : [];
    const facts: TimelineFacts = {
      occurredAt: utc(occurred.at),
      ...(notified ? { notifiedAt: utc(notified.at) } : {}),
      meetings: [...held('initial', initial), ...held('review', review), ...held('final', final)],
    };
    const statuses = computeTimeline(protocol, facts, now);

    if (values.json) {
      io.stdout(`${JSON.stringify({ milestones: statuses.map(milestoneJson) })}\n`);
      return EXIT_OK;
    }
    io.stdout(
      `${protocol.name}: incident at ${formatLocal(occurred.at, zone)} (times in ${zone})\n\n${timelineTable(statuses)}\n`,
    );
    return EXIT_OK;
  },
};

type DateOption =
  | 'occurred-at'
  | 'notified-at'
  | 'initial-meeting'
  | 'review-meeting'
  | 'final-meeting'
  | 'now';

interface Given {
  option: string;
  /** As typed, so the error quotes what the user wrote. */
  text: string;
  at: DateTime;
}

const utc = (at: DateTime) => at.toUTC().toISO()!;

function notBefore(value: Given | undefined, other: Given | undefined, what: string): void {
  if (value && other && value.at < other.at) {
    throw new CliUsageError(
      `${value.option}: "${value.text}" is before ${what} (${other.option} ${other.text})`,
    );
  }
}
