import { describe, expect, it } from 'vitest';
import { isCoordinator } from '../../src/app/access.js';
import {
  type IncidentScopedCommand,
  parseIncidentCommand,
} from '../../src/app/commands/parse-incident-command.js';
import { runIncidentCommand } from '../../src/app/commands/run-incident-command.js';
import { submitActionUpdate } from '../../src/app/forms/action-update-form.js';
import { submitRegisteredForm } from '../../src/app/forms/form-registry.js';
import { mayChangeActionRag, mayEditDirectory, mayExportCirculated } from '../../src/app/roles.js';
import { isMusterError } from '../../src/core/errors.js';
import { testDirectory } from '../fakes/test-directory.js';
import { CHAIR, COORDINATOR, exportHarness, exportIncident } from './exports/export-fixture.js';
import { refusalEvents, snapshotApartFromRefusals } from './store-snapshot.js';

const REF = 'SV-2027-9100';
/** Schools: in the space, on List 2 only, not the police actions' lead agency. */
const SAM = { id: 'recording:sam', name: 'Sam School', contactId: 'sam-school' };
const NIA = { id: 'recording:nia', name: 'Nia NHFT', contactId: 'nia-nhft' };
const PAT = { id: 'recording:pat', name: 'Pat Police', contactId: 'pat-police' };
const member = (who: { contactId: string }) => ({ contactId: who.contactId, isSpaceMember: true });

function scoped(text: string): IncidentScopedCommand {
  return parseIncidentCommand(text) as IncidentScopedCommand;
}

async function harness() {
  const withFinal = exportIncident({
    reference: REF,
    id: REF,
    status: 'final-held',
    meetings: [
      ...exportIncident().meetings,
      { id: 'final-1', kind: 'final', at: '2027-11-01T10:00:00.000Z', status: 'held', chair: CHAIR },
    ],
  });
  return exportHarness(withFinal);
}

describe('exporting minutes and the report (List 1 only)', () => {
  it.each(['minutes', 'report'] as const)(
    'refuses %s to a space member outside List 1, audits it, and sends nothing',
    async (what) => {
      const { deps, store, platform } = await harness();
      const before = await snapshotApartFromRefusals(store, REF);
      const outcome = await runIncidentCommand(deps, {
        command: scoped(`export ${what} ${REF}`),
        by: SAM,
        requester: member(SAM),
      });
      expect(outcome).toMatchObject({ reference: REF, refused: true });
      expect(outcome.message).toMatch(
        /go(es)? to List 1, so only the SIO, CSP coordinators and List 1 contacts/,
      );
      expect(outcome.message).toContain('Ask DCI Priya Patel (SIO) or Cara CSP');
      expect(platform.uploads).toEqual([]);
      expect(await snapshotApartFromRefusals(store, REF)).toBe(before);
      expect(await refusalEvents(store, REF)).toMatchObject([
        { actor: { id: SAM.id }, data: { asked: `export the ${what}`, contactId: 'sam-school' } },
      ]);
    },
  );

  it('lets a List 1 contact export the minutes, and any member export the plan', async () => {
    const { deps, store, platform } = await harness();
    const minutes = await runIncidentCommand(deps, {
      command: scoped(`export minutes ${REF}`),
      by: NIA,
      requester: member(NIA),
    });
    expect(minutes.refused).toBeUndefined();
    const plan = await runIncidentCommand(deps, {
      command: scoped(`export plan ${REF}`),
      by: SAM,
      requester: member(SAM),
    });
    expect(plan.refused).toBeUndefined();
    expect(platform.uploads.length).toBeGreaterThan(0);
    expect(await refusalEvents(store, REF)).toEqual([]);
  });

  it('recognises the SIO, coordinators and List 1 contacts only', () => {
    const deps = { directory: testDirectory() };
    const incident = exportIncident();
    expect(mayExportCirculated(deps, incident, { by: CHAIR })).toBe(true);
    expect(mayExportCirculated(deps, incident, { by: COORDINATOR })).toBe(true);
    expect(
      mayExportCirculated(deps, incident, { by: { id: 'x:1', name: 'P' }, email: 'PAT@police.example' }),
    ).toBe(true);
    expect(mayExportCirculated(deps, incident, { by: SAM })).toBe(false);
    expect(mayExportCirculated(deps, incident, { by: { id: 'x:2', name: 'Anon' } })).toBe(false);
  });
});

