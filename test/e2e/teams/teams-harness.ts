/**
 * The whole Muster process, in-process, against the fake Bot Connector and
 * the fake Graph: a temporary data directory, the test directory, a fixed
 * clock, and Teams users whose emails match the directory's contacts
 * (except Nia's, so one contact is never found). Tests post activities to
 * /api/messages as Teams would and assert on what the fakes saw.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TeamsRetrySettings } from '../../../src/adapters/teams/index.js';
import { type RunningMuster, startMuster } from '../../../src/app-runtime.js';
import { loadConfig } from '../../../src/config.js';
import type { Incident } from '../../../src/core/incident/incident.js';
import {
  type ActivityBase,
  type ActivityOptions,
  activity,
  type ConnectorMessage,
  cardOf,
  executeActivity,
  type FakeConnector,
  type FakeGraph,
  type FakeGraphUser,
  startFakeConnector,
  startFakeGraph,
  type TeamsUser,
  type Where,
} from '../../fakes/fake-teams/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { RecordingLogger } from '../../fakes/recording-logger.js';
import { testDirectory } from '../../fakes/test-directory.js';

/** Sat 28 Aug 2027 09:00 BST, the morning after the incident (DESIGN.md's worked example). */
export const NOW = '2027-08-28T09:00:00+01:00';
export const TENANT = 'tenant-partnership';

const user = (key: string, name: string, email: string) => ({
  teams: { id: `29:${key}`, aadObjectId: `aad-${key}`, name } satisfies TeamsUser,
  graph: { id: `aad-${key}`, displayName: name, mail: email } satisfies FakeGraphUser,
});

export const PEOPLE = {
  pat: user('pat', 'Pat Police', 'pat@police.example'),
  cara: user('cara', 'Cara CSP', 'cara@csp.example'),
  sam: user('sam', 'Sam School', 'sam@school.example'),
  outsider: user('out', 'Someone Else', 'someone@elsewhere.example'),
};
export const USERS = {
  pat: PEOPLE.pat.teams,
  cara: PEOPLE.cara.teams,
  sam: PEOPLE.sam.teams,
  outsider: PEOPLE.outsider.teams,
};

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface Harness {
  connector: FakeConnector;
  graph: FakeGraph;
  muster: RunningMuster;
  clock: FixedClock;
  logger: RecordingLogger;
  coordinationChannel: string;
  base: ActivityBase;
  /** Posts an activity to /api/messages and waits for the work after the response. */
  send(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** A typed message. */
  say(from: TeamsUser, where: Where, text: string, options?: Partial<ActivityOptions>): Promise<HttpAnswer>;
  /** A card's Action.Submit. */
  submit(
    from: TeamsUser,
    where: Where,
    value: Record<string, unknown>,
    replyToId?: string,
  ): Promise<HttpAnswer>;
  execute(from: TeamsUser, where: Where, verb: string, data: Record<string, unknown>): Promise<HttpAnswer>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The Teams credentials' environment (TEAMS_APP_ID…), given the fakes; unauthenticated local mode by default. */
  env?: (fakes: { connector: FakeConnector; graph: FakeGraph }) => Record<string, string>;
  accessTokens?: (scope: string) => Promise<string>;
  /** Graph's and the connector's retry policy; by default the real one without its waits. */
  retry?: Partial<TeamsRetrySettings>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'muster-teams-e2e-'));
  const directoryPath = join(dataDir, 'directory.json');
  await writeFile(directoryPath, JSON.stringify(testDirectory()));
  const connector = await startFakeConnector();
  const graph = await startFakeGraph({ users: Object.values(PEOPLE).map((p) => p.graph) });
  const coordinationChannel = graph.addChannel('CSP coordination').id;
  const clock = new FixedClock(NOW);
  const logger = new RecordingLogger();
  const env = options.env?.({ connector, graph }) ?? { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };
  const config = loadConfig({
    ...env,
    TEAMS_TEAM_ID: graph.teamId,
    TEAMS_COORDINATION_CHANNEL: coordinationChannel,
    TEAMS_SERVICE_URL: connector.serviceUrl,
    TEAMS_GRAPH_URL: graph.baseUrl,
    MUSTER_DATA_DIR: join(dataDir, 'data'),
    MUSTER_DIRECTORY: directoryPath,
    PORT: '0',
    // Ticks come from the tests (tickNow), not the wall clock: 1 January only.
    MUSTER_TICK_CRON: '0 0 1 1 *',
    LOG_LEVEL: 'silent',
  });
  const muster = await startMuster({
    config,
    clock,
    logger,
    runOnStart: false,
    host: '127.0.0.1',
    teamsTesting: {
      graphRetryWaitMs: 0,
      retry: { maxDelayMs: 0, ...options.retry },
      ...(options.accessTokens ? { accessTokens: options.accessTokens } : {}),
    },
  });
  const base: ActivityBase = { serviceUrl: connector.serviceUrl, tenantId: TENANT };
  const endpoint = `http://127.0.0.1:${muster.port}/api/messages`;
  const send: Harness['send'] = async (body, headers = {}) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    await muster.idle();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    connector,
    graph,
    muster,
    clock,
    logger,
    coordinationChannel,
    base,
    send,
    say: (from, where, text, extra = {}) => send(activity(base, { from, where, text, ...extra })),
    submit: (from, where, value, replyToId) =>
      send(activity(base, { from, where, value, ...(replyToId ? { replyToId } : {}) })),
    execute: (from, where, verb, data) => send(executeActivity(base, { from, where, verb, data })),
    async close() {
      await muster.stop();
      await connector.close();
      await graph.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The id of a person's one-to-one chat with the bot, when they were the first to write. */
export const dmOf = (person: TeamsUser) => `a:dm-${person.aadObjectId}`;

export const personal = (person: TeamsUser): Where => ({ kind: 'personal', conversationId: dmOf(person) });

export const inChannel = (channelId: string, name?: string): Where => ({
  kind: 'channel',
  channelId,
  ...(name ? { name } : {}),
});

/** The newest message in a conversation. */
export function lastIn(h: Harness, conversationId: string): ConnectorMessage {
  const message = h.connector.messages(conversationId).at(-1);
  if (!message) throw new Error(`no message in ${conversationId}`);
  return message;
}

/** What a form card's submit button posts with these inputs: `{ formId, context }` and the answers. */
export function formAnswers(formCard: Record<string, unknown> | undefined, answers: Record<string, unknown>) {
  const submit = ((formCard?.actions ?? []) as { type: string; data?: Record<string, unknown> }[]).find(
    (a) => a.type === 'Action.Submit',
  );
  if (!submit?.data?.formId) throw new Error('not a form card');
  return { ...submit.data, ...answers };
}

/** The answers to the notification form, as cards/form.json posts them; `overrides` replace single inputs. */
export function newIncidentAnswers(
  formCard: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
) {
  return formAnswers(formCard, {
    occurredAt__date: '2027-08-27',
    occurredAt__time: '15:00',
    area: 'corby',
    location: 'Market Street',
    category: 'gold-group',
    description: 'A stabbing outside a takeaway.',
    weapon: 'knife',
    sio: 'pat-police',
    reportedBy: 'pat-police',
    knockOnAreas: 'kettering',
    ...overrides,
  });
}

/** The value a form card's input shows (its preset, or the answer kept after a refusal). */
export function inputValue(formCard: Record<string, unknown> | undefined, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const item = node as Record<string, unknown>;
    if (item.id === id && String(item.type).startsWith('Input.')) found = item.value;
    Object.values(item).forEach(walk);
  };
  walk(formCard?.body);
  return found;
}

