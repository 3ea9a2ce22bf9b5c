/**
 * The Microsoft Teams adapter, on the Microsoft 365 Agents SDK (the
 * maintained successor of botbuilder): the SDK's CloudAdapter checks and
 * runs activities posted to `/api/messages` on the process's one listener,
 * an AgentApplication routes them to the turn handlers, and the
 * `TeamsPlatform` the announcements and the scheduler use talks to the Bot
 * Connector and Microsoft Graph. What the adapter learns (connector address,
 * one-to-one chats, incident chats) is kept in the Store, shared by every
 * replica (`store/teams-state.ts`); the documents it links to are kept under
 * `<dataDir>/teams/`.
 */
import type { IncomingMessage } from 'node:http';
import { AgentApplication, type TurnState } from '@microsoft/agents-hosting';
import type { DirectoryDeps } from '../../app/deps.js';
import type { TeamsConfig } from '../../config.js';
import type { HttpServer } from '../http/http-server.js';
import type { Logger } from '../logging/logger.js';
import { InFlight } from '../shared/in-flight.js';
import { type AccessTokens, createTeamsAuth } from './auth/teams-auth.js';
import { GraphClient } from './graph/graph-client.js';
import { entraGroupMembers } from './graph/group-members.js';
import { registerFileRoute } from './http/file-route.js';
import { registerMessagesRoute } from './http/messages-route.js';
import type { RetrySettings } from './http/retry-policy.js';
import { DEFAULT_GRAPH_URL } from './ids.js';
import { FileLinks } from './platform/file-links.js';
import { IncidentSpaces } from './platform/incident-spaces.js';
import { Proactive } from './platform/proactive.js';
import { TeamsPlatform } from './platform/teams-platform.js';
import { TeamsUsers } from './platform/teams-users.js';
import { TeamsState } from './store/teams-state.js';
import type { TeamsContext } from './teams-context.js';
import { registerTurns } from './turns/routes.js';

export interface TeamsAppOptions {
  teams: TeamsConfig;
  deps: DirectoryDeps;
  logger: Logger;
  /** The process's listener: `/api/messages` and the document links are added to it. */
  http: HttpServer;
  dataDir: string;
  /** Tokens instead of Entra ID, for tests (there is none offline). */
  accessTokens?: AccessTokens;
  /** The longest wait before retrying a throttled Graph call; tests make it 0. */
  graphRetryWaitMs?: number;
  /** Graph's and the Bot Connector's retry policy (attempts, time limit, back-off); tests shorten it. */
  retry?: Partial<RetrySettings>;
}

export interface TeamsApp {
  readonly platform: TeamsPlatform;
  /** Whether incoming requests must carry a valid token (false only in the local mode). */
  readonly authenticated: boolean;
  /** Resolves once no turn is still running after its response. */
  idle(): Promise<void>;
  /** Resolves once no form-started announcement is running. */
  announcementsIdle(): Promise<void>;
  /** The Teams actor ids of an Entra group's members (`teams:<group id>`, MUSTER_COORDINATOR_GROUPS). */
  groupMembers(group: string): Promise<string[]>;
  stop(): Promise<void>;
}

export async function createTeamsApp(options: TeamsAppOptions): Promise<TeamsApp> {
  const { teams, deps, logger } = options;
  const auth = createTeamsAuth(teams, options.accessTokens, { ...options.retry, logger });
  const state = await TeamsState.open({ store: deps.store, dataDir: options.dataDir, log: logger });
  const files = await FileLinks.open(options.dataDir);
  const graph = new GraphClient({
    baseUrl: teams.graphUrl ?? DEFAULT_GRAPH_URL,
    tokens: auth.tokens,
    logger,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.graphRetryWaitMs !== undefined ? { maxRetryWaitMs: options.graphRetryWaitMs } : {}),
  });
  const users = new TeamsUsers(graph);
  const spaces = new IncidentSpaces({
    graph,
    state,
    logger,
    ...(teams.teamId ? { teamId: teams.teamId } : {}),
    ...(teams.appId ? { appId: teams.appId } : {}),
  });
  const proactive = new Proactive({
    adapter: auth.adapter,
    state,
    ...(teams.appId ? { appId: teams.appId } : {}),
    ...(teams.tenantId ? { tenantId: teams.tenantId } : {}),
    ...(teams.serviceUrl ? { serviceUrl: teams.serviceUrl } : {}),
  });
  let calledAt: string | undefined;
  const platform = new TeamsPlatform({
    proactive,
    spaces,
    users,
    files,
    directory: deps.directory,
    zone: deps.protocol.calendar.zone,
    ...(teams.coordinationChannel ? { coordinationChannel: teams.coordinationChannel } : {}),
    publicUrl: () => teams.publicUrl ?? calledAt,
    logger,
  });
  const ctx: TeamsContext = {
    deps,
    platform,
    users,
    spaces,
    logger,
    authenticated: auth.authenticated,
    zone: deps.protocol.calendar.zone,
    announcing: new InFlight(),
  };
  const app = new AgentApplication<TurnState>({
    adapter: auth.adapter,
    ...(teams.appId ? { agentAppId: teams.appId } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  app.onError(async (_context, error) => {
    logger.error('Teams turn failed', { error });
  });
  registerTurns(app, ctx, state);
  const handlers = new InFlight();
  registerMessagesRoute(options.http, {
    adapter: auth.adapter,
    app,
    logger,
    handlers,
    onAuthorized: (req) => {
      calledAt ??= addressCalled(req);
    },
  });
  registerFileRoute(options.http, files);
  if (!auth.authenticated) {
    logger.warn('Teams runs WITHOUT authentication (TEAMS_ALLOW_UNAUTHENTICATED): for local testing only');
  }
  return {
    platform,
    authenticated: auth.authenticated,
    idle: () => handlers.idle(),
    announcementsIdle: () => ctx.announcing.idle(),
    groupMembers: (group) => entraGroupMembers(graph, group),
    stop: () => handlers.idle(),
  };
}

/** `https://host` as the caller reached this process (behind a proxy, as the proxy says). */
function addressCalled(req: IncomingMessage): string | undefined {
  const header = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  };
  const host = header('x-forwarded-host') ?? header('host');
  if (!host) return undefined;
  const proto =
    header('x-forwarded-proto') ?? ('encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http');
  return `${proto}://${host}`;
}
