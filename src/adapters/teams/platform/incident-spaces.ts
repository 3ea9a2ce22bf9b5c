/**
 * Each incident's private place on Teams, through Microsoft Graph: a private
 * channel in the partnership's team, named after the incident like its Slack
 * channel, or, where the tenant forbids the app to create channels (403) or
 * no team is configured, a group chat with Muster installed in it. Creating
 * is idempotent: an existing channel of that name is reused (Graph answers a
 * duplicate name with 409), and the chat made for an incident is remembered.
 * People are added by their Entra ID; a private channel only takes members
 * of its team, so they join the team first. Closing archives the channel;
 * a chat cannot be archived, so its topic says it is closed.
 */
import { incidentChannelName } from '../../../core/incident/channel-name.js';
import type { Incident } from '../../../core/incident/incident.js';
import type { IncidentSpace } from '../../../ports.js';
import type { Logger } from '../../logging/logger.js';
import { type GraphClient, isGraphError } from '../graph/graph-client.js';
import type { SpaceKind, TeamsState } from '../store/teams-state.js';

interface GraphChannel {
  id: string;
  displayName: string;
  webUrl?: string;
}

interface GraphChat {
  id: string;
  topic?: string | null;
  webUrl?: string;
}

interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

interface GraphMember {
  userId?: string;
}

export interface IncidentSpacesOptions {
  graph: GraphClient;
  state: TeamsState;
  /** The partnership's team; unset, every incident gets a group chat. */
  teamId?: string;
  /** The bot's app id, to install Muster in a group chat; unset in the local mode. */
  appId?: string;
  logger: Pick<Logger, 'info' | 'warn'>;
}

const MEMBER = '#microsoft.graph.aadUserConversationMember';
const ADD_CONCURRENCY = 4;
/** A group chat shows everything said before a person was added: the history is the point of the space. */
const ALL_HISTORY = '0001-01-01T00:00:00Z';

export class IncidentSpaces {
  constructor(private readonly options: IncidentSpacesOptions) {}

  private get graph(): GraphClient {
    return this.options.graph;
  }

  /** The retention purge: what is remembered of the incident's space by its reference goes. */
  forgetIncident(reference: string): Promise<void> {
    return this.options.state.forgetIncident(reference);
  }

  /**
   * The incident's channel (or chat), created if need be with `owners`
   * (Entra ids) as its owners; a chat is made with `members` in it too.
   */
  async ensure(
    incident: Incident,
    owners: string[],
    members: () => Promise<string[]> = async () => [],
  ): Promise<IncidentSpace> {
    const name = incidentChannelName(incident);
    const { teamId } = this.options;
    if (teamId) {
      try {
        return await this.ensureChannel(teamId, incident, name, owners);
      } catch (error) {
        if (!isGraphError(error, 403)) throw error;
        this.options.logger.warn(
          `Teams refused to create a channel for ${incident.reference}; using a group chat instead`,
          { reference: incident.reference, code: error.code },
        );
      }
    }
    return this.ensureChat(incident, name, owners, members);
  }

  async kindOf(spaceId: string): Promise<SpaceKind> {
    const known = await this.options.state.space(spaceId);
    if (known) return known;
    // Graph's own id formats: chats end in @thread.v2, team channels in @thread.tacv2 (or @thread.skype).
    return spaceId.endsWith('@thread.v2')
      ? { kind: 'chat' }
      : { kind: 'channel', ...(this.options.teamId ? { teamId: this.options.teamId } : {}) };
  }

