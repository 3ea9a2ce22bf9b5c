/**
 * Finding people on Teams through Graph: a stored Teams id wins, else the
 * email; a contact Graph does not know is reported missing; answers are kept,
 * so one person costs one request however often they are reached; Teams
 * actors are used as they are, others through their directory contact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../src/adapters/teams/graph/graph-client.js';
import { TeamsUsers } from '../../../src/adapters/teams/platform/teams-users.js';
import type { Directory } from '../../../src/core/directory/directory-schema.js';
import { type FakeGraph, startFakeGraph } from '../../fakes/fake-teams/index.js';
import { testDirectory } from '../../fakes/test-directory.js';

let graph: FakeGraph;
let users: TeamsUsers;
let directory: Directory;

beforeEach(async () => {
  graph = await startFakeGraph({
    users: [
      { id: 'aad-pat', displayName: 'Pat Police', mail: 'Pat@Police.example' },
      { id: 'aad-cara', displayName: 'Cara CSP', mail: 'cara@csp.example' },
    ],
  });
  users = new TeamsUsers(
    new GraphClient({ baseUrl: graph.baseUrl, tokens: async () => 't', maxRetryWaitMs: 0 }),
  );
  directory = testDirectory();
  directory.contacts.find((c) => c.id === 'sam-school')!.teamsId = 'aad-sam-stored';
});
afterEach(async () => {
  await graph.close();
});

const contact = (id: string) => directory.contacts.find((c) => c.id === id)!;

describe('TeamsUsers', () => {
  it('finds contacts by stored id, else by email, and reports the ones Graph does not know', async () => {
    const found = await users.resolve(directory, {
      contacts: [contact('pat-police'), contact('sam-school'), contact('nia-nhft')],
      actors: [
        { id: 'teams:aad-other', name: 'Other' },
        { id: 'slack:U1', name: 'Cara', contactId: 'cara-csp' },
      ],
    });
    expect(found.userIds.sort()).toEqual(['aad-cara', 'aad-other', 'aad-pat', 'aad-sam-stored']);
    expect(found.missing.map((c) => c.id)).toEqual(['nia-nhft']);
  });

  it('asks Graph about a person once, however often they are reached', async () => {
    await Promise.all([
      users.resolve(directory, { contacts: [contact('pat-police')], actors: [] }),
      users.resolve(directory, { contacts: [contact('pat-police')], actors: [] }),
    ]);
    await users.resolve(directory, { contacts: [contact('pat-police')], actors: [] });
    expect(graph.requests).toHaveLength(1);
  });

  it('matches someone who wrote to the bot to the directory by their email', async () => {
    expect((await users.contactOf(directory, 'aad-pat'))?.id).toBe('pat-police');
    expect(await users.contactOf(directory, 'aad-unknown')).toBeUndefined();
  });

  it('turns a form’s person field into an actor, by contact id or Teams id', async () => {
    expect(await users.chosenActor(directory, 'pat-police')).toEqual({
      id: 'teams:aad-pat',
      name: 'Pat Police',
      contactId: 'pat-police',
    });
    expect(await users.chosenActor(directory, 'aad-cara')).toMatchObject({
      id: 'teams:aad-cara',
      contactId: 'cara-csp',
    });
    expect(await users.chosenActor(directory, 'nia-nhft')).toEqual({
      id: 'teams:contact:nia-nhft',
      name: 'Nia NHFT',
      contactId: 'nia-nhft',
    });
    expect(await users.chosenActor(directory, 'nobody')).toBeUndefined();
  });
});
