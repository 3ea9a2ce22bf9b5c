/**
 * The final report (completed handbook) as a Word document. Sections mirror
 * `final-report-markdown.ts`: incident facts, milestone timeline with met/late,
 * meetings, final action plan with shaded RAG cells, lessons learned.
 */
import type { FileChild } from 'docx';
import { packDocx } from './docx-document.js';
import { actionPlanTable, bullets, heading, labelled, para, table, title } from './docx-parts.js';
import type { FinalReportDocument } from './export-model.js';
import { lessonLines } from './lesson-lines.js';
import { OUTCOME_LABEL } from './milestone-outcome.js';

export async function renderFinalReportDocx(doc: FinalReportDocument): Promise<Buffer> {
  const { incident } = doc;
  const children: FileChild[] = [
    title(`Final report — ${incident.reference}`),
    para(`Prepared ${doc.preparedOn}`, { italics: true }),
    heading('Incident', 1),
    labelled('Reference', incident.reference),
    labelled('Incident', incident.title),
    labelled('Area', incident.area),
    labelled('Occurred', incident.occurred),
    ...doc.facts.map((f) => labelled(f.label, f.value)),
    heading('Timeline', 1),
  ];
  if (doc.timeline.length === 0) children.push(para('No milestones recorded.', { italics: true }));
  else {
    children.push(
      table(
        ['Milestone', 'Due', 'Done', 'Outcome'],
        doc.timeline.map((t) => [t.milestone, t.due, t.done ?? '', OUTCOME_LABEL[t.outcome]]),
        [40, 22, 22, 16],
      ),
    );
  }

  children.push(heading('Meetings', 1));
  if (doc.meetings.length === 0) children.push(para('No meetings recorded.', { italics: true }));
  for (const m of doc.meetings) {
    children.push(
      heading(`${m.kind} — ${m.when}`, 2),
      labelled('Chair', m.chair),
      labelled('Agencies', m.agencies.length === 0 ? '—' : m.agencies.join(', ')),
      ...bullets(m.decisions, 'No decisions recorded.'),
    );
  }

  children.push(heading('Final action plan', 1), para(`As at ${doc.actionPlan.asAt}`, { italics: true }));
  children.push(actionPlanTable(doc.actionPlan));
  children.push(heading('Lessons learned', 1), ...bullets(lessonLines(doc.lessons)));

  return packDocx(
    {
      title: `Final report — ${incident.reference}`,
      description: `Final report of the tactical response to ${incident.reference}`,
      footer: `${incident.reference} — final report`,
    },
    children,
  );
}
