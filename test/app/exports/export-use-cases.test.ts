import { describe, expect, it } from 'vitest';
import { exportMinutes } from '../../../src/app/exports/export-minutes.js';
import { exportPlan } from '../../../src/app/exports/export-plan.js';
import { exportReport } from '../../../src/app/exports/export-report.js';
import { CHAIR, COORDINATOR, exportHarness, exportIncident } from './export-fixture.js';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { code?: string; message: string }) => e,
  );

describe('exportMinutes', () => {
  it('uploads DOCX and Markdown to the space and List 1, then marks minutes-initial met and audits', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    const result = await exportMinutes(deps, { reference: incident.reference, by: COORDINATOR });

    expect(platform.uploads).toHaveLength(2);
    const [space, direct] = platform.uploads;
    expect(space!.target).toMatchObject({ kind: 'space', space: { id: 'S1' } });
    const stem = `${incident.reference.toLowerCase()}-minutes-initial`;
    expect(space!.files.map((f) => [f.filename, f.mimeType])).toEqual([
      [`${stem}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [`${stem}.md`, 'text/markdown; charset=utf-8'],
    ]);
    expect(space!.files[0]!.content.subarray(0, 2).toString()).toBe('PK');
    expect(space!.files[1]!.content.toString()).toContain('Hold a community meeting on Friday');
    // List 1 in Corby: police, CSP and NHFT; schools are List 2 only.
    expect(
      direct!.target.kind === 'direct' && direct!.target.recipients.contacts.map((c) => c.id).sort(),
    ).toEqual(['cara-csp', 'nia-nhft', 'pat-police']);

    const stored = await store.getIncident(incident.reference);
    expect(stored!.completions['minutes-initial']?.by).toEqual(COORDINATOR);
    expect(result.message).toMatch(/marked met/);
    const types = (await store.listEvents(incident.reference)).map((e) => e.type);
    expect(types).toEqual(['milestone.met', 'export.minutes']);
  });

  it('re-sends without marking again when the minutes were already sent', async () => {
    const { deps, platform, store, incident } = await exportHarness(
      exportIncident({ completions: { 'minutes-initial': { at: '2027-09-02T09:00:00.000Z', by: CHAIR } } }),
    );
    const result = await exportMinutes(deps, { reference: incident.reference, by: COORDINATOR });
    expect(platform.uploads).toHaveLength(2);
    expect(result.message).not.toMatch(/marked met/);
    expect((await store.getIncident(incident.reference))!.completions['minutes-initial']?.by).toEqual(CHAIR);
    expect((await store.listEvents(incident.reference)).map((e) => e.type)).toEqual(['export.minutes']);
  });

  it('marks nothing and records nothing when the upload fails', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    platform.failNext(1, 'uploadFiles');
    await expect(exportMinutes(deps, { reference: incident.reference, by: COORDINATOR })).rejects.toThrow(
      /unavailable/,
    );
    expect((await store.getIncident(incident.reference))!.completions).toEqual({});
    expect(await store.listEvents(incident.reference)).toEqual([]);
  });

  it('marks minutes-review for a review meeting', async () => {
    const { deps, store, incident } = await exportHarness(
      exportIncident({
        status: 'review-held',
        meetings: [
          ...exportIncident().meetings,
          { id: 'review-1', kind: 'review', at: '2027-10-01T09:00:00.000Z', status: 'held' },
        ],
      }),
      '2027-10-02T12:00:00+01:00',
    );
    await exportMinutes(deps, { reference: incident.reference, by: COORDINATOR });
    const stored = await store.getIncident(incident.reference);
    expect(Object.keys(stored!.completions)).toEqual(['minutes-review']);
  });

  it('refuses an incident with no space on the platform, uploading nothing', async () => {
    const { deps, platform, incident } = await exportHarness(exportIncident({ spaces: {} }));
    const error = await refusal(exportMinutes(deps, { reference: incident.reference, by: COORDINATOR }));
    expect(error?.code).toBe('invalid_transition');
    expect(platform.uploads).toEqual([]);
  });
});

describe('where exports go', () => {
  it('sends the files to the person who asked when told to, the space staying untouched', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    const result = await exportMinutes(deps, {
      reference: incident.reference,
      by: COORDINATOR,
      deliverTo: 'requester',
    });
    expect(platform.uploads.map((u) => u.target)).toEqual([
      { kind: 'direct', recipients: { contacts: [], actors: [COORDINATOR] } },
      expect.objectContaining({ kind: 'direct' }),
    ]);
    expect(result).toMatchObject({ deliveredTo: 'requester', milestoneMet: true });
    expect(result.message).toBe(
      'Minutes of the Initial Tactical Response Meeting sent to you and to List 1 directly. The minutes milestone is marked met.',
    );
    const events = await store.listEvents(incident.reference);
    expect(events.at(-1)?.summary).toBe(
      'Minutes of initial-1 sent to Cara CSP directly and List 1 by Cara CSP.',
    );
  });

  it('needs no space to send to the person who asked', async () => {
    const { deps, platform, incident } = await exportHarness(exportIncident({ spaces: {} }));
    await exportPlan(deps, { reference: incident.reference, by: COORDINATOR, deliverTo: 'requester' });
    expect(platform.uploads.map((u) => u.target.kind)).toEqual(['direct']);
  });

  it('refuses a delivery it does not know, naming the field and uploading nothing', async () => {
    const { deps, platform, incident } = await exportHarness();
    const error = await refusal(
      exportPlan(deps, {
        reference: incident.reference,
        by: COORDINATOR,
        deliverTo: 'everyone' as 'space',
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', details: [{ path: 'deliverTo' }] });
    expect(platform.uploads).toEqual([]);
  });
});

describe('exportPlan', () => {
  it('uploads the plan as XLSX and CSV to the space only, and audits it', async () => {
    const { deps, platform, store, incident } = await exportHarness();
    await exportPlan(deps, { reference: incident.reference, by: COORDINATOR });
    expect(platform.uploads).toHaveLength(1);
    const [upload] = platform.uploads;
    expect(upload!.target.kind).toBe('space');
    expect(upload!.files.map((f) => f.filename)).toEqual([
      `${incident.reference.toLowerCase()}-action-plan.xlsx`,
      `${incident.reference.toLowerCase()}-action-plan.csv`,
    ]);
    const csv = upload!.files[1]!.content.toString('utf8');
    expect(csv.split('\r\n')[2]).toContain('Preserve CCTV');
    expect(upload!.comment).toContain('2 actions');
    expect((await store.listEvents(incident.reference)).map((e) => e.type)).toEqual(['export.plan']);
  });
});

describe('exportReport', () => {
  const withFinal = () =>
    exportIncident({
      status: 'final-held',
      meetings: [
        ...exportIncident().meetings,
        { id: 'final-1', kind: 'final', at: '2027-11-01T10:00:00.000Z', status: 'held' },
      ],
    });

  it('is refused before the final meeting is held', async () => {
    const { deps, platform, incident } = await exportHarness();
    const error = await refusal(exportReport(deps, { reference: incident.reference, by: COORDINATOR }));
    expect(error?.code).toBe('invalid_transition');
    expect(error?.message).toMatch(/Final Tactical Response Meeting/);
    expect(platform.uploads).toEqual([]);
  });

  it('sends the report to the space and List 1 and marks final-report met', async () => {
    const { deps, platform, store, incident } = await exportHarness(withFinal(), '2027-11-02T12:00:00Z');
    await exportReport(deps, { reference: incident.reference, by: COORDINATOR });
    expect(platform.uploads.map((u) => u.target.kind)).toEqual(['space', 'direct']);
    expect(platform.uploads[0]!.files.map((f) => f.filename.split('.').pop())).toEqual(['docx', 'md']);
    expect((await store.getIncident(incident.reference))!.completions['final-report']).toBeDefined();
    expect((await store.listEvents(incident.reference)).map((e) => e.type)).toEqual([
      'milestone.met',
      'export.report',
    ]);
  });

  it('marks nothing when the List 1 upload fails after the channel one', async () => {
    const { deps, platform, store, incident } = await exportHarness(withFinal(), '2027-11-02T12:00:00Z');
    const upload = platform.uploadFiles.bind(platform);
    platform.uploadFiles = async (target, files, comment) => {
      if (target.kind === 'direct') throw new Error('slack down');
      return upload(target, files, comment);
    };
    await expect(exportReport(deps, { reference: incident.reference, by: COORDINATOR })).rejects.toThrow(
      'slack down',
    );
    expect((await store.getIncident(incident.reference))!.completions).toEqual({});
  });
});
