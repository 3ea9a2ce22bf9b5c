/**
 * The forms the checklist card's buttons open: "Work on it" for one item
 * (checklist-item-form.ts), Record attendance and Signs of Safety. Every
 * answer is checked before anything is written, each problem named by its
 * field id so the platform shows it under the field; then the meeting use
 * cases run and the card in the channel is refreshed. Each form is rebuilt
 * from its context alone, so a platform can read a submission and show the
 * form again with its errors.
 */
import type { ProblemDetail } from '../../core/errors.js';
import type { Incident } from '../../core/incident/incident.js';
import type { MeetingRecord } from '../../core/meetings/meeting-record.js';
import {
  checkScale,
  SCALE_MAX,
  SCALE_MIN,
  SIGNS_OF_SAFETY_COLUMNS,
  type SignsOfSafetyColumn,
} from '../../core/meetings/signs-of-safety.js';
import type { CommandDeps } from '../commands/command-outcome.js';
import { agencyName } from '../directory-agencies.js';
import { meetingName } from '../meetings/checklist-card.js';
import { refreshChecklistCard, withCardProblem } from '../meetings/checklist-message.js';
import { runningRecord, targetRecord } from '../meetings/meeting-change.js';
import { addSignsOfSafetyEntry, recordAttendance, setSignsOfSafetyScale } from '../meetings/meeting-frame.js';
import { invalidInput } from '../validate-input.js';
import { checkedAgency, checkedText, MAX_TEXT, one, type Values } from './checklist-form-answers.js';
import { CHECKLIST_ITEM_FORM_ID, checklistItemForm } from './checklist-item-form.js';
import type { FormHandler } from './form-handler.js';
import type { FormDefinition } from './form-model.js';
import { agencyChoices } from './form-values.js';

export { CHECKLIST_ITEM_FORM_ID, checklistItemFormHandler } from './checklist-item-form.js';
export const ATTENDANCE_FORM_ID = 'attendance';
export const SIGNS_OF_SAFETY_FORM_ID = 'signs-of-safety';

// ─── Record attendance ─────────────────────────────────────────────────────

const PRESENT_CHOICES = [
  { value: 'present', label: 'present' },
  { value: 'apologies', label: 'sent apologies' },
];

function attendanceForm(deps: CommandDeps, incident: Incident, ctx: Record<string, string>): FormDefinition {
  const record = targetRecord(incident, ctx.meetingId);
  return {
    id: ATTENDANCE_FORM_ID,
    title: `Attendance: ${meetingName(record.kind)}`,
    shortTitle: 'Record attendance',
    submitLabel: 'Record',
    intro: `${incident.reference}: who is here for which agency. Recording the same person again corrects it.`,
    context: { reference: incident.reference, meetingId: record.meetingId },
    fields: [
      {
        id: 'agency',
        label: 'Agency',
        kind: 'select',
        required: true,
        choices: agencyChoices(deps.directory),
      },
      { id: 'name', label: 'Name', kind: 'text', required: true, maxLength: 200 },
      {
        id: 'present',
        label: 'Present?',
        kind: 'select',
        required: true,
        initial: 'present',
        choices: PRESENT_CHOICES,
      },
    ],
  };
}

export const attendanceFormHandler: FormHandler = {
  id: ATTENDANCE_FORM_ID,
  rebuild: attendanceForm,
  async submit(deps, scope, submission) {
    const record = runningRecord(scope.incident, submission.context.meetingId);
    const { values } = submission;
    const problems: ProblemDetail[] = [];
    const agencyId = checkedAgency(deps, one(values, 'agency'), 'agency', problems);
    if (!one(values, 'agency')) problems.push({ path: 'agency', message: 'choose the agency' });
    const name = one(values, 'name');
    if (!name) problems.push({ path: 'name', message: 'give the person’s name' });
    else if (name.length > 200)
      problems.push({ path: 'name', message: 'keep the name under 200 characters' });
    const presentValue = one(values, 'present') ?? 'present';
    if (presentValue !== 'present' && presentValue !== 'apologies')
      problems.push({ path: 'present', message: 'choose "present" or "sent apologies"' });
    if (problems.length > 0) throw invalidInput(problems);

    const present = presentValue === 'present';
    await recordAttendance(deps, {
      reference: scope.incident.reference,
      meetingId: record.meetingId,
      agencyId: agencyId!,
      name: name!,
      present,
      by: scope.by,
    });
    const card = await refreshChecklistCard(deps, scope.incident.reference, record.meetingId);
    const said = `Recorded: ${name} (${agencyName(deps.directory, agencyId!)}), ${present ? 'present' : 'apologies'}.`;
    return { message: withCardProblem(said, card) };
  },
};

// ─── Signs of Safety ───────────────────────────────────────────────────────

