/**
 * Reads the text after `/incident` into a subcommand, the same grammar on
 * every platform (Slack's slash command, the console's composer, Teams'
 * command list). Words are case-insensitive; an incident reference
 * (`SV-2027-0042`) may be given anywhere after the subcommand and is needed
 * only outside the incident's own channel. A known subcommand with words it
 * cannot read is `invalid`, with the usage to show; an unknown one is
 * `unknown`, answered with the help.
 */
import { ACTION_STATUSES, type ActionStatus } from '../../core/actions/action.js';
import { type Rag, tryParseRag } from '../../core/actions/rag.js';
import { MEETING_KINDS, type MeetingKind } from '../../core/meetings/meeting-kind.js';

export type MeetingStep = 'schedule' | 'start' | 'end';
export type ExportKind = 'minutes' | 'plan' | 'report';

export interface ActionFilterWords {
  agency?: string;
  /** `me`, or a directory contact id. */
  owner?: string;
  rag?: Rag;
  status?: ActionStatus;
  /** Done and dropped actions too (they are left out unless asked for). */
  all?: boolean;
}

/** The commands that act on one incident; `reference` is set when the person typed one. */
export type IncidentScopedCommand =
  | { kind: 'meeting'; step: MeetingStep; meetingKind?: MeetingKind; reference?: string }
  | { kind: 'action-add'; priority?: number; reference?: string }
  | { kind: 'update'; actionNumber?: string; reference?: string }
  | { kind: 'actions'; filter: ActionFilterWords; reference?: string }
  | { kind: 'export'; what: ExportKind; meetingId?: string; reference?: string }
  | { kind: 'keydate-add'; reference?: string }
  | { kind: 'close'; reference?: string }
  | { kind: 'reopen'; reason?: string; reference?: string }
  | { kind: 'timeline'; reference?: string };

export type IncidentCommand =
  | { kind: 'new' }
  | { kind: 'status'; reference?: string }
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'unknown'; word: string }
  /** A known subcommand with words it cannot read: `problem` says which, `usage` how to type it. */
  | { kind: 'invalid'; problem: string; usage: string }
  | IncidentScopedCommand;

export const USAGE = {
  meeting: '/incident meeting schedule|start|end [initial|review|final|ad-hoc]',
  action: '/incident action add [priority number]',
  update: '/incident update [action number, e.g. 1.2]',
  actions:
    '/incident actions [agency:ID] [owner:me|ID] [rag:red|amber|green] [status:open|in-progress|done|dropped] [all]',
  export: '/incident export minutes [meeting id]|plan|report',
  keydate: '/incident keydate add',
  close: '/incident close',
  reopen: '/incident reopen [reason]',
  timeline: '/incident timeline',
} as const;

const REFERENCE = /^sv-\d{4}-\d{4,}$/i;
const ACTION_NUMBER = /^\d+\.\d+$/;

const invalid = (problem: string, usage: string): IncidentCommand => ({ kind: 'invalid', problem, usage });

export function parseIncidentCommand(text: string | undefined): IncidentCommand {
  const all = (text ?? '').trim().split(/\s+/).filter(Boolean);
  const [first = '', ...tokens] = all;
  // The reference may be typed anywhere after the subcommand; it is taken out before the rest is read.
  const referenceAt = tokens.findIndex((t) => REFERENCE.test(t));
  const reference = referenceAt >= 0 ? tokens[referenceAt]!.toUpperCase() : undefined;
  const words = tokens.filter((_, i) => i !== referenceAt);
  const ref = reference ? { reference } : {};

  switch (first.toLowerCase()) {
    case '':
    case 'new':
      return { kind: 'new' };
    case 'status':
      return tokens[0] ? { kind: 'status', reference: tokens[0] } : { kind: 'status' };
    case 'list':
      return { kind: 'list' };
    case 'help':
      return { kind: 'help' };
    case 'meeting':
    case 'meetings':
      return parseMeeting(words, ref);
    case 'action':
      return parseActionAdd(words, ref);
    case 'update':
      return parseUpdate(words, ref);
    case 'actions':
      return parseActions(words, ref);
    case 'export':
      return parseExport(words, ref);
    case 'keydate':
    case 'key-date':
      return words.length === 1 && words[0]!.toLowerCase() === 'add'
        ? { kind: 'keydate-add', ...ref }
        : invalid('say "keydate add"', USAGE.keydate);
    case 'close':
      return words.length === 0
        ? { kind: 'close', ...ref }
        : invalid('the reason is asked for in the form', USAGE.close);
    case 'reopen': {
      const reason = words.join(' ').trim();
      return { kind: 'reopen', ...ref, ...(reason ? { reason } : {}) };
    }
    case 'timeline':
      return words.length === 0
        ? { kind: 'timeline', ...ref }
        : invalid('nothing follows timeline', USAGE.timeline);
    default:
      return { kind: 'unknown', word: first };
  }
}

