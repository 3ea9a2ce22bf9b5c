import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finalReportDocument } from '../../../src/app/exports/final-report-document.js';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { cspAgencyId, promoteIncidentLesson } from '../../../src/app/plans/promote-lesson.js';
import { isMusterError } from '../../../src/core/errors.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { renderFinalReportMarkdown } from '../../../src/export/final-report-markdown.js';
import type { Store } from '../../../src/ports.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { STORES, testDeps } from '../harness.js';
import { incidentWithLessons, LESSONS } from './lesson-fixtures.js';
import { COORDINATOR_REQUEST, fixture } from './plan-fixtures.js';

async function refusal(promise: Promise<unknown>): Promise<{ paths: string[]; message: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMusterError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { paths: error.details.map((d) => d.path), message: error.message };
}

describe.each(STORES)('promoteIncidentLesson ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let incident: Incident;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    await importPlan(testDeps(store), {
      planId: 'ashfield-2024',
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
    incident = await store.createIncident(incidentWithLessons({ reference: 'SV-2027-0042' }));
  });
  afterEach(async () => cleanup());

  const input = { planId: 'ashfield-2024', reference: 'SV-2027-0042', lesson: 2, ...COORDINATOR_REQUEST };

  it('promotes the lesson the final report numbers 2, led by the CSP, keeping the link both ways', async () => {
    const report = renderFinalReportMarkdown(finalReportDocument(testDeps(store), incident));
    expect(report).toContain(`- Lesson 2: ${LESSONS[1]}`);

    const { plan, number } = await promoteIncidentLesson(testDeps(store), input);

    // No priority asked for: the plan's first.
    expect(number).toBe('1.4');
    const promoted = plan.actions.find((a) => a.number === '1.4');
    expect(promoted).toMatchObject({
      description: LESSONS[1],
      leadAgency: 'csp',
      owner: COORDINATOR_REQUEST.by,
      status: 'open',
      priority: { number: 1 },
    });
    expect(promoted?.updates.map((u) => u.text)).toEqual(['Promoted from SV-2027-0042 lesson 2.']);
    expect(plan.links).toEqual([
      expect.objectContaining({
        planActionId: promoted?.id,
        incidentReference: 'SV-2027-0042',
        incidentLessonNumber: 2,
      }),
    ]);
    expect(plan.links[0]).not.toHaveProperty('incidentActionNumber');
    const events = await store.listEvents('SV-2027-0042');
    expect(events.at(-1)).toMatchObject({
      type: 'lesson.promoted',
      summary: 'Lesson 2 promoted into the strategic plan ashfield-2024 as 1.4.',
      data: { planId: 'ashfield-2024', planActionNumber: '1.4', lesson: 2 },
    });
  });

  it('files it under the priority and lead agency asked for', async () => {
    const { number, plan } = await promoteIncidentLesson(testDeps(store), {
      ...input,
      lesson: 3,
      priorityNumber: 4,
      leadAgency: 'police',
    });
    expect(number).toBe('4.2');
    expect(plan.actions.at(-1)).toMatchObject({ description: LESSONS[2], leadAgency: 'police' });
  });

  it('refuses a non-coordinator, an unknown lesson, an unknown agency and a second promotion, changing nothing', async () => {
    await promoteIncidentLesson(testDeps(store), input);
    const before = await store.getPlan('ashfield-2024');
    const eventsBefore = (await store.listEvents('SV-2027-0042')).length;

    const outsider = await refusal(
      promoteIncidentLesson(testDeps(store), {
        ...input,
        by: { id: 'x', name: 'X' },
        requester: { contactId: 'pat-police' },
      }),
    );
    expect(outsider.paths).toEqual(['requester']);
    expect(outsider.message).toContain('Only CSP coordinators');

    const unknown = await refusal(promoteIncidentLesson(testDeps(store), { ...input, lesson: 4 }));
    expect(unknown.paths).toEqual(['lesson']);
    expect(unknown.message).toBe(
      'SV-2027-0042 has no lesson 4: its lessons are numbered 1 to 3, as in the final report.',
    );
    const agency = await refusal(
      promoteIncidentLesson(testDeps(store), { ...input, lesson: 1, leadAgency: 'nobody' }),
    );
    expect(agency.paths).toEqual(['leadAgency']);
    const again = await refusal(promoteIncidentLesson(testDeps(store), input));
    expect(again.paths).toEqual(['lesson']);
    expect(again.message).toContain('already in the plan');

    expect(await store.getPlan('ashfield-2024')).toEqual(before);
    expect(await store.listEvents('SV-2027-0042')).toHaveLength(eventsBefore);
  });

  it('says there are no lessons before the final meeting is held', async () => {
    await store.createIncident(makeIncident({ reference: 'SV-2027-0043' }));
    const early = await refusal(
      promoteIncidentLesson(testDeps(store), { ...input, reference: 'SV-2027-0043', lesson: 1 }),
    );
    expect(early.paths).toEqual(['lesson']);
    expect(early.message).toContain('SV-2027-0043 has held no final meeting yet, so it has no lessons');
    expect(early.message).toContain('record the final meeting as held');
  });
});

describe('cspAgencyId', () => {
  it('finds the partnership’s agency by id or by name', () => {
    const agencies = (list: { id: string; name: string }[]) =>
      ({ agencies: list }) as unknown as Parameters<typeof cspAgencyId>[0];
    expect(
      cspAgencyId(
        agencies([
          { id: 'police', name: 'Police' },
          { id: 'csp', name: 'CSP' },
        ]),
      ),
    ).toBe('csp');
    expect(
      cspAgencyId(agencies([{ id: 'community-safety-partnership', name: 'Community Safety Partnership' }])),
    ).toBe('community-safety-partnership');
    expect(cspAgencyId(agencies([{ id: 'police', name: 'Police' }]))).toBeUndefined();
  });
});
