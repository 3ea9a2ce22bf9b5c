/**
 * Meeting minutes as Markdown: what the bot posts in the incident channel and
 * what goes in an email body. Same sections, in the same order, as the DOCX
 * (`minutes-docx.ts`), so a reader can move between the two.
 */
import { actionPlanMarkdown } from './action-plan-markdown.js';
import type { MinutesDocument, SignsOfSafety } from './export-model.js';
import { mdBullets, mdTable, mdText } from './markdown-text.js';

export function renderMinutesMarkdown(doc: MinutesDocument): string {
  const { incident, meeting } = doc;
  const lines: string[] = [
    `# ${mdText(meeting.kind)} — ${mdText(incident.reference)}`,
    '',
    `**Incident:** ${mdText(incident.title)}  `,
    `**Area:** ${mdText(incident.area)}  `,
    `**Occurred:** ${mdText(incident.occurred)}  `,
    `**Meeting:** ${mdText(meeting.when)}  `,
    `**Chair:** ${mdText(meeting.chair)}  `,
  ];
  if (meeting.location) lines.push(`**Location:** ${mdText(meeting.location)}  `);
  if (meeting.minutedBy) lines.push(`**Minutes:** ${mdText(meeting.minutedBy)}  `);

  lines.push('', '## Attendance', '');
  lines.push(
    ...(doc.attendance.length === 0
      ? ['_No attendance recorded._']
      : mdTable(
          ['Agency', 'Present', 'Apologies'],
          doc.attendance.map((a) => [a.agency, a.present.join(', '), a.apologies.join(', ')]),
        )),
  );

  lines.push('', '## Checklist outcomes');
  if (doc.checklist.length === 0) lines.push('', '_No checklist items recorded._');
  for (const section of doc.checklist) {
    lines.push('', `### ${mdText(section.title)}`, '');
    for (const item of section.items) {
      // The word as well as the box: a screen reader or plain-text email loses the symbol.
      lines.push(`- [${item.done ? 'x' : ' '}] ${mdText(item.text)} — ${item.done ? 'Done' : 'Not done'}`);
      if (item.assignedTo) lines.push(`  - Assigned to: ${mdText(item.assignedTo)}`);
      if (item.notes) lines.push(`  - Notes: ${mdText(item.notes)}`);
      for (const decision of item.decisions ?? []) lines.push(`  - Decision: ${mdText(decision)}`);
    }
  }

  if (doc.signsOfSafety) lines.push('', ...signsOfSafetyMarkdown(doc.signsOfSafety));

  lines.push('', '## Decisions', '', ...mdBullets(doc.decisions));
  lines.push('', '## Action plan', '', `_As at ${mdText(doc.actionPlan.asAt)}_`, '');
  lines.push(...actionPlanMarkdown(doc.actionPlan));
  if (doc.circulation && doc.circulation.length > 0) {
    lines.push('', '## Circulation', '', ...mdBullets(doc.circulation));
  }
  return `${lines.join('\n')}\n`;
}

function signsOfSafetyMarkdown(sos: SignsOfSafety): string[] {
  const lines = [
    '## Signs of Safety',
    '',
    '### What are we worried about?',
    '',
    ...mdBullets(sos.worried),
    '',
    "### What's working well?",
    '',
    ...mdBullets(sos.workingWell),
    '',
    '### What needs to happen?',
    '',
    ...mdBullets(sos.needsToHappen),
  ];
  if (sos.scale) {
    lines.push('', `**Safety scale:** ${sos.scale.value} / 10`);
    if (sos.scale.rationale) lines.push('', mdText(sos.scale.rationale));
  }
  return lines;
}
