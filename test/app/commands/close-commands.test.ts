import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceIncident } from '../../../src/app/announce-incident.js';
import { mayCloseIncident } from '../../../src/app/close-incident.js';
import { closeCommand, reopenCommand } from '../../../src/app/commands/close-commands.js';
import type { CommandDeps, CommandScope } from '../../../src/app/commands/command-outcome.js';
import { exportCommand } from '../../../src/app/commands/export-command.js';
import { runIncidentCommand } from '../../../src/app/commands/run-incident-command.js';
import { submitRegisteredForm } from '../../../src/app/forms/form-registry.js';
import { markMilestoneDone } from '../../../src/app/mark-milestone-done.js';
import { openIncident } from '../../../src/app/open-incident.js';
import { recordMeeting } from '../../../src/app/record-meeting.js';
import type { Actor } from '../../../src/core/actor.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { testDirectory } from '../../fakes/test-directory.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from '../harness.js';
import { refusal, snapshot } from '../store-snapshot.js';

const REF = 'SV-2027-0001';
/** In the channel (List 1 police) but neither the SIO nor a coordinator. */
const PAT = { id: 'recording:pat', name: 'Pat Police', contactId: 'pat-police' };

interface Who {
  by: Actor;
  requester: CommandScope['requester'];
}
const AS_SIO: Who = { by: SIO, requester: { isSpaceMember: true } };
const AS_COORDINATOR: Who = {
  by: COORDINATOR,
  requester: { contactId: COORDINATOR.contactId, isSpaceMember: false },
};
const AS_PAT: Who = { by: PAT, requester: { contactId: PAT.contactId, isSpaceMember: true } };

