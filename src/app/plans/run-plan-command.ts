/**
 * Runs a parsed `/plan` command for any platform and says what to tell the
 * person, in plain words with the next step. Refusals and bad input come
 * back as the message (nothing changed); anything unexpected is thrown for
 * the platform's usual "something went wrong" handling.
 */
import { DateTime } from 'luxon';
import type { Actor } from '../../core/actor.js';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import { ErrorCode, isMusterError, MusterError } from '../../core/errors.js';
import type { RoundStatus } from '../../core/plans/plan-round.js';
import type { CommandDeps } from '../commands/command-outcome.js';
import { isUserError, userMessage } from '../user-message.js';
import { exportBoardReport } from './export-board-report.js';
import { importPlan } from './import-plan.js';
import type { PlanRequester } from './plan-access.js';
import { PLAN_HELP, type PlanCommand } from './plan-command.js';
import type { PlanNotifier } from './plan-notifier.js';
import { answerPlanRound, formatDeadline, planRoundStatus, startPlanRound } from './plan-rounds.js';
import { promoteIncidentAction } from './promote-action.js';
import { promoteIncidentLesson } from './promote-lesson.js';
import type { PlanFile } from './read-plan-file.js';

export type PlanCommandDeps = CommandDeps & { notifier: PlanNotifier };

export interface PlanCommandRequest {
  command: PlanCommand;
  by: Actor;
  requester: PlanRequester;
  /** Files attached to the message (for `import`). */
  files?: PlanFile[];
}

export interface PlanCommandOutcome {
  message: string;
  /** Nothing changed: the request was refused or could not be read. */
  refused?: boolean;
}

export async function runPlanCommand(
  deps: PlanCommandDeps,
  request: PlanCommandRequest,
): Promise<PlanCommandOutcome> {
  try {
    return { message: await run(deps, request) };
  } catch (error) {
    if (isUserError(error) || isMusterError(error)) return { message: userMessage(error), refused: true };
    throw error;
  }
}

async function run(
  deps: PlanCommandDeps,
  { command, by, requester, files = [] }: PlanCommandRequest,
): Promise<string> {
  const who = { by, requester };
  switch (command.kind) {
    case 'help':
      return ['Strategic plan commands:', ...PLAN_HELP.map((h) => `• ${h.usage} — ${h.summary}`)].join('\n');
    case 'invalid':
      throw new MusterError(
        ErrorCode.InvalidInput,
        `${capitalised(command.problem)}. Usage: ${command.usage}`,
      );
    case 'list': {
      const plans = await deps.store.listPlans();
      if (plans.length === 0)
        return 'No plans yet. A coordinator imports one with /plan import <plan-id>, attaching the spreadsheet.';
      return plans
        .map(
          (p) =>
            `• ${p.id} — ${p.title}: ${p.actionCount} actions${p.openRound ? `, ${p.openRound} round open` : ''}`,
        )
        .join('\n');
    }
    case 'import': {
      const plan = await importPlan(deps, {
        planId: command.planId,
        ...(command.title ? { title: command.title } : {}),
        files,
        ...who,
      });
      return `Imported ${plan.title}: ${plan.priorities.length} priorities, ${plan.actions.length} actions, ${plan.indicators.length} indicators. Start the quarter’s update with /plan round start ${plan.id} <quarter> by <yyyy-mm-dd>.`;
    }
    case 'round-start': {
      const { round, asked } = await startPlanRound(deps, { ...command, ...who });
      const deadline = formatDeadline(round.deadline, calendarFor(deps.protocol));
      return `The ${round.quarter} round of ${command.planId} has started: ${asked} action leads were asked for progress and a RAG by ${deadline}. Leads who have not answered are reminded each working day; see who has with /plan round status ${command.planId}.`;
    }
    case 'round-status':
      return statusText(deps, command.planId, await planRoundStatus(deps, command.planId));
    case 'update': {
      const { late } = await answerPlanRound(deps, { ...command, ...who });
      return `Thanks: action ${command.actionNumber} is now ${command.rag.toUpperCase()} with your update${late ? ' (recorded as late: the round had closed)' : ''}.`;
    }
    case 'export': {
      const { files: report } = await exportBoardReport(deps, command.planId);
      await deps.platform.uploadFiles(
        { kind: 'direct', recipients: { contacts: [], actors: [by] } },
        report,
        `Board report for ${command.planId}: the Word document has the indicator chart, the workbook the figures.`,
      );
      return `The board report for ${command.planId} is in your direct messages (Word and Excel).`;
    }
    case 'promote': {
      const planId = command.planId ?? (await onlyPlan(deps));
      const { plan, number } = await promoteIncidentAction(deps, { ...command, planId, ...who });
      return `${command.reference} action ${command.actionNumber} is now action ${number} of ${plan.title}; the link is kept on both sides.`;
    }
    case 'promote-lesson': {
      const planId = command.planId ?? (await onlyPlan(deps));
      const { plan, number } = await promoteIncidentLesson(deps, { ...command, planId, ...who });
      return `Lesson ${command.lesson} of ${command.reference} is now action ${number} of ${plan.title}; the link is kept on both sides.`;
    }
  }
}

async function onlyPlan(deps: PlanCommandDeps): Promise<string> {
  const plans = await deps.store.listPlans();
  if (plans.length === 1 && plans[0]) return plans[0].id;
  const message = `say which plan with "into <plan-id>" (plans: ${plans.map((p) => p.id).join(', ') || 'none yet'})`;
  throw new MusterError(ErrorCode.InvalidInput, `Which plan? ${message}.`, [{ path: 'planId', message }]);
}

function statusText(deps: PlanCommandDeps, planId: string, status: RoundStatus): string {
  const calendar = calendarFor(deps.protocol);
  const day = (iso: string) => calendar.local(DateTime.fromISO(iso)).toFormat('ccc d LLL');
  const { round, answered, waiting } = status;
  const state =
    round.status === 'open'
      ? `open until ${formatDeadline(round.deadline, calendar)}`
      : `closed ${day(round.closedAt ?? round.deadline)}`;
  const lines = [
    `${round.quarter} round of ${planId}, ${state}: ${answered.length} of ${round.requests.length} answered.`,
  ];
  if (answered.length > 0) {
    lines.push('Answered:');
    for (const q of answered) {
      lines.push(`• ${q.actionNumber} ${q.lead.name} (${day(q.answeredAt ?? '')}${q.late ? ', late' : ''})`);
    }
  }
  if (waiting.length > 0) {
    lines.push('Waiting:');
    for (const q of waiting) {
      const chased = q.chasedOn.length > 0 ? `, reminded ${q.chasedOn.length}×` : '';
      lines.push(`• ${q.actionNumber} ${q.lead.name}${chased}`);
    }
  }
  return lines.join('\n');
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
