/**
 * A fake Microsoft Graph on 127.0.0.1 (`<url>/v1.0`), holding one tenant's
 * users, the partnership's team with its channels and members, group chats,
 * and the app catalogue: the calls Muster's Teams adapter makes. Channel
 * names are unique per team (409 on a duplicate, as Graph answers), a
 * private channel only takes members of its team, and the tenant can be set
 * to forbid channel creation (403), to see the group-chat fallback. Entra
 * groups answer `transitiveMembers` (users and a device, two per page), for
 * the coordinator groups.
 */
import { randomUUID } from 'node:crypto';
import {
  errorReply,
  type FakeServer,
  type RecordedRequest,
  type Reply,
  startFakeServer,
} from './fake-http.js';

type Json = Record<string, unknown>;

export interface FakeGraphUser {
  id: string;
  displayName: string;
  mail: string;
}

export interface FakeChannel {
  id: string;
  displayName: string;
  description?: string;
  membershipType: string;
  members: Map<string, string[]>;
  archived: boolean;
  webUrl: string;
}

export interface FakeChat {
  id: string;
  topic: string;
  members: Map<string, string[]>;
  installedApps: string[];
  webUrl: string;
}

export interface FakeGraph {
  /** The base URL Muster is given (TEAMS_GRAPH_URL), ending in /v1.0. */
  baseUrl: string;
  requests: RecordedRequest[];
  teamId: string;
  users: FakeGraphUser[];
  teamMembers: Set<string>;
  channels: FakeChannel[];
  chats: FakeChat[];
  /** The app catalogue: manifest (external) id → catalogue id. */
  catalog: Map<string, string>;
  /** Entra groups: group object id → member user ids (nested groups already flattened). */
  groups: Map<string, string[]>;
  /** Channel creation answers 403, as where the tenant forbids apps to create channels. */
  forbidChannels: boolean;
  /** The next channel creation finds someone made that channel a moment earlier (so it answers 409). */
  raceNextChannel: boolean;
  addChannel(displayName: string, membershipType?: string): FakeChannel;
  channel(idOrName: string): FakeChannel | undefined;
  /** The next `count` requests whose path starts with `prefix` answer `status`, with `headers` if given. */
  failNext(prefix: string, status?: number, count?: number, headers?: Record<string, string>): void;
  /** The next `count` requests whose path starts with `prefix` are carried out but answered only after `ms`. */
  delayNext(prefix: string, ms: number, count?: number): void;
  /** Requests made, as `METHOD /path` without /v1.0, in order. */
  calls(): string[];
  close(): Promise<void>;
}

const MEMBER_BINDING = /\/users\('([^']+)'\)$/;

