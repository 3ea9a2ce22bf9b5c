/**
 * Meeting minutes as a Word document, for the coordinator to send to the
 * attendees and List 1 agencies. Sections mirror `minutes-markdown.ts`: facts,
 * attendance by agency, checklist outcomes, Signs of Safety, decisions, the
 * action plan with RAG cells shaded and labelled.
 */
import type { FileChild } from 'docx';
import { packDocx } from './docx-document.js';
import { actionPlanTable, bullets, heading, labelled, para, table, title } from './docx-parts.js';
import type { ChecklistSection, MinutesDocument, SignsOfSafety } from './export-model.js';

export async function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  const { incident, meeting } = doc;
  const children: FileChild[] = [
    title(`${meeting.kind} — ${incident.reference}`),
    labelled('Incident', incident.title),
    labelled('Area', incident.area),
    labelled('Occurred', incident.occurred),
    labelled('Meeting', meeting.when),
    labelled('Chair', meeting.chair),
  ];
  if (meeting.location) children.push(labelled('Location', meeting.location));
  if (meeting.minutedBy) children.push(labelled('Minutes', meeting.minutedBy));

  children.push(heading('Attendance', 1));
  children.push(
    doc.attendance.length === 0
      ? para('No attendance recorded.', { italics: true })
      : table(
          ['Agency', 'Present', 'Apologies'],
          doc.attendance.map((a) => [a.agency, a.present.join(', '), a.apologies.join(', ')]),
          [30, 40, 30],
        ),
  );

  children.push(heading('Checklist outcomes', 1), ...checklist(doc.checklist));
  if (doc.signsOfSafety) children.push(...signsOfSafety(doc.signsOfSafety));
  children.push(heading('Decisions', 1), ...bullets(doc.decisions));
  children.push(heading('Action plan', 1), para(`As at ${doc.actionPlan.asAt}`, { italics: true }));
  children.push(actionPlanTable(doc.actionPlan));
  if (doc.circulation && doc.circulation.length > 0) {
    children.push(heading('Circulation', 1), ...bullets(doc.circulation));
  }

  return packDocx(
    {
      title: `${meeting.kind} — ${incident.reference}`,
      description: `Minutes of the ${meeting.kind}, ${meeting.when}`,
      footer: `${incident.reference} — ${meeting.kind} minutes`,
    },
    children,
  );
}

function checklist(sections: readonly ChecklistSection[]): FileChild[] {
  if (sections.length === 0) return [para('No checklist items recorded.', { italics: true })];
  return sections.flatMap((section) => [
    heading(section.title, 2),
    table(
      ['Item', 'Outcome', 'Assigned to', 'Notes and decisions'],
      section.items.map((item) => [
        item.text,
        // The word, not only a tick: greyscale printers and screen readers lose symbols.
        item.done ? '☑ Done' : '☐ Not done',
        item.assignedTo ?? '',
        [item.notes ?? '', ...(item.decisions ?? []).map((d) => `Decision: ${d}`)].filter(Boolean).join('\n'),
      ]),
      [40, 14, 18, 28],
    ),
  ]);
}

function signsOfSafety(sos: SignsOfSafety): FileChild[] {
  const blocks: FileChild[] = [
    heading('Signs of Safety', 1),
    heading('What are we worried about?', 2),
    ...bullets(sos.worried),
    heading("What's working well?", 2),
    ...bullets(sos.workingWell),
    heading('What needs to happen?', 2),
    ...bullets(sos.needsToHappen),
  ];
  if (sos.scale) {
    blocks.push(labelled('Safety scale', `${sos.scale.value} / 10`));
    if (sos.scale.rationale) blocks.push(para(sos.scale.rationale));
  }
  return blocks;
}