/** "incident" in the person's chat, then the form card Muster answered with. */
export async function openForm(h: Harness, from: TeamsUser = USERS.pat): Promise<ConnectorMessage> {
  return openFormWith(h, {}, from);
}

/** `openForm` with request headers (a token). */
export async function openFormWith(
  h: Harness,
  headers: Record<string, string>,
  from: TeamsUser = USERS.pat,
): Promise<ConnectorMessage> {
  const response = await h.send(activity(h.base, { from, where: personal(from), text: 'incident' }), headers);
  expect(response.status).toBe(200);
  const form = lastIn(h, dmOf(from));
  expect(cardOf(form)?.fallbackText).toBe('Report a serious violence incident');
  return form;
}

/** Opens and submits the notification form and returns the one incident. */
export async function reportIncident(h: Harness, from: TeamsUser = USERS.pat): Promise<Incident> {
  const form = await openForm(h, from);
  const response = await h.submit(from, personal(from), newIncidentAnswers(cardOf(form)!), form.id);
  expect(response.status).toBe(200);
  const [summary] = await h.muster.store.listIncidents();
  return (await h.muster.store.getIncident(summary!.id))!;
}

export function spaceOf(incident: Incident): string {
  const id = incident.spaces.teams?.spaceId;
  if (!id) throw new Error(`${incident.reference} has no Teams space`);
  return id;
}

/** Every button's posted data in a card (Action.Submit with a verb), wherever it sits in the card. */
export function buttonsIn(card: unknown): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const item = node as Record<string, unknown>;
    if (item.type === 'Action.Submit' && typeof item.data === 'object' && item.data && 'verb' in item.data)
      found.push({ title: String(item.title), data: item.data as Record<string, unknown> });
    Object.values(item).forEach(walk);
  };
  walk(card);
  return found;
}

/** The error a refused form card shows under a field (cards/form.json puts it in the field's container). */
export function errorUnder(
  formCard: Record<string, unknown> | undefined,
  fieldId: string,
): string | undefined {
  let found: string | undefined;
  const holds = (node: unknown): boolean =>
    JSON.stringify(node).includes(`"id":"${fieldId}"`) ||
    JSON.stringify(node).includes(`"id":"${fieldId}__date"`);
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const item = node as Record<string, unknown>;
    if (item.type === 'Container' && Array.isArray(item.items) && item.items.some(holds)) {
      const error = (item.items as Record<string, unknown>[]).find(
        (i) => i.type === 'TextBlock' && i.color === 'Attention',
      );
      if (error && !(item.items as unknown[]).some((i) => (i as { type?: string }).type === 'Container'))
        found = String(error.text);
    }
    Object.values(item).forEach(walk);
  };
  walk(formCard?.body);
  return found;
}
