/**
 * `/plan export`: the quarterly board report of a strategic plan as DOCX
 * (with the indicator trend chart) and XLSX, ready for the platform to
 * upload. Builds the report's plain data from the plan (core arithmetic for
 * RAG counts, exceptions and indicator changes) and hands it to the renderers.
 */
import { DateTime } from 'luxon';
import { calendarFor } from '../../core/calendar/working-calendar.js';
import { formatChange, percentChange, summariseIndicator } from '../../core/plans/indicator.js';
import {
  exceptions,
  latestUpdate,
  linkSourceText,
  type Plan,
  ragCountsByPriority,
} from '../../core/plans/plan.js';
import { latestRound } from '../../core/plans/plan-round.js';
import { renderBoardReportDocx } from '../../export/board-report-docx.js';
import type { BoardReportDocument } from '../../export/board-report-model.js';
import { renderBoardReportXlsx } from '../../export/board-report-xlsx.js';
import type { UploadFile } from '../../ports.js';
import type { ProtocolDeps } from '../deps.js';
import { loadPlan } from './plan-rounds.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportBoardReport(
  deps: ProtocolDeps,
  planId: string,
): Promise<{ report: BoardReportDocument; files: UploadFile[] }> {
  const plan = await loadPlan(deps, planId);
  const report = boardReport(plan, deps);
  const stamp = DateTime.fromJSDate(deps.clock.now()).toFormat('yyyy-MM-dd');
  const name = `${plan.id}-board-report-${stamp}`;
  const files: UploadFile[] = [
    {
      filename: `${name}.docx`,
      title: `Board report — ${plan.title}`,
      mimeType: DOCX,
      content: await renderBoardReportDocx(report),
    },
    {
      filename: `${name}.xlsx`,
      title: `Board report — ${plan.title} (workbook)`,
      mimeType: XLSX,
      content: await renderBoardReportXlsx(report),
    },
  ];
  return { report, files };
}

export function boardReport(plan: Plan, deps: Pick<ProtocolDeps, 'clock' | 'protocol'>): BoardReportDocument {
  const calendar = calendarFor(deps.protocol);
  const day = (iso: string) => calendar.local(DateTime.fromISO(iso)).toFormat('d LLL yyyy');
  const round = latestRound(plan);
  const roundLine = !round
    ? 'No update round yet'
    : round.status === 'open'
      ? `${round.quarter} round open until ${day(round.deadline)}`
      : `${round.quarter} round, closed ${day(round.closedAt ?? round.deadline)}`;
  return {
    planId: plan.id,
    title: plan.title,
    roundLine,
    asAt: calendar.local(DateTime.fromJSDate(deps.clock.now())).toFormat("d LLL yyyy 'at' HH:mm"),
    priorities: ragCountsByPriority(plan).map(({ priority, counts }) => ({
      number: priority.number,
      title: priority.title,
      ...counts,
    })),
    exceptions: exceptions(plan).map((a) => {
      const update = latestUpdate(a);
      return {
        number: a.number,
        description: a.description,
        lead: a.leadAgency === a.owner.name ? a.leadAgency : `${a.leadAgency} (${a.owner.name})`,
        rag: a.rag,
        latestUpdate: update?.text ?? 'No update yet.',
        updatedBy: update ? `${day(update.at)}, ${update.by.name}` : '',
      };
    }),
    indicators: plan.indicators.map((indicator, i) => {
      const s = summariseIndicator(indicator);
      return {
        key: `I${i + 1}`,
        name: indicator.name,
        baselinePeriod: indicator.baselinePeriod,
        baseline: indicator.baseline,
        ...(s.latest ? { latestQuarter: s.latest.quarter, latest: s.latest.value } : {}),
        ...(s.change === undefined ? {} : { change: s.change }),
        changeText: s.latest ? formatChange(s.change) : 'No figure yet',
        ...(s.rag ? { rag: s.rag } : {}),
        betterDirection: indicator.higherIsBetter ? 'higher' : 'lower',
        trend: indicator.quarters.flatMap((q) => {
          const change = percentChange(indicator.baseline, q.value);
          return change === undefined ? [] : [{ quarter: q.quarter, change }];
        }),
      };
    }),
    links: plan.links.map((l) => {
      const action = plan.actions.find((a) => a.id === l.planActionId);
      return `${action?.number ?? '?'} ← ${linkSourceText(l)}`;
    }),
  };
}