function parseMeeting(words: string[], ref: { reference?: string }): IncidentCommand {
  const [step = '', kind, ...rest] = words.map((w) => w.toLowerCase());
  if (step !== 'schedule' && step !== 'start' && step !== 'end')
    return invalid(
      step ? `"${step}" is not schedule, start or end` : 'say schedule, start or end',
      USAGE.meeting,
    );
  if (rest.length > 0) return invalid(`"${rest.join(' ')}" is not understood`, USAGE.meeting);
  if (kind === undefined) return { kind: 'meeting', step, ...ref };
  if (step === 'end') return invalid('"meeting end" ends the meeting being run; say no more', USAGE.meeting);
  const meetingKind = kind === 'adhoc' ? 'ad-hoc' : kind;
  if (!(MEETING_KINDS as readonly string[]).includes(meetingKind))
    return invalid(`"${kind}" is not a meeting: ${MEETING_KINDS.join(', ')}`, USAGE.meeting);
  return { kind: 'meeting', step, meetingKind: meetingKind as MeetingKind, ...ref };
}

function parseActionAdd(words: string[], ref: { reference?: string }): IncidentCommand {
  const [verb = '', priority, ...rest] = words;
  if (verb.toLowerCase() !== 'add')
    return invalid('say "action add" (or "actions" for the plan, "update" to report progress)', USAGE.action);
  if (rest.length > 0) return invalid(`"${rest.join(' ')}" is not understood`, USAGE.action);
  if (priority === undefined) return { kind: 'action-add', ...ref };
  const number = Number(priority);
  if (!Number.isInteger(number) || number < 1)
    return invalid(`"${priority}" is not a priority number (1, 2, 3…)`, USAGE.action);
  return { kind: 'action-add', priority: number, ...ref };
}

function parseUpdate(words: string[], ref: { reference?: string }): IncidentCommand {
  if (words.length === 0) return { kind: 'update', ...ref };
  if (words.length > 1) return invalid('give one action number; the progress goes in the form', USAGE.update);
  const [number] = words as [string];
  return ACTION_NUMBER.test(number)
    ? { kind: 'update', actionNumber: number, ...ref }
    : invalid(`"${number}" is not an action number such as 1.2`, USAGE.update);
}

function parseActions(words: string[], ref: { reference?: string }): IncidentCommand {
  const filter: ActionFilterWords = {};
  for (const word of words) {
    if (word.toLowerCase() === 'all') {
      filter.all = true;
      continue;
    }
    const [key = '', ...valueParts] = word.split(':');
    const value = valueParts.join(':').trim();
    if (!value) return invalid(`"${word}" needs a value after the colon`, USAGE.actions);
    switch (key.toLowerCase()) {
      case 'agency':
      case 'lead':
        filter.agency = value;
        break;
      case 'owner':
        filter.owner = value;
        break;
      case 'rag': {
        const rag = tryParseRag(value);
        if (!rag)
          return invalid(`"${value}" is not a RAG rating (red, amber or yellow, green)`, USAGE.actions);
        filter.rag = rag;
        break;
      }
      case 'status': {
        const status = value.toLowerCase();
        if (!(ACTION_STATUSES as readonly string[]).includes(status))
          return invalid(`"${value}" is not a status: ${ACTION_STATUSES.join(', ')}`, USAGE.actions);
        filter.status = status as ActionStatus;
        break;
      }
      default:
        return invalid(`"${word}" is not a filter`, USAGE.actions);
    }
  }
  return { kind: 'actions', filter, ...ref };
}

function parseExport(words: string[], ref: { reference?: string }): IncidentCommand {
  const [what = '', ...rest] = words;
  switch (what.toLowerCase()) {
    case 'minutes':
      if (rest.length > 1) return invalid('give at most one meeting id (initial-1)', USAGE.export);
      return {
        kind: 'export',
        what: 'minutes',
        ...(rest[0] ? { meetingId: rest[0].toLowerCase() } : {}),
        ...ref,
      };
    case 'plan':
    case 'report':
      if (rest.length > 0) return invalid(`"${rest.join(' ')}" is not understood`, USAGE.export);
      return { kind: 'export', what: what.toLowerCase() as ExportKind, ...ref };
    default:
      return invalid(
        what ? `"${what}" is not minutes, plan or report` : 'say minutes, plan or report',
        USAGE.export,
      );
  }
}
