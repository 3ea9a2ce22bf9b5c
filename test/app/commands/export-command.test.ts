import { describe, expect, it } from 'vitest';
import type { CommandScope } from '../../../src/app/commands/command-outcome.js';
import { exportCommand } from '../../../src/app/commands/export-command.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Store } from '../../../src/ports.js';
import { CHAIR, COORDINATOR, exportHarness, exportIncident } from '../exports/export-fixture.js';
import { refusal, snapshot } from '../store-snapshot.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MD = 'text/markdown; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

const scopeOf = (incident: Incident): CommandScope => ({
  incident,
  by: COORDINATOR,
  requester: { contactId: COORDINATOR.contactId, isSpaceMember: true },
});

/** The incident as the runner would hand it to the command: freshly loaded. */
async function scope(store: Store, reference: string): Promise<CommandScope> {
  return scopeOf((await store.getIncident(reference))!);
}

const withFinal = (overrides: Partial<Incident> = {}) =>
  exportIncident({
    status: 'final-held',
    meetings: [
      ...exportIncident().meetings,
      { id: 'final-1', kind: 'final', at: '2027-11-01T10:00:00.000Z', status: 'held', chair: CHAIR },
    ],
    ...overrides,
  });

const FILES = (upload: { files: { filename: string; mimeType: string }[] }) =>
  upload.files.map((f) => [f.filename, f.mimeType]);

describe('exportCommand', () => {
  it('posts the minutes as DOCX and Markdown to the space and List 1, and refreshes the card once', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    const stem = `${incident.reference.toLowerCase()}-minutes-initial`;

    const first = await exportCommand(deps, await scope(store, incident.reference), 'minutes');
    expect(platform.uploads.map((u) => u.target.kind)).toEqual(['space', 'direct']);
    expect(FILES(platform.uploads[0]!)).toEqual([
      [`${stem}.docx`, DOCX],
      [`${stem}.md`, MD],
    ]);
    expect(first).toEqual({
      message:
        'Minutes of the Initial Tactical Response Meeting posted here and sent to List 1. The minutes milestone is marked met.',
      refreshCard: true,
    });

    const again = await exportCommand(deps, await scope(store, incident.reference), 'minutes', 'initial-1');
    expect(platform.uploads).toHaveLength(4);
    expect(again.refreshCard).toBe(false);
    expect(again.message).not.toMatch(/marked met/);
    const types = (await store.listEvents(incident.reference)).map((e) => e.type);
    expect(types).toEqual(['milestone.met', 'export.minutes', 'export.minutes']);
  });

  it('posts the action plan as XLSX and CSV to the space only, meeting no milestone', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    const outcome = await exportCommand(deps, await scope(store, incident.reference), 'plan');
    const stem = `${incident.reference.toLowerCase()}-action-plan`;
    expect(platform.uploads).toHaveLength(1);
    expect(platform.uploads[0]!.target.kind).toBe('space');
    expect(FILES(platform.uploads[0]!)).toEqual([
      [`${stem}.xlsx`, XLSX],
      [`${stem}.csv`, CSV],
    ]);
    expect(outcome).toEqual({ message: 'Action plan (2 actions) posted here.', refreshCard: false });
    expect((await store.getIncident(incident.reference))!.completions).toEqual({});
  });

  it('sends the final report to the space and List 1 and marks final-report met', async () => {
    const { deps, platform, store, incident } = await exportHarness(withFinal(), '2027-11-02T12:00:00Z');
    const outcome = await exportCommand(deps, await scope(store, incident.reference), 'report');
    const stem = `${incident.reference.toLowerCase()}-final-report`;
    expect(platform.uploads.map((u) => u.target.kind)).toEqual(['space', 'direct']);
    expect(FILES(platform.uploads[0]!)).toEqual([
      [`${stem}.docx`, DOCX],
      [`${stem}.md`, MD],
    ]);
    expect(outcome.refreshCard).toBe(true);
    expect((await store.getIncident(incident.reference))!.completions['final-report']?.by).toEqual(
      COORDINATOR,
    );
  });

  it('sends a closed incident’s files to the person who asked when its channel is archived', async () => {
    const closed = withFinal({
      status: 'closed',
      statusBeforeClose: 'final-held',
      closedReason: 'Response complete',
      spaces: {
        recording: { spaceId: 'S1', spaceName: 'sv-2027-9001-corby', archivedAt: '2027-11-02T09:00:00.000Z' },
      },
    });
    const { deps, platform, store, incident } = await exportHarness(closed, '2027-11-02T12:00:00Z');

    const report = await exportCommand(deps, await scope(store, incident.reference), 'report');
    expect(platform.uploads.map((u) => u.target)).toEqual([
      { kind: 'direct', recipients: { contacts: [], actors: [COORDINATOR] } },
      expect.objectContaining({ kind: 'direct' }),
    ]);
    const list1 = platform.uploads[1]!.target;
    expect(list1.kind === 'direct' && list1.recipients.contacts.map((c) => c.id).sort()).toEqual([
      'cara-csp',
      'nia-nhft',
      'pat-police',
    ]);
    expect(report.message).toBe(
      'Final report sent to you and to List 1 directly (the incident’s channel is archived). The final report milestone is marked met.',
    );

    const plan = await exportCommand(deps, await scope(store, incident.reference), 'plan');
    expect(platform.uploads.at(-1)!.target).toEqual({
      kind: 'direct',
      recipients: { contacts: [], actors: [COORDINATOR] },
    });
    expect(plan.message).toBe(
      'Action plan (2 actions) sent to you directly (the incident’s channel is archived).',
    );
    const events = await store.listEvents(incident.reference);
    expect(events.filter((e) => e.type.startsWith('export.')).map((e) => e.data?.deliveredTo)).toEqual([
      'requester',
      'requester',
    ]);
    expect(events.find((e) => e.type === 'export.report')?.summary).toBe(
      'Final report sent to Cara CSP directly and List 1 by Cara CSP.',
    );
  });

  it('names the meeting id when no held meeting has it, uploading and changing nothing', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    const before = await snapshot(store, incident.reference);
    const error = await refusal(
      exportCommand(deps, await scope(store, incident.reference), 'minutes', 'review-7'),
    );
    expect(error).toMatchObject({
      code: 'not_found',
      details: [{ path: 'meetingId', message: 'no held meeting "review-7" (held: initial-1)' }],
    });
    expect(platform.uploads).toEqual([]);
    expect(await snapshot(store, incident.reference)).toEqual(before);
  });

  it('refuses the report before the final meeting, uploading and changing nothing', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    const before = await snapshot(store, incident.reference);
    const error = await refusal(exportCommand(deps, await scope(store, incident.reference), 'report'));
    expect(error?.code).toBe('invalid_transition');
    expect(platform.uploads).toEqual([]);
    expect(await snapshot(store, incident.reference)).toEqual(before);
  });
});