describe('changing an action’s RAG (its lead agency, the SIO or a coordinator)', () => {
  const progress = (rag: string) => ({
    formId: 'progress-update',
    context: { reference: REF, actionNumber: '1.1' },
    values: { action: '1.1', progress: 'Footage collected', rag, status: 'keep' },
  });

  it('refuses another agency’s RAG change under the RAG field, audits it, and changes nothing else', async () => {
    const { deps, store } = await harness();
    const before = await snapshotApartFromRefusals(store, REF);
    const error = await submitRegisteredForm(deps, {
      submission: progress('green'),
      by: SAM,
      requester: member(SAM),
      resolveUser: async () => undefined,
    }).catch((e: unknown) => e);
    expect(isMusterError(error, 'invalid_input')).toBe(true);
    const details = (error as { details: { path: string; message: string }[] }).details;
    expect(details.map((d) => d.path)).toEqual(['rag']);
    expect(details[0]!.message).toMatch(/Action 1\.1's RAG is for Police \(its lead\) to set/);
    expect(await snapshotApartFromRefusals(store, REF)).toBe(before);
    expect(await refusalEvents(store, REF)).toMatchObject([
      { data: { asked: "change action 1.1's RAG", actionNumber: '1.1' } },
    ]);
  });

  it('takes the same person’s update when the RAG stays as it is', async () => {
    const { deps, store } = await harness();
    const outcome = await submitRegisteredForm(deps, {
      submission: progress('red'),
      by: SAM,
      requester: member(SAM),
      resolveUser: async () => undefined,
    });
    expect(outcome.message).toBe('Action 1.1 updated: still RED.');
    expect(await refusalEvents(store, REF)).toEqual([]);
  });

  it('lets the lead agency’s contact change it', async () => {
    const { deps } = await harness();
    const outcome = await submitRegisteredForm(deps, {
      submission: progress('green'),
      by: PAT,
      requester: member(PAT),
      resolveUser: async () => undefined,
    });
    expect(outcome.message).toBe('Action 1.1 updated: RED → GREEN.');
  });

  it('refuses the reminder card’s Add update form the same way', async () => {
    const { deps, store } = await harness();
    const error = await submitActionUpdate(
      deps,
      {
        formId: 'action-update',
        values: { text: 'Done', rag: 'green' },
        context: { reference: REF, actionNumber: '1.1' },
      },
      SAM,
    ).catch((e: unknown) => e);
    expect(isMusterError(error, 'invalid_input') && error.details.map((d) => d.path)).toEqual(['rag']);
    expect((await store.getIncident(REF))?.actions?.find((a) => a.number === '1.1')?.rag).toBe('red');
  });

  it('allows the owner, the SIO and coordinators, and no one else', () => {
    const deps = { directory: testDirectory() };
    const incident = exportIncident();
    const action = incident.actions![1]!;
    expect(mayChangeActionRag(deps, incident, action, { by: { id: action.owner.id, name: 'x' } })).toBe(true);
    expect(mayChangeActionRag(deps, incident, action, { by: CHAIR })).toBe(true);
    expect(mayChangeActionRag(deps, incident, action, { by: COORDINATOR })).toBe(true);
    expect(mayChangeActionRag(deps, incident, action, { by: NIA })).toBe(false);
  });
});

describe('configured coordinators (MUSTER_COORDINATORS)', () => {
  const BOSS = { id: 'slack:U0BOSS', name: 'Chief' };

  it('counts a configured platform id as a coordinator, and nobody else by it', () => {
    const directory = testDirectory();
    expect(isCoordinator(directory, { actorId: BOSS.id }, ['slack:U0BOSS'])).toBe(true);
    expect(isCoordinator(directory, { actorId: 'slack:U0OTHER' }, ['slack:U0BOSS'])).toBe(false);
    expect(isCoordinator(directory, { actorId: BOSS.id })).toBe(false);
  });

  it('lets a configured coordinator outside the space run commands and export the report', async () => {
    const { deps, store } = await harness();
    const outcome = await runIncidentCommand(
      { ...deps, coordinators: [BOSS.id] },
      { command: scoped(`export report ${REF}`), by: BOSS, requester: { isSpaceMember: false } },
    );
    expect(outcome.refused).toBeUndefined();
    expect(await refusalEvents(store, REF)).toEqual([]);
  });

  it('lets a configured coordinator close the incident', async () => {
    const { deps } = await harness();
    const outcome = await runIncidentCommand(
      { ...deps, coordinators: [BOSS.id] },
      { command: scoped(`close ${REF}`), by: BOSS, requester: { isSpaceMember: false } },
    );
    expect(outcome.refused).toBeUndefined();
    expect(outcome.form?.id).toBe('close-incident');
  });

  it('lets only coordinators edit the directory', () => {
    const deps = { directory: testDirectory(), coordinators: [BOSS.id] };
    expect(mayEditDirectory(deps, { by: BOSS }).allowed).toBe(true);
    expect(mayEditDirectory(deps, { by: COORDINATOR }).allowed).toBe(true);
    expect(mayEditDirectory(deps, { by: SAM })).toEqual({
      allowed: false,
      reason: 'Only CSP coordinators can change the directory, so nothing was changed. Ask your coordinator.',
    });
  });
});
