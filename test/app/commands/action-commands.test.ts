import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setActionStatus } from '../../../src/app/actions/update-action.js';
import { announceIncident } from '../../../src/app/announce-incident.js';
import type { ActionListCard } from '../../../src/app/cards/card-model.js';
import {
  actionAddCommand,
  actionsCommand,
  updateCommand,
} from '../../../src/app/commands/action-commands.js';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import { parseIncidentCommand } from '../../../src/app/commands/parse-incident-command.js';
import { runIncidentCommand } from '../../../src/app/commands/run-incident-command.js';
import { addActionFormHandler } from '../../../src/app/forms/add-action-form.js';
import type { FormDefinition } from '../../../src/app/forms/form-model.js';
import { registeredForm } from '../../../src/app/forms/form-registry.js';
import { progressUpdateFormHandler } from '../../../src/app/forms/progress-update-form.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { Actor } from '../../../src/core/actor.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, SIO, STORES, testDeps, validForm } from '../harness.js';
import { refusal, snapshot } from '../store-snapshot.js';

const REF = 'SV-2027-0001';
const PAT: Actor = { id: 'console:pat-police', name: 'Pat Police', contactId: 'pat-police' };
/** The platform's user ids a `user` field sends, and who they are. */
const PEOPLE: Record<string, Actor> = { 'dci-patel': SIO, 'cara-csp': COORDINATOR, 'pat-police': PAT };
const requester = { contactId: 'cara-csp', isSpaceMember: true };

type Deps = CommandDeps & ReturnType<typeof testDeps> & { platform: RecordingPlatform };
type Values = Record<string, string | string[] | undefined>;