describe.each(STORES)('/incident close and reopen ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let platform: RecordingPlatform;
  let deps: CommandDeps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    platform = new RecordingPlatform();
    deps = { ...testDeps(store, '2027-09-03T12:00:00+01:00'), platform };
    await openIncident({ ...deps, clock: testDeps(store).clock }, validForm());
    await announceIncident(deps, REF);
    await recordMeeting(deps, {
      reference: REF,
      kind: 'initial',
      at: '2027-09-01T10:00:00+01:00',
      held: true,
      chair: SIO,
      by: SIO,
    });
  });
  afterEach(() => cleanup());

  const scope = async (who: Who): Promise<CommandScope> => ({
    incident: (await store.getIncident(REF))!,
    ...who,
  });

  const submitClose = (who: Who, reason?: string) =>
    submitRegisteredForm(deps, {
      submission: {
        formId: 'close-incident',
        values: reason === undefined ? {} : { reason },
        context: { reference: REF },
      },
      ...who,
      resolveUser: async () => undefined,
    });

  const eventTypes = async () => (await store.listEvents(REF)).map((e) => e.type);

  describe('close', () => {
    it('refuses a channel member who is neither the SIO nor a coordinator, audits it and changes nothing else', async () => {
      const before = await store.getIncident(REF);
      const eventsBefore = await store.listEvents(REF);
      const outcome = await runIncidentCommand(deps, {
        command: { kind: 'close' },
        spaceId: 'S1',
        ...AS_PAT,
      });
      expect(outcome).toMatchObject({ reference: REF, refused: true });
      expect(outcome.form).toBeUndefined();
      expect(outcome.message).toBe(
        `Only the SIO (${SIO.name}) or a CSP coordinator can close ${REF}, so nothing was changed. Ask ${SIO.name} or Cara CSP to do it.`,
      );
      expect(await store.getIncident(REF)).toEqual(before);
      const events = await store.listEvents(REF);
      expect(events.slice(0, eventsBefore.length)).toEqual(eventsBefore);
      expect(events.slice(eventsBefore.length)).toEqual([
        expect.objectContaining({
          type: 'access.refused',
          actor: PAT,
          data: { asked: 'close', contactId: 'pat-police' },
        }),
      ]);
      expect(platform.archived.size).toBe(0);
    });

    it('opens the form for the SIO with the reason required while the final report is outstanding', async () => {
      const outcome = await closeCommand(deps, await scope(AS_SIO));
      expect(outcome.refused).toBeUndefined();
      expect(outcome.form).toMatchObject({
        id: 'close-incident',
        context: { reference: REF },
        fields: [{ id: 'reason', kind: 'textarea', required: true }],
      });
      expect(outcome.form?.intro).toMatch(/^The final report has not been circulated yet, so say why/);
    });

    it('makes the reason optional for a coordinator once the final report was circulated', async () => {
      await markMilestoneDone(deps, { reference: REF, milestoneId: 'final-report', by: COORDINATOR });
      const outcome = await closeCommand(deps, await scope(AS_COORDINATOR));
      expect(outcome.form?.fields[0]).toMatchObject({ id: 'reason', required: false });
      expect(outcome.form?.intro).toMatch(/^The final report has been circulated, so a reason is optional/);
    });

    it('says an already closed incident is closed, rather than opening the form', async () => {
      await submitClose(AS_SIO, 'Response complete');
      const error = await refusal(closeCommand(deps, await scope(AS_SIO)));
      expect(error).toMatchObject({ code: 'invalid_transition' });
      expect((error as Error).message).toContain(`/incident reopen ${REF}`);
    });

    it('refuses a blank reason before the final report, naming the field, and changes nothing', async () => {
      const before = await snapshot(store, REF);
      for (const reason of [undefined, '   ']) {
        const error = await refusal(submitClose(AS_SIO, reason));
        expect(error).toMatchObject({
          code: 'invalid_input',
          details: [
            {
              path: 'reason',
              message: `say why ${REF} is closed: its final report has not been circulated yet`,
            },
          ],
        });
      }
      expect(await snapshot(store, REF)).toEqual(before);
      expect(platform.calls).not.toContain('archiveSpace');
    });

    it('refuses a reason over 500 characters on the reason field, and changes nothing', async () => {
      const before = await snapshot(store, REF);
      const error = await refusal(submitClose(AS_SIO, 'x'.repeat(501)));
      expect(error).toMatchObject({ code: 'invalid_input', details: [{ path: 'reason' }] });
      expect(await snapshot(store, REF)).toEqual(before);
    });

    it('checks the role again on submit: a form opened by someone else is refused and audited', async () => {
      const before = await store.getIncident(REF);
      const outcome = await submitClose(AS_PAT, 'Done');
      expect(outcome).toMatchObject({ refused: true, message: expect.stringContaining('Only the SIO') });
      expect(await store.getIncident(REF)).toEqual(before);
      expect((await eventTypes()).at(-1)).toBe('access.refused');
    });

    it('closes, updates the pinned card while it still can, then archives the channel and records it', async () => {
      const outcome = await submitClose(AS_SIO, 'Response complete');
      expect(outcome).toEqual({
        reference: REF,
        message: `${REF} is closed (reason: Response complete). Its channel is archived and stays readable. /incident export still works (the files come to you directly), and /incident reopen ${REF} brings it back.`,
        refreshCard: false,
      });
      const incident = await store.getIncident(REF);
      expect(incident).toMatchObject({ status: 'closed', closedReason: 'Response complete' });
      expect(incident!.spaces.recording!.archivedAt).toBe('2027-09-03T11:00:00.000Z');
      expect([...platform.archived]).toEqual(['S1']);
      expect(platform.cards.get('S1/card-1')?.status).toBe('Closed');
      expect(platform.calls.lastIndexOf('updateIncidentCard')).toBeLessThan(
        platform.calls.indexOf('archiveSpace'),
      );
      expect((await eventTypes()).slice(-2)).toEqual(['incident.closed', 'space.archived']);
    });

    it('records "Final report circulated." when the reason is left blank after the final report', async () => {
      await markMilestoneDone(deps, { reference: REF, milestoneId: 'final-report', by: COORDINATOR });
      const outcome = await submitClose(AS_COORDINATOR, '');
      expect(outcome.message).toMatch(/^SV-2027-0001 is closed \(reason: Final report circulated\)\./);
      expect((await store.getIncident(REF))?.closedReason).toBe('Final report circulated.');
    });

    it('keeps the incident closed and says so when the channel cannot be archived', async () => {
      platform.failNext(1, 'archiveSpace');
      const outcome = await submitClose(AS_SIO, 'Response complete');
      expect(outcome.message).toBe(
        `${REF} is closed (reason: Response complete). Its channel could not be archived, so it is still open for posting: archive it by hand.`,
      );
      const incident = await store.getIncident(REF);
      expect(incident?.status).toBe('closed');
      expect(incident?.spaces.recording?.archivedAt).toBeUndefined();
      expect(await eventTypes()).not.toContain('space.archived');
    });

    it('still archives the channel when the pinned card cannot be updated, and says so', async () => {
      platform.failNext(1, 'updateIncidentCard');
      const outcome = await submitClose(AS_SIO, 'Response complete');
      expect(outcome.message).toMatch(
        /Its channel is archived.*The pinned incident card could not be updated\.$/,
      );
      expect([...platform.archived]).toEqual(['S1']);
    });

    it('leaves a closed incident exportable: its files go to the person who asks', async () => {
      await submitClose(AS_SIO, 'Response complete');
      const outcome = await exportCommand(deps, await scope(AS_COORDINATOR), 'plan');
      expect(platform.uploads.at(-1)?.target).toEqual({
        kind: 'direct',
        recipients: { contacts: [], actors: [COORDINATOR] },
      });
      expect(outcome.message).toContain('sent to you directly (the incident’s channel is archived)');
    });
  });

  describe('reopen', () => {
    it('refuses someone who is neither the SIO nor a coordinator, and audits it', async () => {
      await submitClose(AS_SIO, 'Response complete');
      const before = await store.getIncident(REF);
      const outcome = await reopenCommand(deps, await scope(AS_PAT), 'new information');
      expect(outcome).toMatchObject({
        refused: true,
        message: expect.stringContaining(`can reopen ${REF}`),
      });
      expect(await store.getIncident(REF)).toEqual(before);
      expect([...platform.archived]).toEqual(['S1']);
      const last = (await store.listEvents(REF)).at(-1);
      expect(last).toMatchObject({ type: 'access.refused', data: { asked: 'reopen' } });
    });

    it('brings the channel back from the archive, then reopens where the incident left off', async () => {
      await submitClose(AS_SIO, 'Response complete');
      const outcome = await reopenCommand(deps, await scope(AS_COORDINATOR), 'Court date set');
      expect(outcome).toEqual({
        message: `${REF} is reopened: Initial meeting held. Its channel is back from the archive. Its reminders are planned again from the timeline as it stands.`,
        refreshCard: true,
      });
      const incident = await store.getIncident(REF);
      expect(incident?.status).toBe('initial-held');
      expect(incident?.spaces.recording?.archivedAt).toBeUndefined();
      expect(incident?.spaces.recording?.spaceId).toBe('S1');
      expect(platform.archived.size).toBe(0);
      expect(platform.calls.indexOf('unarchiveSpace')).toBeGreaterThan(
        platform.calls.indexOf('archiveSpace'),
      );
      expect((await eventTypes()).slice(-2)).toEqual(['space.unarchived', 'incident.reopened']);
    });

    it('refuses to reopen an open incident with the lifecycle’s message, touching nothing', async () => {
      const before = await snapshot(store, REF);
      const error = await refusal(reopenCommand(deps, await scope(AS_SIO)));
      expect(error).toMatchObject({ code: 'invalid_transition' });
      expect((error as Error).message).toBe(`${REF} is not closed, so it cannot be reopened.`);
      expect(await snapshot(store, REF)).toEqual(before);
      expect(platform.calls).not.toContain('unarchiveSpace');
    });

    it('reopens nothing when the channel cannot be brought back', async () => {
      await submitClose(AS_SIO, 'Response complete');
      const before = await snapshot(store, REF);
      platform.failNext(1, 'unarchiveSpace');
      await expect(reopenCommand(deps, await scope(AS_SIO))).rejects.toThrow(/unavailable/);
      expect(await snapshot(store, REF)).toEqual(before);
    });
  });
});

