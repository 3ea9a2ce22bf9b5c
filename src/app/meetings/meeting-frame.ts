/**
 * The rest of a meeting's record: who attended for which agency, and, at
 * review and final meetings, the Signs of Safety columns and 0–10 scale.
 */
import { z } from 'zod';
import type { Actor } from '../../core/actor.js';
import {
  addSignsOfSafetyEntry as addEntry,
  recordAttendance as record,
  setScale,
} from '../../core/meetings/meeting-record.js';
import { SIGNS_OF_SAFETY_COLUMN_IDS, SIGNS_OF_SAFETY_COLUMNS } from '../../core/meetings/signs-of-safety.js';
import type { DirectoryDeps, StoreDeps } from '../deps.js';
import { agencyName, checkAgency } from '../directory-agencies.js';
import { actorSchema, parseInput, referenceSchema } from '../validate-input.js';
import { type ChangedRecord, changeMeetingRecord } from './meeting-change.js';

const meetingTarget = {
  reference: referenceSchema,
  meetingId: z.string().trim().min(1).optional(),
  by: actorSchema,
};

export const recordAttendanceInputSchema = z.object({
  ...meetingTarget,
  agencyId: z.string({ error: 'say which agency' }).trim().min(1, 'say which agency'),
  name: z.string({ error: 'give the person’s name' }).trim().min(1, 'give the person’s name').max(200),
  present: z.boolean({ error: 'say whether they were present' }),
});
export type RecordAttendanceInput = z.input<typeof recordAttendanceInputSchema>;

export async function recordAttendance(
  deps: DirectoryDeps,
  input: RecordAttendanceInput,
): Promise<ChangedRecord> {
  const form = parseInput(recordAttendanceInputSchema, input);
  checkAgency(deps.directory, form.agencyId, 'agencyId');
  const agency = agencyName(deps.directory, form.agencyId);
  return changeMeetingRecord(deps, { ...form, by: form.by as Actor }, (current) => ({
    record: record(current, { agencyId: form.agencyId, name: form.name, present: form.present }),
    type: 'meeting.attendance-recorded',
    summary: `${form.name} (${agency}): ${form.present ? 'present' : 'apologies'}.`,
    data: { agencyId: form.agencyId, name: form.name, present: form.present },
  }));
}

export const setSignsOfSafetyScaleInputSchema = z.object({
  ...meetingTarget,
  // Bounds are the core's rule (checkScale), so the message is the same wherever the scale is set.
  scale: z.number({ error: 'give a number from 0 to 10' }),
});
export type SetSignsOfSafetyScaleInput = z.input<typeof setSignsOfSafetyScaleInputSchema>;

export async function setSignsOfSafetyScale(
  deps: StoreDeps,
  input: SetSignsOfSafetyScaleInput,
): Promise<ChangedRecord> {
  const form = parseInput(setSignsOfSafetyScaleInputSchema, input);
  return changeMeetingRecord(deps, { ...form, by: form.by as Actor }, (current) => ({
    record: setScale(current, form.scale),
    type: 'signs-of-safety.scaled',
    summary: `Signs of Safety scale set to ${form.scale}/10${current.signsOfSafety?.scale === undefined ? '' : ` (was ${current.signsOfSafety.scale})`}.`,
    data: { from: current.signsOfSafety?.scale ?? null, to: form.scale },
  }));
}

export const addSignsOfSafetyEntryInputSchema = z.object({
  ...meetingTarget,
  column: z.enum(SIGNS_OF_SAFETY_COLUMN_IDS, {
    error: `choose one of ${SIGNS_OF_SAFETY_COLUMN_IDS.join(', ')}`,
  }),
  text: z.string({ error: 'write the entry' }).trim().min(1, 'write the entry').max(2000),
});
export type AddSignsOfSafetyEntryInput = z.input<typeof addSignsOfSafetyEntryInputSchema>;

export async function addSignsOfSafetyEntry(
  deps: StoreDeps,
  input: AddSignsOfSafetyEntryInput,
): Promise<ChangedRecord> {
  const form = parseInput(addSignsOfSafetyEntryInputSchema, input);
  const title = SIGNS_OF_SAFETY_COLUMNS.find((c) => c.id === form.column)!.title;
  return changeMeetingRecord(deps, { ...form, by: form.by as Actor }, (current) => ({
    record: addEntry(current, form.column, form.text),
    type: 'signs-of-safety.entry-added',
    summary: `${title} ${form.text}`,
    data: { column: form.column },
  }));
}
