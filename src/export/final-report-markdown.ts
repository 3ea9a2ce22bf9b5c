/**
 * The final report (the completed handbook the toolkit asks for after the Final
 * Tactical Response Meeting) as Markdown: incident facts, milestone timeline
 * with met/late, meetings held, the final action plan and lessons learned.
 * Section order matches `final-report-docx.ts`.
 */
import { actionPlanMarkdown } from './action-plan-markdown.js';
import type { FinalReportDocument } from './export-model.js';
import { lessonLines } from './lesson-lines.js';
import { mdBullets, mdTable, mdText } from './markdown-text.js';
import { OUTCOME_LABEL } from './milestone-outcome.js';

export function renderFinalReportMarkdown(doc: FinalReportDocument): string {
  const { incident } = doc;
  const lines: string[] = [
    `# Final report — ${mdText(incident.reference)}`,
    '',
    `_Prepared ${mdText(doc.preparedOn)}_`,
    '',
    '## Incident',
    '',
    ...mdTable(
      ['', ''],
      [
        ['Reference', incident.reference],
        ['Incident', incident.title],
        ['Area', incident.area],
        ['Occurred', incident.occurred],
        ...doc.facts.map((f) => [f.label, f.value]),
      ],
    ),
    '',
    '## Timeline',
    '',
  ];
  lines.push(
    ...(doc.timeline.length === 0
      ? ['_No milestones recorded._']
      : mdTable(
          ['Milestone', 'Due', 'Done', 'Outcome'],
          doc.timeline.map((t) => [t.milestone, t.due, t.done ?? '', OUTCOME_LABEL[t.outcome]]),
        )),
  );
  const late = doc.timeline.filter((t) => t.outcome === 'late').length;
  const met = doc.timeline.filter((t) => t.outcome === 'met').length;
  lines.push('', `${met} met on time, ${late} late, ${doc.timeline.length - met - late} open.`);

  lines.push('', '## Meetings');
  if (doc.meetings.length === 0) lines.push('', '_No meetings recorded._');
  for (const m of doc.meetings) {
    lines.push('', `### ${mdText(m.kind)} — ${mdText(m.when)}`, '', `**Chair:** ${mdText(m.chair)}  `);
    lines.push(`**Agencies:** ${m.agencies.length === 0 ? '—' : mdText(m.agencies.join(', '))}`, '');
    lines.push(...mdBullets(m.decisions, 'No decisions recorded.'));
  }

  lines.push('', '## Final action plan', '', `_As at ${mdText(doc.actionPlan.asAt)}_`, '');
  lines.push(...actionPlanMarkdown(doc.actionPlan));
  lines.push('', '## Lessons learned', '', ...mdBullets(lessonLines(doc.lessons)));
  return `${lines.join('\n')}\n`;
}