  /** Adds people; those already in are fine. Returns the ids that could not be added, for the log. */
  async add(space: IncidentSpace, userIds: string[]): Promise<{ userId: string; error: string }[]> {
    const where = await this.kindOf(space.id);
    const failures: { userId: string; error: string }[] = [];
    const queue = [...new Set(userIds)];
    const worker = async () => {
      for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
        try {
          await this.addOne(space.id, where, userId);
        } catch (error) {
          failures.push({ userId, error: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: ADD_CONCURRENCY }, worker));
    return failures;
  }

  async isMember(spaceId: string, userId: string): Promise<boolean> {
    const members = await this.all<GraphMember>(`${await this.path(spaceId)}/members`);
    return members.some((m) => m.userId === userId);
  }

  /** Archives the channel (it stays readable) or marks the chat closed; "not allowed" is logged, not thrown. */
  async archive(space: IncidentSpace, archived: boolean): Promise<void> {
    const where = await this.kindOf(space.id);
    try {
      if (where.kind === 'chat') {
        await this.graph.patch(`/chats/${encodeURIComponent(space.id)}`, {
          topic: archived ? `${space.name} (closed)` : space.name,
        });
      } else {
        await this.graph.post(`${await this.path(space.id)}/${archived ? 'archive' : 'unarchive'}`, {});
      }
    } catch (error) {
      // Already in the state asked for.
      if (isGraphError(error, 409)) return;
      if (!isGraphError(error, 403)) throw error;
      this.options.logger.warn(
        `Teams did not allow Muster to ${archived ? 'archive' : 'unarchive'} ${space.name}`,
        {
          space: space.id,
        },
      );
    }
  }

  private async ensureChannel(
    teamId: string,
    incident: Incident,
    name: string,
    owners: string[],
  ): Promise<IncidentSpace> {
    const existing = await this.findChannel(teamId, name);
    if (existing) return this.remember(existing, { kind: 'channel', teamId }, incident, 'reused');
    let channel: GraphChannel | undefined;
    try {
      channel = await this.graph.post<GraphChannel>(`/teams/${encodeURIComponent(teamId)}/channels`, {
        displayName: name,
        description: `${incident.reference}: the multi-agency response, run by Muster. Do not post names of victims, suspects or witnesses.`,
        membershipType: 'private',
        members: this.memberBodies(ownersOrFail(incident, owners), ['owner']),
      });
    } catch (error) {
      // Another attempt (or a person) made it meanwhile.
      if (!isGraphError(error, 409)) throw error;
      channel = await this.findChannel(teamId, name);
      if (!channel) throw error;
    }
    return this.remember(channel, { kind: 'channel', teamId }, incident, 'created');
  }

  private async ensureChat(
    incident: Incident,
    name: string,
    owners: string[],
    members: () => Promise<string[]>,
  ): Promise<IncidentSpace> {
    const known = await this.options.state.chatFor(incident.reference);
    const people = known ? [] : [...new Set([...ownersOrFail(incident, owners), ...(await members())])];
    const chat = known
      ? await this.graph.get<GraphChat>(`/chats/${encodeURIComponent(known)}`)
      : await this.graph.post<GraphChat>('/chats', {
          chatType: 'group',
          topic: name,
          // Everyone in a group chat owns it; Teams has no lesser role there for an app to give.
          members: this.memberBodies(people, ['owner']),
        });
    // Remembered before the install, so a retry reuses this chat rather than making another.
    const space = await this.remember(
      { id: chat.id, displayName: name, ...(chat.webUrl ? { webUrl: chat.webUrl } : {}) },
      { kind: 'chat' },
      incident,
      known ? 'reused' : 'created',
    );
    await this.installInChat(chat.id);
    return space;
  }

  /** Muster must be in the chat to post there; in the local mode there is no app to install. */
  private async installInChat(chatId: string): Promise<void> {
    const { appId } = this.options;
    if (!appId) return;
    const catalog = await this.graph.get<GraphPage<{ id: string }>>(
      `/appCatalogs/teamsApps?$filter=externalId eq '${encodeURIComponent(appId)}'`,
    );
    const app = catalog.value[0];
    if (!app) {
      throw new Error(
        "Muster's Teams app is not in your organisation's app catalogue, so it cannot be added to the incident's chat. Upload the app package (npm run package:teams) in the Teams admin centre.",
      );
    }
    try {
      await this.graph.post(`/chats/${encodeURIComponent(chatId)}/installedApps`, {
        'teamsApp@odata.bind': `${this.graph.baseUrl}/appCatalogs/teamsApps/${app.id}`,
      });
    } catch (error) {
      if (!isGraphError(error, 409)) throw error;
    }
  }

  private async addOne(spaceId: string, where: SpaceKind, userId: string): Promise<void> {
    const ignoreExisting = async (request: Promise<unknown>) => {
      try {
        await request;
      } catch (error) {
        if (!isGraphError(error, 409)) throw error;
      }
    };
    const [member] = this.memberBodies([userId], where.kind === 'chat' ? ['owner'] : []);
    if (where.kind === 'chat') {
      await ignoreExisting(
        this.graph.post(`/chats/${encodeURIComponent(spaceId)}/members`, {
          ...member,
          visibleHistoryStartDateTime: ALL_HISTORY,
        }),
      );
      return;
    }
    const teamId = where.teamId ?? this.options.teamId;
    if (!teamId) throw new Error(`no team is known for channel ${spaceId}`);
    // A private channel takes only members of its team.
    await ignoreExisting(this.graph.post(`/teams/${encodeURIComponent(teamId)}/members`, member));
    await ignoreExisting(this.graph.post(`${await this.path(spaceId)}/members`, member));
  }

  private async path(spaceId: string): Promise<string> {
    const where = await this.kindOf(spaceId);
    if (where.kind === 'chat') return `/chats/${encodeURIComponent(spaceId)}`;
    const teamId = where.teamId ?? this.options.teamId;
    if (!teamId) throw new Error(`no team is known for channel ${spaceId}`);
    return `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(spaceId)}`;
  }

  private memberBodies(userIds: string[], roles: string[]): Record<string, unknown>[] {
    return userIds.map((userId) => ({
      '@odata.type': MEMBER,
      'user@odata.bind': this.graph.userBinding(userId),
      roles,
    }));
  }

  private async findChannel(teamId: string, name: string): Promise<GraphChannel | undefined> {
    const channels = await this.all<GraphChannel>(
      `/teams/${encodeURIComponent(teamId)}/channels?$select=id,displayName,webUrl`,
    );
    return channels.find((c) => c.displayName.toLowerCase() === name);
  }

  private async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for (let next: string | undefined = path; next !== undefined; ) {
      const page: GraphPage<T> = await this.graph.get<GraphPage<T>>(next);
      items.push(...page.value);
      const link = page['@odata.nextLink'];
      next = link?.startsWith(this.graph.baseUrl) ? link.slice(this.graph.baseUrl.length) : undefined;
    }
    return items;
  }

  private async remember(
    found: GraphChannel,
    where: SpaceKind,
    incident: Incident,
    how: 'created' | 'reused',
  ): Promise<IncidentSpace> {
    await this.options.state.rememberSpace(found.id, where, incident.reference);
    this.options.logger.info(`${how} Teams ${where.kind} for ${incident.reference}`, {
      reference: incident.reference,
      space: found.id,
    });
    return { id: found.id, name: found.displayName, ...(found.webUrl ? { url: found.webUrl } : {}) };
  }
}

/** A private channel or group chat made by an app must name its owners. */
function ownersOrFail(incident: Incident, owners: string[]): string[] {
  if (owners.length > 0) return owners;
  throw new Error(
    `neither the SIO nor the reporting officer of ${incident.reference} was found on Teams, and Teams needs one of them as the owner of its private space. Add their Teams ids to the directory, or check their email addresses`,
  );
}