describe('mayCloseIncident', () => {
  const directory = testDirectory();
  const incident = makeIncident({
    area: 'corby',
    sio: { id: 'slack:U0SIO', name: 'Pat Police', contactId: 'pat-police' },
  });

  it('recognises the SIO by platform id, by directory contact or by email on another platform', () => {
    expect(mayCloseIncident(directory, incident, { by: { id: 'slack:U0SIO', name: 'Pat' } })).toBe(true);
    expect(
      mayCloseIncident(directory, incident, {
        by: { id: 'teams:29:x', name: 'Pat' },
        contactId: 'pat-police',
      }),
    ).toBe(true);
    expect(
      mayCloseIncident(directory, incident, {
        by: { id: 'console:pat', name: 'Pat' },
        email: 'PAT@police.example',
      }),
    ).toBe(true);
  });

  it('recognises a coordinator by contact or email, and no one else', () => {
    expect(
      mayCloseIncident(directory, incident, { by: { id: 'x:1', name: 'Cara' }, email: 'cara@csp.example' }),
    ).toBe(true);
    expect(
      mayCloseIncident(directory, incident, { by: { id: 'x:2', name: 'Nia' }, contactId: 'nia-nhft' }),
    ).toBe(false);
    expect(mayCloseIncident(directory, incident, { by: { id: 'x:3', name: 'Anon' } })).toBe(false);
  });
});