describe.each(STORES)('action plan commands ($name)', (factory) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let deps: Deps;

  beforeEach(async () => {
    ({ store, cleanup } = await factory.open());
    deps = { ...testDeps(store), platform: new RecordingPlatform('console') };
    await openIncident(deps, validForm());
    await announceIncident(deps, REF);
  });
  afterEach(() => cleanup());

  const incident = async (): Promise<Incident> => (await store.getIncident(REF))!;
  const scope = async (by: Actor = COORDINATOR) => ({
    incident: await incident(),
    by,
    requester,
    resolveUser: async (value: string) => PEOPLE[value],
  });
  const field = (form: FormDefinition | undefined, id: string) => form?.fields.find((f) => f.id === id);

  const add = async (values: Values) =>
    addActionFormHandler.submit(deps, await scope(), {
      formId: 'add-action',
      context: { reference: REF },
      values,
    });
  const action = (overrides: Values = {}): Values => ({
    priority: '1',
    priorityTitle: 'Community reassurance',
    description: 'Visit the school',
    leadAgency: 'police',
    owner: 'pat-police',
    rag: 'green',
    ...overrides,
  });
  const update = async (values: Values, by: Actor = COORDINATOR) =>
    progressUpdateFormHandler.submit(deps, await scope(by), {
      formId: 'progress-update',
      context: { reference: REF },
      values,
    });

  /** 1.1 police/Pat red, 1.2 schools/Cara green, 2.1 police/Cara amber then done. */
  async function threeActions(): Promise<void> {
    await add(action({ rag: 'red' }));
    await add(
      action({
        priorityTitle: undefined,
        description: 'Talk to parents',
        leadAgency: 'schools',
        owner: 'cara-csp',
      }),
    );
    await add(
      action({
        priority: '2',
        priorityTitle: 'Education',
        description: 'Assembly',
        owner: 'cara-csp',
        rag: 'amber',
      }),
    );
    await setActionStatus(deps, { reference: REF, actionNumber: '2.1', status: 'done', by: COORDINATOR });
  }

  describe('/incident action add', () => {
    it('opens the form with the priority typed and the asker as owner', async () => {
      const { form } = await actionAddCommand(deps, await scope(), 2);

      expect(form?.id).toBe('add-action');
      expect(form?.context).toEqual({ reference: REF, priority: '2', owner: 'cara-csp' });
      expect(field(form, 'priority')?.initial).toBe('2');
      expect(field(form, 'owner')).toMatchObject({ kind: 'user', initial: 'cara-csp' });
      expect(field(form, 'rag')).toMatchObject({ initial: 'green' });
      expect(field(form, 'rag')?.choices?.map((c) => c.label)).toEqual(['Red', 'Amber (yellow)', 'Green']);
      expect(field(form, 'leadAgency')?.choices?.map((c) => c.value)).toEqual([
        'police',
        'csp',
        'nhft',
        'schools',
      ]);
      expect(form?.intro).toContain('no actions yet');
      expect(await registeredForm(deps, 'add-action', form!.context!)).toEqual(form);
    });

    it('starts at priority 1 and lists the priorities so far in the intro', async () => {
      await add(action());
      const { form } = await actionAddCommand(deps, await scope());
      expect(field(form, 'priority')?.initial).toBe('1');
      expect(form?.intro).toContain('priorities so far: 1. Community reassurance (1 action).');
    });

    it('numbers actions under their priority: 1.1, 1.2, 2.1', async () => {
      const first = await add(action());
      const second = await add(
        action({ priorityTitle: undefined, description: 'Talk to parents', rag: 'yellow' }),
      );
      const third = await add(
        action({
          priority: '2',
          priorityTitle: 'Education',
          description: 'Assembly',
          owner: 'cara-csp',
          due: '2027-09-30',
        }),
      );

      expect(first.message).toBe(
        'Action 1.1 added: Visit the school (lead Police, owner Pat Police, GREEN).',
      );
      expect(second.message).toBe(
        'Action 1.2 added: Talk to parents (lead Police, owner Pat Police, AMBER).',
      );
      expect(third.message).toBe('Action 2.1 added: Assembly (lead Police, owner Cara CSP, GREEN).');
      const actions = (await incident()).actions ?? [];
      expect(actions.map((a) => [a.number, a.priority.title, a.rag])).toEqual([
        ['1.1', 'Community reassurance', 'green'],
        ['1.2', 'Community reassurance', 'amber'],
        ['2.1', 'Education', 'green'],
      ]);
      expect(actions[2]).toMatchObject({ owner: COORDINATOR, due: '2027-09-30', createdBy: COORDINATOR });
      expect(deps.platform.calls).not.toContain('postCard');
    });

    const bad: [string, Values, { path: string; message: RegExp }[]][] = [
      [
        'a new priority without a title',
        { priorityTitle: undefined },
        [{ path: 'priorityTitle', message: /is new: give it a title/ }],
      ],
      [
        'a priority that is not a number',
        { priority: 'two' },
        [{ path: 'priority', message: /whole number/ }],
      ],
      ['an owner Muster cannot find', { owner: 'U_NOBODY' }, [{ path: 'owner', message: /cannot find/ }]],
      ['no owner', { owner: undefined }, [{ path: 'owner', message: /who owns/ }]],
      [
        'an unknown lead agency',
        { leadAgency: 'fire' },
        [{ path: 'leadAgency', message: /"fire" is not an agency/ }],
      ],
      ['a due date that is not a date', { due: 'next week' }, [{ path: 'due', message: /is not a date/ }]],
      ['a RAG that is not one', { rag: 'purple' }, [{ path: 'rag', message: /not a RAG rating/ }]],
      [
        'no description and no lead agency',
        { description: '  ', leadAgency: undefined },
        [
          { path: 'description', message: /describe the action/ },
          { path: 'leadAgency', message: /name the lead agency/ },
        ],
      ],
    ];
    it.each(bad)('refuses %s on its field and changes nothing', async (_name, overrides, problems) => {
      const before = await snapshot(store, REF);
      const error = await refusal(add(action(overrides)));
      expect(error?.code).toBe('invalid_input');
      expect(error?.details).toEqual(
        problems.map((p) => ({ path: p.path, message: expect.stringMatching(p.message) })),
      );
      expect(await snapshot(store, REF)).toBe(before);
    });

    it('refuses a different title for a priority that has one', async () => {
      await add(action());
      const before = await snapshot(store, REF);
      const error = await refusal(add(action({ priorityTitle: 'Something else' })));
      expect(error?.details).toEqual([
        {
          path: 'priorityTitle',
          message: 'priority 1 is "Community reassurance"; leave the title out to add to it',
        },
      ]);
      expect(await snapshot(store, REF)).toBe(before);
    });
  });

  describe('/incident update', () => {
    it('says there is nothing to update before any action is added', async () => {
      const outcome = await updateCommand(deps, await scope());
      expect(outcome).toEqual({ message: 'No actions yet: /incident action add adds one.' });
    });

    it('refuses an unknown action number, listing the actions', async () => {
      await threeActions();
      const outcome = await updateCommand(deps, await scope(), '3.1');
      expect(outcome.refused).toBe(true);
      expect(outcome.message).toBe(
        `${REF} has no action 3.1. Its actions:\n1.1 — Visit the school (open)\n1.2 — Talk to parents (open)\n2.1 — Assembly (done)`,
      );
    });

    it('refuses an action that is done', async () => {
      await threeActions();
      const outcome = await updateCommand(deps, await scope(), '2.1');
      expect(outcome).toMatchObject({
        refused: true,
        message: expect.stringContaining('Action 2.1 is done'),
      });
    });

    it('opens the form on the action typed, its RAG preset, only open actions to choose from', async () => {
      await threeActions();
      const { form } = await updateCommand(deps, await scope(), '1.1');
      expect(form?.id).toBe('progress-update');
      expect(form?.context).toEqual({ reference: REF, actionNumber: '1.1' });
      expect(field(form, 'action')).toMatchObject({ initial: '1.1' });
      expect(field(form, 'action')?.choices).toEqual([
        { value: '1.1', label: '1.1 — Visit the school' },
        { value: '1.2', label: '1.2 — Talk to parents' },
      ]);
      expect(field(form, 'rag')?.initial).toBe('red');
      expect(field(form, 'status')?.choices?.map((c) => c.value)).toEqual([
        'keep',
        'in-progress',
        'done',
        'dropped',
      ]);
      expect(await registeredForm(deps, 'progress-update', form!.context!)).toEqual(form);
    });

    it('stores "yellow" as amber and keeps the RAG move with who and when', async () => {
      await threeActions();
      deps.clock.set('2027-09-06T11:00:00+01:00');
      const outcome = await update(
        { action: '1.2', progress: 'Parents met; some worried', rag: 'yellow' },
        PAT,
      );

      expect(outcome.message).toBe('Action 1.2 updated: GREEN → AMBER.');
      const stored = (await incident()).actions?.find((a) => a.number === '1.2');
      expect(stored?.rag).toBe('amber');
      expect(stored?.status).toBe('open');
      expect(stored?.updates).toEqual([
        {
          text: 'Parents met; some worried',
          rag: 'amber',
          previousRag: 'green',
          by: PAT,
          at: '2027-09-06T10:00:00.000Z',
        },
      ]);
    });

    it('changes the status too when one is chosen', async () => {
      await threeActions();
      const outcome = await update({ action: '1.1', progress: 'Visited', rag: 'green', status: 'done' });

      expect(outcome.message).toBe('Action 1.1 updated: RED → GREEN; open → done.');
      const stored = (await incident()).actions?.find((a) => a.number === '1.1');
      expect(stored).toMatchObject({ rag: 'green', status: 'done' });
      const types = (await store.listEvents(REF)).map((e) => e.type).slice(-2);
      expect(types).toEqual(['action.updated', 'action.status-changed']);
    });

    const bad: [string, Values, string, RegExp][] = [
      ['no progress', { progress: ' ' }, 'progress', /say what has happened/],
      ['a RAG that is not one', { rag: 'purple' }, 'rag', /not a RAG rating/],
      ['a done action', { action: '2.1' }, 'action', /is done: only open and in-progress/],
      ['an unknown action', { action: '9.9' }, 'action', /no action 9.9 \(open actions: 1.1, 1.2\)/],
      ['no action', { action: undefined }, 'action', /choose the action/],
      [
        'a status that is not one, with an otherwise good update',
        { status: 'finished' },
        'status',
        /keep it/,
      ],
    ];
    it.each(bad)(
      'refuses %s on its field and writes neither the update nor the status',
      async (_n, overrides, path, message) => {
        await threeActions();
        const before = await snapshot(store, REF);
        const error = await refusal(
          update({ action: '1.1', progress: 'Visited', rag: 'amber', status: 'done', ...overrides }),
        );
        expect(error?.code).toBe('invalid_input');
        expect(error?.details).toEqual([{ path, message: expect.stringMatching(message) }]);
        expect(await snapshot(store, REF)).toBe(before);
      },
    );
  });

  describe('/incident actions', () => {
    const list = async (filter: Parameters<typeof actionsCommand>[2], by: Actor = COORDINATOR) => {
      const { card } = await actionsCommand(deps, await scope(by), filter);
      if (card?.kind !== 'action-list') throw new Error('no action list card');
      return card as ActionListCard;
    };
    const numbers = (card: ActionListCard) => card.rows.map((r) => r.number);

    it('shows open and in-progress actions by default, with their RAG counts', async () => {
      await threeActions();
      const card = await list({});
      expect(card).toMatchObject({
        reference: REF,
        heading: `Action plan — ${REF}`,
        filterText: 'Open and in-progress actions only',
        countsText: '1 red, 1 green',
      });
      expect(numbers(card)).toEqual(['1.1', '1.2']);
      expect(card.rows[0]).toMatchObject({ lead: 'Police', owner: 'Pat Police', ragText: 'RED' });
    });

    it('shows every action with all', async () => {
      await threeActions();
      const card = await list({ all: true });
      expect(numbers(card)).toEqual(['1.1', '1.2', '2.1']);
      expect(card.filterText).toBeUndefined();
    });

    it('filters by agency id or name, owner, RAG and status, and says the filter in words', async () => {
      await threeActions();
      expect(numbers(await list({ agency: 'POLICE' }))).toEqual(['1.1']);
      expect((await list({ agency: 'Schools' })).filterText).toBe(
        'Filtered: lead agency Schools (open and in progress only)',
      );
      expect(numbers(await list({ owner: 'me' }))).toEqual(['1.2']);
      expect(numbers(await list({ owner: 'me', all: true }))).toEqual(['1.2', '2.1']);
      expect(numbers(await list({ owner: 'pat-police' }))).toEqual(['1.1']);
      expect(numbers(await list({ owner: 'pat police' }))).toEqual(['1.1']);
      expect(numbers(await list({ owner: 'me' }, PAT))).toEqual(['1.1']);
      expect(numbers(await list({ rag: 'red' }))).toEqual(['1.1']);
      const done = await list({ status: 'done' });
      expect(numbers(done)).toEqual(['2.1']);
      expect(done.filterText).toBe('Filtered: status done');
    });

    it('says helpfully when nothing matches', async () => {
      await threeActions();
      const card = await list({ rag: 'amber' });
      expect(card.rows).toEqual([]);
      expect(card.countsText).toBe('no actions');
      expect(card.emptyText).toBe('No amber actions. /incident actions all shows every action.');
      expect((await list({ agency: 'nhft', owner: 'me' })).emptyText).toBe(
        'No actions led by NHFT owned by you. /incident actions all shows every action.',
      );
    });

    it('says there are no actions yet on an empty plan', async () => {
      expect((await list({})).emptyText).toBe('No actions yet. /incident action add adds one.');
    });

    it('refuses an agency or owner Muster does not know, naming the filter', async () => {
      const agency = await refusal(list({ agency: 'fire' }));
      expect(agency).toMatchObject({
        code: 'invalid_input',
        details: [{ path: 'agency', message: expect.stringContaining('police, csp, nhft, schools') }],
      });
      const owner = await refusal(list({ owner: 'nobody' }));
      expect(owner).toMatchObject({ code: 'invalid_input', details: [{ path: 'owner' }] });
    });

    it('is what /incident actions rag:red runs in the incident’s space', async () => {
      await threeActions();
      const command = parseIncidentCommand('actions rag:red');
      if (command.kind !== 'actions') throw new Error('not parsed as actions');
      const outcome = await runIncidentCommand(deps, { command, spaceId: 'S1', by: COORDINATOR, requester });
      expect(outcome.reference).toBe(REF);
      expect(outcome.card?.kind === 'action-list' && outcome.card.rows.map((r) => r.number)).toEqual(['1.1']);
    });
  });
});
