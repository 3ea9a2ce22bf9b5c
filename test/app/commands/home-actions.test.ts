import { describe, expect, it } from 'vitest';
import { homeCard } from '../../../src/app/cards/list-cards.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { ACTION_OWNER, makeAction } from '../../fixtures/action-factory.js';
import { makeIncident } from '../../fixtures/incident-factory.js';
import { testDeps } from '../harness.js';

/** Pat, seen from Slack: a different actor id from the one the actions were created with. */
const PAT_ON_SLACK = { actorId: 'slack:U0PAT', email: 'pat@police.example' };
const SOMEONE_ELSE = { id: 'console:nia', name: 'Nia NHFT', contactId: 'nia-nhft' };

async function homeFor(person: Parameters<typeof homeCard>[1], ...incidents: Incident[]) {
  const store = new InMemoryStore();
  for (const incident of incidents) await store.createIncident(incident);
  return homeCard(testDeps(store, '2027-09-06T12:00:00+01:00'), person);
}

describe('home view: my open actions', () => {
  const first = makeIncident({
    area: 'wellingborough',
    actions: [
      makeAction('1.1', { description: 'Preserve CCTV', due: '2027-09-10', rag: 'red' }),
      makeAction('1.2', { description: 'Visit the school', due: '2027-09-05T10:00:00.000Z' }),
      makeAction('2.1', { description: 'Reassurance patrols', timescale: 'Ongoing' }),
      makeAction('2.2', { description: 'Done already', due: '2027-09-01', status: 'done' }),
      makeAction('2.3', { description: 'Dropped', due: '2027-09-01', status: 'dropped' }),
      makeAction('3.1', { description: 'Not mine', due: '2027-09-02', owner: SOMEONE_ELSE }),
    ],
  });
  const second = makeIncident({
    area: 'wellingborough',
    actions: [
      makeAction('1.1', {
        description: 'Community meeting',
        due: '2027-09-07',
        status: 'in-progress',
        // Owned under the same contact from another platform.
        owner: { id: 'teams:29:pat', name: 'Pat Police', contactId: 'pat-police' },
      }),
    ],
  });
  const closed = makeIncident({
    area: 'wellingborough',
    status: 'closed',
    actions: [makeAction('1.1', { description: 'On a closed incident', due: '2027-09-03' })],
  });

  it('lists the open and in-progress actions the person owns across open incidents, soonest due first, undated last', async () => {
    const card = await homeFor(PAT_ON_SLACK, first, second, closed);
    expect(card.actions.map((a) => `${a.reference} ${a.number} ${a.description}`)).toEqual([
      `${first.reference} 1.2 Visit the school`,
      `${second.reference} 1.1 Community meeting`,
      `${first.reference} 1.1 Preserve CCTV`,
      `${first.reference} 2.1 Reassurance patrols`,
    ]);
    expect(card.actions[0]).toMatchObject({
      overdue: true,
      status: 'open',
      lead: 'Police',
      owner: 'Pat Police',
      actions: [expect.objectContaining({ verb: 'add-update' })],
    });
    expect(card.actions[1]).toMatchObject({ status: 'in progress', overdue: false });
    expect(card.actions[3]).toMatchObject({ dueText: 'Ongoing', overdue: false });
  });

  it('counts an incident the person owns an action in among their incidents', async () => {
    const card = await homeFor(PAT_ON_SLACK, first, second, closed);
    expect(card.incidents.map((i) => i.reference).sort()).toEqual([first.reference, second.reference].sort());
  });

  it('matches the owner by the actor id when the person has no directory contact', async () => {
    const card = await homeFor({ actorId: ACTION_OWNER.id }, first);
    expect(card.actions.map((a) => a.number)).toEqual(['1.2', '1.1', '2.1']);
  });

  it('shows someone who owns no open action the empty text', async () => {
    const card = await homeFor({ actorId: 'slack:U0SAM', email: 'sam@school.example' }, first, closed);
    expect(card.actions).toEqual([]);
    expect(card.actionsEmptyText).toBe('You own no open actions.');
  });
});