export async function startFakeGraph(options: {
  users: FakeGraphUser[];
  teamId?: string;
}): Promise<FakeGraph> {
  const teamId = options.teamId ?? 'team-partnership';
  const failures: { prefix: string; status: number; count: number; headers?: Record<string, string> }[] = [];
  const delays: { prefix: string; ms: number; count: number }[] = [];

  const userOf = (body: Json): string | undefined =>
    MEMBER_BINDING.exec(String(body['user@odata.bind'] ?? ''))?.[1];
  const findUser = (key: string) =>
    graph.users.find((u) => u.id === key || u.mail.toLowerCase() === key.toLowerCase());
  const select = (item: Json, query: URLSearchParams): Json => {
    const fields = query.get('$select')?.split(',');
    return fields ? Object.fromEntries(fields.map((f) => [f, item[f]])) : item;
  };
  const memberList = (members: Map<string, string[]>) => ({
    value: [...members].map(([userId, roles]) => ({ userId, roles })),
  });

  /** Answers late when a delay was asked for this path (the work is done first). */
  const handleLate = async (request: RecordedRequest): Promise<Reply> => {
    const path = request.path.replace(/^\/v1\.0/, '');
    const delay = delays.find((d) => d.count > 0 && path.startsWith(d.prefix));
    const reply = handle(request);
    if (delay) {
      delay.count -= 1;
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
    }
    return reply;
  };

  const handle = (request: RecordedRequest): Reply => {
    const path = request.path.replace(/^\/v1\.0/, '');
    const failure = failures.find((f) => f.count > 0 && path.startsWith(f.prefix));
    if (failure) {
      failure.count -= 1;
      const reply = errorReply(
        failure.status,
        failure.status === 429 ? 'TooManyRequests' : 'InjectedFailure',
      );
      return failure.headers ? { ...reply, headers: failure.headers } : reply;
    }
    const body = (request.body ?? {}) as Json;
    const { method, query } = request;
    const userPath = /^\/users\/([^/]+)$/.exec(path);
    if (method === 'GET' && userPath) {
      const user = findUser(userPath[1]!);
      if (!user) return errorReply(404, 'Request_ResourceNotFound');
      return {
        status: 200,
        body: select({ ...user, userPrincipalName: user.mail, accountEnabled: true }, query),
      };
    }
    if (path === '/appCatalogs/teamsApps' && method === 'GET') {
      const external = /externalId eq '([^']+)'/.exec(query.get('$filter') ?? '')?.[1];
      const id = external ? graph.catalog.get(external) : undefined;
      return { status: 200, body: { value: id ? [{ id, externalId: external }] : [] } };
    }
    const groupPath = /^\/groups\/([^/]+)\/transitiveMembers$/.exec(path);
    if (method === 'GET' && groupPath) return groupMembers(groupPath[1]!, query);
    const teamPath = /^\/teams\/([^/]+)(\/.*)?$/.exec(path);
    if (teamPath) {
      if (teamPath[1] !== teamId) return errorReply(404, 'NotFound', 'no such team');
      return team(method, teamPath[2] ?? '', body);
    }
    const chatPath = /^\/chats(?:\/([^/]+))?(\/.*)?$/.exec(path);
    if (chatPath) return chat(method, chatPath[1], chatPath[2] ?? '', body);
    return errorReply(404, 'NotFound', `no route ${method} ${path}`);
  };

  /** A device in every group (not a person), and pages of two with an absolute next link, as Graph pages. */
  const GROUP_PAGE = 2;
  const groupMembers = (groupId: string, query: URLSearchParams): Reply => {
    const members = graph.groups.get(decodeURIComponent(groupId));
    if (!members) return errorReply(404, 'Request_ResourceNotFound', 'no such group');
    const all = [
      ...members.map((id) => ({ '@odata.type': '#microsoft.graph.user', id })),
      { '@odata.type': '#microsoft.graph.device', id: 'device-1' },
    ];
    const skip = Number(query.get('$skiptoken') ?? 0);
    const next = skip + GROUP_PAGE;
    return {
      status: 200,
      body: {
        value: all.slice(skip, next),
        ...(next < all.length
          ? {
              '@odata.nextLink': `${graph.baseUrl}/groups/${groupId}/transitiveMembers?$select=id&$skiptoken=${next}`,
            }
          : {}),
      },
    };
  };

  const team = (method: string, rest: string, body: Json): Reply => {
    if (rest === '/members' && method === 'POST') {
      const userId = userOf(body);
      if (!userId || !findUser(userId)) return errorReply(404, 'NotFound', 'no such user');
      if (graph.teamMembers.has(userId)) return errorReply(409, 'Conflict', 'already a member');
      graph.teamMembers.add(userId);
      return { status: 201, body: { userId } };
    }
    if (rest === '/channels' && method === 'GET') {
      return {
        status: 200,
        body: {
          value: graph.channels.map((c) => ({ id: c.id, displayName: c.displayName, webUrl: c.webUrl })),
        },
      };
    }
    if (rest === '/channels' && method === 'POST') {
      if (graph.forbidChannels) return errorReply(403, 'Forbidden', 'the app may not create channels');
      const name = String(body.displayName ?? '');
      if (graph.raceNextChannel) {
        graph.raceNextChannel = false;
        graph.addChannel(name, String(body.membershipType ?? 'standard'));
      }
      if (graph.channels.some((c) => c.displayName.toLowerCase() === name.toLowerCase()))
        return errorReply(409, 'NameAlreadyExists', 'Channel name already existed');
      const members = (body.members as Json[] | undefined) ?? [];
      if (body.membershipType === 'private' && members.length === 0)
        return errorReply(400, 'BadRequest', 'a private channel needs an owner');
      const channel = graph.addChannel(name, String(body.membershipType ?? 'standard'));
      channel.description = String(body.description ?? '');
      for (const member of members) {
        const userId = userOf(member);
        if (userId) {
          graph.teamMembers.add(userId);
          channel.members.set(userId, (member.roles as string[]) ?? []);
        }
      }
      return {
        status: 201,
        body: { id: channel.id, displayName: channel.displayName, webUrl: channel.webUrl },
      };
    }
    const channelPath = /^\/channels\/([^/]+)(\/.*)?$/.exec(rest);
    if (channelPath) {
      const channel = graph.channel(channelPath[1]!);
      if (!channel) return errorReply(404, 'NotFound', 'no such channel');
      const action = channelPath[2] ?? '';
      if (action === '/members' && method === 'GET')
        return { status: 200, body: memberList(channel.members) };
      if (action === '/members' && method === 'POST') {
        const userId = userOf(body);
        if (!userId) return errorReply(400, 'BadRequest');
        if (channel.membershipType === 'private' && !graph.teamMembers.has(userId))
          return errorReply(400, 'BadRequest', 'the user is not a member of the team');
        if (channel.members.has(userId)) return errorReply(409, 'Conflict', 'already a member');
        channel.members.set(userId, (body.roles as string[]) ?? []);
        return { status: 201, body: { userId } };
      }
      if ((action === '/archive' || action === '/unarchive') && method === 'POST') {
        channel.archived = action === '/archive';
        return { status: 202 };
      }
    }
    return errorReply(404, 'NotFound', `no team route ${method} ${rest}`);
  };

  const chat = (method: string, id: string | undefined, rest: string, body: Json): Reply => {
    if (!id && method === 'POST') {
      const created: FakeChat = {
        id: `19:${randomUUID().replaceAll('-', '')}@thread.v2`,
        topic: String(body.topic ?? ''),
        members: new Map(),
        installedApps: [],
        webUrl: '',
      };
      created.webUrl = `https://teams.example/l/chat/${encodeURIComponent(created.id)}`;
      for (const member of (body.members as Json[] | undefined) ?? []) {
        const userId = userOf(member);
        if (userId) created.members.set(userId, (member.roles as string[]) ?? []);
      }
      graph.chats.push(created);
      return { status: 201, body: { id: created.id, topic: created.topic, webUrl: created.webUrl } };
    }
    const found = graph.chats.find((c) => c.id === id);
    if (!found) return errorReply(404, 'NotFound', 'no such chat');
    if (rest === '' && method === 'GET')
      return { status: 200, body: { id: found.id, topic: found.topic, webUrl: found.webUrl } };
    if (rest === '' && method === 'PATCH') {
      found.topic = String(body.topic ?? found.topic);
      return { status: 204 };
    }
    if (rest === '/members' && method === 'GET') return { status: 200, body: memberList(found.members) };
    if (rest === '/members' && method === 'POST') {
      const userId = userOf(body);
      if (!userId) return errorReply(400, 'BadRequest');
      if (found.members.has(userId)) return errorReply(409, 'Conflict', 'already a member');
      found.members.set(userId, (body.roles as string[]) ?? []);
      return { status: 201, body: { userId } };
    }
    if (rest === '/installedApps' && method === 'POST') {
      const app = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(String(body['teamsApp@odata.bind'] ?? ''))?.[1];
      if (!app) return errorReply(400, 'BadRequest');
      if (found.installedApps.includes(app)) return errorReply(409, 'Conflict', 'already installed');
      found.installedApps.push(app);
      return { status: 201 };
    }
    return errorReply(404, 'NotFound', `no chat route ${method} ${rest}`);
  };

  const server: FakeServer = await startFakeServer(handleLate);
  let nextChannel = 1;
  const graph: FakeGraph = {
    baseUrl: `${server.url}/v1.0`,
    requests: server.requests,
    teamId,
    users: options.users,
    teamMembers: new Set(),
    channels: [],
    chats: [],
    catalog: new Map(),
    groups: new Map(),
    forbidChannels: false,
    raceNextChannel: false,
    addChannel(displayName, membershipType = 'standard') {
      const id = `19:channel${nextChannel++}@thread.tacv2`;
      const channel: FakeChannel = {
        id,
        displayName,
        membershipType,
        members: new Map(),
        archived: false,
        webUrl: `https://teams.example/l/channel/${encodeURIComponent(id)}`,
      };
      graph.channels.push(channel);
      return channel;
    },
    channel: (idOrName) => graph.channels.find((c) => c.id === idOrName || c.displayName === idOrName),
    failNext(prefix, status = 503, count = 1, headers) {
      failures.push({ prefix, status, count, ...(headers ? { headers } : {}) });
    },
    delayNext(prefix, ms, count = 1) {
      delays.push({ prefix, ms, count });
    },
    calls: () => server.requests.map((r) => `${r.method} ${r.path.replace(/^\/v1\.0/, '')}`),
    close: () => server.close(),
  };
  return graph;
}
