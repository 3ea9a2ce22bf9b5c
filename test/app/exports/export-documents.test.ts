import { describe, expect, it } from 'vitest';
import { actionPlanDocument, minutesDocument } from '../../../src/app/exports/export-documents.js';
import { finalReportDocument } from '../../../src/app/exports/final-report-document.js';
import { meetingInvite } from '../../../src/app/exports/meeting-invite.js';
import {
  addItemDecision,
  addSignsOfSafetyEntry,
  setScale,
  startMeetingRecord,
} from '../../../src/core/meetings/meeting-record.js';
import { CHAIR, exportHarness, exportIncident } from './export-fixture.js';

describe('minutesDocument', () => {
  it('maps attendance by agency, checklist outcomes, decisions and the plan with local dates', async () => {
    const { deps, incident } = await exportHarness();
    const doc = minutesDocument(deps, incident);
    expect(doc.meeting).toMatchObject({
      kind: 'Initial Tactical Response Meeting',
      when: 'Wed 1 Sep 2027 10:00 BST–11:30',
      chair: 'DCI Priya Patel',
    });
    expect(doc.incident).toMatchObject({ area: 'Corby', occurred: 'Sun 14 Mar 2027 22:40 GMT' });
    expect(doc.attendance).toEqual([
      { agency: 'NHFT', present: [], apologies: ['Nia NHFT'] },
      { agency: 'Police', present: ['Pat Police'], apologies: [] },
    ]);
    const reporting = doc.checklist.find((s) => s.title === 'Incident reporting')!;
    expect(reporting.items.find((i) => i.text === 'Ensure immediate response is in place')?.done).toBe(true);
    const cctv = doc.checklist.find((s) => s.title === 'Develop and implement response plan')!.items[3]!;
    expect(cctv).toMatchObject({
      done: false,
      assignedTo: 'Police',
      notes: 'Footage requested from the council',
    });
    expect(doc.decisions).toEqual(['Hold a community meeting on Friday']);
    expect(doc.signsOfSafety).toBeUndefined();
    expect(doc.circulation).toContain('NHFT (List 1)');
    expect(doc.circulation).not.toContain('Schools (List 1)');
  });

  it('groups the action plan by priority in plan order with RAG, lead and latest update', async () => {
    const { deps, incident } = await exportHarness();
    const plan = actionPlanDocument(deps, incident);
    expect(plan.asAt).toBe('Fri 3 Sep 2027 12:00 BST');
    expect(plan.priorities.map((p) => p.number)).toEqual(['1', '2']);
    expect(plan.priorities[0]!.actions[0]).toMatchObject({
      number: '1.1',
      lead: 'Police',
      timescale: '10 Sep 2027',
      progressUpdate: 'Requested',
      rag: 'red',
      status: 'Open',
    });
  });

  it('carries Signs of Safety and its scale for a review meeting', async () => {
    let record = startMeetingRecord('review', 'review-1');
    record = addSignsOfSafetyEntry(record, 'worried', 'Retaliation');
    record = setScale(record, 6);
    const incident = exportIncident({
      meetings: [{ id: 'review-1', kind: 'review', at: '2027-10-01T09:00:00.000Z', status: 'held' }],
      meetingRecords: [record],
    });
    const { deps } = await exportHarness(incident);
    const doc = minutesDocument(deps, incident, 'review-1');
    expect(doc.signsOfSafety).toEqual({
      worried: ['Retaliation'],
      workingWell: [],
      needsToHappen: [],
      scale: { value: 6 },
    });
    expect(doc.meeting.chair).toBe(incident.sio.name);
  });

  it('refuses minutes when no meeting has been held, and names an unknown meeting', async () => {
    const { deps } = await exportHarness();
    expect(() => minutesDocument(deps, exportIncident({ meetings: [] }))).toThrow(
      /has been recorded as held/,
    );
    expect(() => minutesDocument(deps, exportIncident(), 'review-9')).toThrow(/no held meeting review-9/);
  });
});

describe('finalReportDocument', () => {
  it('lists the timeline with met, late and open, the meetings held and the final decisions as lessons', async () => {
    let final = startMeetingRecord('final', 'final-1');
    final = addItemDecision(final, 'review', 'evaluate-impact', 'Share CCTV earlier next time');
    const incident = exportIncident({
      status: 'final-held',
      meetings: [
        { id: 'initial-1', kind: 'initial', at: '2027-09-01T09:00:00.000Z', status: 'held', chair: CHAIR },
        { id: 'final-1', kind: 'final', at: '2027-11-01T10:00:00.000Z', status: 'held' },
      ],
      meetingRecords: [exportIncident().meetingRecords![0]!, final],
      completions: { 'minutes-initial': { at: '2027-09-30T09:00:00.000Z', by: CHAIR } },
    });
    const { deps } = await exportHarness(incident, '2027-11-02T12:00:00Z');
    const doc = finalReportDocument(deps, incident);
    const outcome = (title: string) => doc.timeline.find((t) => t.milestone.startsWith(title))?.outcome;
    // Notified within 12 hours; meeting and minutes months after a March incident; the rest still open.
    expect(doc.timeline.map((t) => t.outcome)).toEqual(['met', 'late', 'late', 'open', 'open', 'open']);
    expect(outcome('Initial Tactical Response Meeting')).toBe('late');
    expect(doc.meetings.map((m) => [m.kind, m.agencies])).toEqual([
      ['Initial Tactical Response Meeting', ['Police']],
      ['Final Tactical Response Meeting', []],
    ]);
    expect(doc.lessons).toEqual(['Share CCTV earlier next time']);
    expect(doc.facts.map((f) => f.label)).toContain('Senior Investigating Officer');
  });
});

describe('meetingInvite', () => {
  it('names the file after the reference and meeting, in London wall-clock time, stamped by the clock', async () => {
    const { deps, incident } = await exportHarness(
      exportIncident({ reference: 'SV-2027-0042', id: 'SV-2027-0042' }),
    );
    const invite = meetingInvite(deps, incident, incident.meetings[0]!);
    expect(invite.filename).toBe('sv-2027-0042-initial.ics');
    expect(invite.mimeType).toMatch(/^text\/calendar/);
    const text = invite.content.toString('utf8');
    expect(text).toContain('DTSTART;TZID=Europe/London:20270901T100000');
    expect(text).toContain('DTEND;TZID=Europe/London:20270901T113000');
    expect(text).toContain('DTSTAMP:20270903T110000Z');
  });
});