const SCALE_CHOICES = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => {
  const n = SCALE_MIN + i;
  const note = n === SCALE_MIN ? ': not working' : n === SCALE_MAX ? ': can be closed' : '';
  return { value: String(n), label: `${n}${note}` };
});

function signsOfSafetyForm(
  _deps: CommandDeps,
  incident: Incident,
  ctx: Record<string, string>,
): FormDefinition {
  const record = targetRecord(incident, ctx.meetingId);
  const scale = record.signsOfSafety?.scale;
  return {
    id: SIGNS_OF_SAFETY_FORM_ID,
    title: `Signs of Safety: ${meetingName(record.kind)}`,
    shortTitle: 'Signs of Safety',
    submitLabel: 'Add',
    intro: `${incident.reference}: add an entry to one of the three columns, or set the scale (${SCALE_MIN}: the response is not working, ${SCALE_MAX}: it can be closed).`,
    context: { reference: incident.reference, meetingId: record.meetingId },
    fields: [
      {
        id: 'column',
        label: 'Column',
        kind: 'select',
        required: false,
        choices: SIGNS_OF_SAFETY_COLUMNS.map((c) => ({ value: c.id, label: c.title })),
      },
      { id: 'entry', label: 'Entry', kind: 'textarea', required: false, maxLength: MAX_TEXT },
      {
        id: 'scale',
        label: 'Scale',
        kind: 'select',
        required: false,
        choices: SCALE_CHOICES,
        ...(scale === undefined ? {} : { initial: String(scale) }),
      },
    ],
  };
}

function checkSignsOfSafety(record: MeetingRecord, values: Values) {
  const problems: ProblemDetail[] = [];
  if (!record.signsOfSafety) {
    throw invalidInput([
      {
        path: 'column',
        message: `Signs of Safety is used at review and final meetings, not the ${record.kind} one`,
      },
    ]);
  }
  const columnValue = one(values, 'column');
  const column = SIGNS_OF_SAFETY_COLUMNS.find((c) => c.id === columnValue);
  if (columnValue !== undefined && !column)
    problems.push({ path: 'column', message: 'choose one of the three columns' });
  const entry = checkedText(values, 'entry', 'entry', problems);
  if (entry && !columnValue)
    problems.push({ path: 'column', message: 'choose the column the entry goes in' });

  const scaleText = one(values, 'scale');
  let scale: number | undefined;
  if (scaleText !== undefined) {
    try {
      scale = checkScale(/^-?\d+(\.\d+)?$/.test(scaleText) ? Number(scaleText) : Number.NaN);
    } catch {
      problems.push({
        path: 'scale',
        message: `the scale is a whole number from ${SCALE_MIN} to ${SCALE_MAX}`,
      });
    }
  }
  const newScale = scale !== undefined && scale !== record.signsOfSafety.scale ? scale : undefined;
  if (problems.length === 0 && !entry && newScale === undefined)
    problems.push({ path: 'entry', message: 'write an entry or change the scale' });
  if (problems.length > 0) throw invalidInput(problems);
  return { column: column?.id as SignsOfSafetyColumn | undefined, entry, scale: newScale };
}

export const signsOfSafetyFormHandler: FormHandler = {
  id: SIGNS_OF_SAFETY_FORM_ID,
  rebuild: signsOfSafetyForm,
  async submit(deps, scope, submission) {
    const record = runningRecord(scope.incident, submission.context.meetingId);
    const { column, entry, scale } = checkSignsOfSafety(record, submission.values);
    const target = { reference: scope.incident.reference, meetingId: record.meetingId, by: scope.by };
    const said: string[] = [];
    if (entry && column) {
      await addSignsOfSafetyEntry(deps, { ...target, column, text: entry });
      said.push(`Added to "${SIGNS_OF_SAFETY_COLUMNS.find((c) => c.id === column)!.title}"`);
    }
    if (scale !== undefined) {
      await setSignsOfSafetyScale(deps, { ...target, scale });
      said.push(`${said.length > 0 ? 'scale' : 'Scale'} set to ${scale}/${SCALE_MAX}`);
    }
    const card = await refreshChecklistCard(deps, scope.incident.reference, record.meetingId);
    return { message: withCardProblem(`${said.join('; ')}.`, card) };
  },
};

/** The form a checklist button opens, with the context its submission needs. */
export function checklistForm(
  deps: CommandDeps,
  incident: Incident,
  formId: typeof CHECKLIST_ITEM_FORM_ID | typeof ATTENDANCE_FORM_ID | typeof SIGNS_OF_SAFETY_FORM_ID,
  ctx: Record<string, string>,
): FormDefinition {
  const build =
    formId === CHECKLIST_ITEM_FORM_ID
      ? checklistItemForm
      : formId === ATTENDANCE_FORM_ID
        ? attendanceForm
        : signsOfSafetyForm;
  return build(deps, incident, ctx);
}
