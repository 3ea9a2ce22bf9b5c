/**
 * The `/plan` grammar, shared by Slack, the console and Teams (`plan …`):
 *
 *   /plan list
 *   /plan import <plan-id> [title…]                 (with the CSV/XLSX attached)
 *   /plan round start <plan-id> <quarter…> by <yyyy-mm-dd>
 *   /plan round status <plan-id>
 *   /plan update <plan-id> <n.n> <red|amber|green> <progress…>
 *   /plan export <plan-id>
 *   /plan promote <SV-yyyy-nnnn> <n.n> [into <plan-id>] [priority <n>]
 *   /plan promote <SV-yyyy-nnnn> lesson <n> [into <plan-id>] [priority <n>] [lead <agency>]
 *
 * Parsing only: a wrong shape gives `invalid` with the usage line, so every
 * platform answers it the same way.
 */

export type PlanCommand =
  | { kind: 'list' }
  | { kind: 'help' }
  | { kind: 'import'; planId: string; title?: string }
  | { kind: 'round-start'; planId: string; quarter: string; deadline: string }
  | { kind: 'round-status'; planId: string }
  | { kind: 'update'; planId: string; actionNumber: string; rag: string; text: string }
  | { kind: 'export'; planId: string }
  | { kind: 'promote'; reference: string; actionNumber: string; planId?: string; priorityNumber?: number }
  | {
      kind: 'promote-lesson';
      reference: string;
      /** The final report's "Lesson n". */
      lesson: number;
      planId?: string;
      priorityNumber?: number;
      leadAgency?: string;
    }
  | { kind: 'invalid'; problem: string; usage: string };

export const PLAN_USAGE = {
  import: '/plan import <plan-id> [title] — attach the plan as .csv or .xlsx',
  roundStart: '/plan round start <plan-id> <quarter> by <yyyy-mm-dd>',
  roundStatus: '/plan round status <plan-id>',
  update: '/plan update <plan-id> <action number> <red|amber|green> <what has happened>',
  export: '/plan export <plan-id>',
  promote: '/plan promote <SV-2027-0042> <action number> [into <plan-id>] [priority <n>]',
  promoteLesson: '/plan promote <SV-2027-0042> lesson <n> [into <plan-id>] [priority <n>] [lead <agency>]',
} as const;

export const PLAN_HELP: { usage: string; summary: string }[] = [
  { usage: '/plan list', summary: 'The partnership’s strategic plans.' },
  { usage: PLAN_USAGE.import, summary: 'Import a plan from its spreadsheet (coordinators).' },
  { usage: PLAN_USAGE.roundStart, summary: 'Ask every action lead for a quarterly update (coordinators).' },
  { usage: PLAN_USAGE.roundStatus, summary: 'Who has answered the round so far.' },
  { usage: PLAN_USAGE.update, summary: 'Give your action’s progress and RAG.' },
  { usage: PLAN_USAGE.export, summary: 'The board report as Word and Excel files.' },
  { usage: PLAN_USAGE.promote, summary: 'Copy an incident action into the plan, keeping the link.' },
  {
    usage: PLAN_USAGE.promoteLesson,
    summary: 'Make a lesson of the final report a plan action (led by the CSP unless you say).',
  },
];

const invalid = (problem: string, usage: string): PlanCommand => ({ kind: 'invalid', problem, usage });

export function parsePlanCommand(text: string): PlanCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [verb = 'help', ...rest] = words;
  switch (verb.toLowerCase()) {
    case 'list':
      return { kind: 'list' };
    case 'help':
      return { kind: 'help' };
    case 'import': {
      const [planId, ...title] = rest;
      if (!planId) return invalid('name the plan', PLAN_USAGE.import);
      return { kind: 'import', planId, ...(title.length > 0 ? { title: title.join(' ') } : {}) };
    }
    case 'round':
      return parseRound(rest);
    case 'update': {
      const [planId, actionNumber, rag, ...progress] = rest;
      if (!planId || !actionNumber || !rag) {
        return invalid('give the plan, the action number and a RAG', PLAN_USAGE.update);
      }
      return { kind: 'update', planId, actionNumber, rag, text: progress.join(' ') };
    }
    case 'export': {
      const [planId] = rest;
      return planId ? { kind: 'export', planId } : invalid('name the plan', PLAN_USAGE.export);
    }
    case 'promote':
      return parsePromote(rest);
    default:
      return invalid(`"${verb}" is not a /plan command`, '/plan help lists them');
  }
}

function parseRound(rest: string[]): PlanCommand {
  const [step = '', planId, ...more] = rest;
  if (step.toLowerCase() === 'status') {
    return planId ? { kind: 'round-status', planId } : invalid('name the plan', PLAN_USAGE.roundStatus);
  }
  if (step.toLowerCase() !== 'start')
    return invalid('say round start or round status', PLAN_USAGE.roundStart);
  const by = more.findIndex((w) => w.toLowerCase() === 'by');
  const quarter = more.slice(0, by < 0 ? more.length : by).join(' ');
  const deadline = by < 0 ? '' : more.slice(by + 1).join(' ');
  if (!planId || !quarter || !deadline) {
    return invalid('give the plan, the quarter and "by" a deadline', PLAN_USAGE.roundStart);
  }
  return { kind: 'round-start', planId, quarter, deadline };
}

function parsePromote(rest: string[]): PlanCommand {
  if (rest[1]?.toLowerCase() === 'lesson') return parsePromoteLesson(rest);
  const [reference, actionNumber, ...more] = rest;
  if (!reference || !actionNumber)
    return invalid('give the incident reference and its action number', PLAN_USAGE.promote);
  const command: Extract<PlanCommand, { kind: 'promote' }> = { kind: 'promote', reference, actionNumber };
  for (let i = 0; i < more.length; i += 2) {
    const word = more[i]?.toLowerCase();
    const value = more[i + 1];
    if (word === 'into' && value) command.planId = value;
    else if (word === 'priority' && value && /^\d+$/.test(value)) command.priorityNumber = Number(value);
    else return invalid(`"${more.slice(i).join(' ')}" is not understood`, PLAN_USAGE.promote);
  }
  return command;
}

function parsePromoteLesson(rest: string[]): PlanCommand {
  const [reference = '', , lesson, ...more] = rest;
  if (!lesson || !/^\d+$/.test(lesson) || Number(lesson) < 1)
    return invalid('give the lesson’s number as the final report shows it', PLAN_USAGE.promoteLesson);
  const command: Extract<PlanCommand, { kind: 'promote-lesson' }> = {
    kind: 'promote-lesson',
    reference,
    lesson: Number(lesson),
  };
  for (let i = 0; i < more.length; i += 2) {
    const word = more[i]?.toLowerCase();
    const value = more[i + 1];
    if (word === 'into' && value) command.planId = value;
    else if (word === 'priority' && value && /^\d+$/.test(value)) command.priorityNumber = Number(value);
    else if (word === 'lead' && value) command.leadAgency = value;
    else return invalid(`"${more.slice(i).join(' ')}" is not understood`, PLAN_USAGE.promoteLesson);
  }
  return command;
}
