/**
 * Muster's `ChatPlatform` in the local console: an incident channel per
 * incident (named as on Slack, from the reference and area only), members
 * added by contact id, the incident card posted pinned and replaced in place,
 * meeting cards and checklists posted for everyone and replaced in place, the
 * channel archived when its incident closes (readable, closed to posts), notices and reminders to the incident channel, the coordination channel and
 * people's direct messages, plan update cards to action leads' direct messages, and uploaded files (kept on disk, listed in a
 * message as download links). Cards are the Adaptive Card JSON of `cards/`.
 * Every post and update is stored, then streamed to the browsers that may see
 * it. Everyone in the directory is "on" the console, so nobody is missing.
 */
import type { IncidentCard, NoticeCard, ReminderCard, SpaceCard } from '../../app/cards/card-model.js';
import type { PlanUpdateCard } from '../../app/plans/plan-update-card.js';
import { incidentChannelName } from '../../core/incident/channel-name.js';
import type { Incident } from '../../core/incident/incident.js';
import { formatReference, parseReference } from '../../core/incident/reference.js';
import type {
  ChatPlatform,
  Clock,
  IncidentSpace,
  NoticeTarget,
  Recipients,
  ReminderDelivery,
  ResolvedRecipients,
  UploadFile,
  UploadTarget,
} from '../../ports.js';
import { expandCard } from '../cards/card-templates.js';
import type { Logger } from '../logging/logger.js';
import { consoleUserOf } from './console-access.js';
import type { ConsoleEvents } from './console-events.js';
import {
  CONSOLE_PLATFORM,
  COORDINATION_CHANNEL_ID,
  type ConsoleChannel,
  type ConsoleFileRef,
  type ConsoleMessage,
  type ConsoleStoredFile,
  directChannelId,
  MUSTER_AUTHOR,
} from './console-model.js';
import type { ConsoleStore } from './console-store.js';

/** What a post carries besides where, when and who (which the platform fills in). */
export type MessageContent = Pick<
  ConsoleMessage,
  'text' | 'card' | 'cardKind' | 'ephemeralFor' | 'pinned' | 'files'
> & {
  author?: ConsoleMessage['author'];
};

export interface ConsolePlatformOptions {
  store: ConsoleStore;
  events: ConsoleEvents;
  clock: Clock;
  /** The protocol's zone, for the date and time inputs of forms. */
  zone: string;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

export class ConsolePlatform implements ChatPlatform {
  readonly name = CONSOLE_PLATFORM;
  private readonly store: ConsoleStore;
  private readonly events: ConsoleEvents;
  private readonly clock: Clock;
  private readonly zone: string;
  private readonly logger: Pick<Logger, 'info' | 'warn'>;

  constructor(options: ConsolePlatformOptions) {
    this.store = options.store;
    this.events = options.events;
    this.clock = options.clock;
    this.zone = options.zone;
    this.logger = options.logger ?? { info: () => {}, warn: () => {} };
  }

  async ensureIncidentSpace(incident: Incident): Promise<IncidentSpace> {
    const name = incidentChannelName(incident);
    const channel =
      this.store.channel(name) ??
      (await this.saveChannel({
        id: name,
        name,
        kind: 'incident',
        reference: incident.reference,
        memberIds: [],
      }));
    return { id: channel.id, name: channel.name };
  }

  /** Console users are directory contacts, so every contact is found; other platforms' actors are not ours to reach. */
  async resolveRecipients({ contacts, actors }: Recipients): Promise<ResolvedRecipients> {
    const fromActors = actors.flatMap((actor) => consoleUserOf(actor.id) ?? []);
    return { userIds: [...new Set([...contacts.map((c) => c.id), ...fromActors])], missing: [] };
  }

  async addToSpace(space: IncidentSpace, userIds: string[]): Promise<void> {
    const channel = await this.incidentChannel(space);
    const memberIds = [...new Set([...channel.memberIds, ...userIds])];
    if (memberIds.length === channel.memberIds.length) return;
    await this.saveChannel({ ...channel, memberIds });
  }

  async postIncidentCard(space: IncidentSpace, card: IncidentCard): Promise<string> {
    await this.incidentChannel(space);
    const message = await this.post(space.id, { card: this.expand(card), cardKind: card.kind, pinned: true });
    return message.id;
  }

  async updateIncidentCard(space: IncidentSpace, cardRef: string, card: IncidentCard): Promise<void> {
    await this.replaceCard(space, cardRef, card);
  }

  /** A meeting card or the meeting's checklist, for everyone in the incident channel. */
  async postCard(space: IncidentSpace, card: SpaceCard): Promise<string> {
    await this.incidentChannel(space);
    const message = await this.post(space.id, { card: this.expand(card), cardKind: card.kind });
    return message.id;
  }

  async updateCard(space: IncidentSpace, cardRef: string, card: SpaceCard): Promise<void> {
    await this.replaceCard(space, cardRef, card);
  }

  /** Closed to posts, still readable; the page greys the composer out. Archiving twice is fine. */
  async archiveSpace(space: IncidentSpace): Promise<void> {
    const channel = await this.incidentChannel(space);
    if (!channel.archived) await this.saveChannel({ ...channel, archived: true });
  }

  async unarchiveSpace(space: IncidentSpace): Promise<void> {
    const channel = await this.incidentChannel(space);
    if (!channel.archived) return;
    const { archived: _archived, ...open } = channel;
    await this.saveChannel(open);
  }

  async sendNotice(target: NoticeTarget, notice: NoticeCard): Promise<void> {
    const content = { card: this.expand(notice), cardKind: notice.kind };
    switch (target.kind) {
      case 'space':
        await this.incidentChannel(target.space);
        await this.post(target.space.id, content);
        return;
      case 'coordination':
        await this.post(COORDINATION_CHANNEL_ID, content);
        return;
      case 'direct': {
        const { userIds } = await this.resolveRecipients(target.recipients);
        for (const id of userIds) await this.postDirect(id, content);
      }
    }
  }

  /** Into the lead's direct messages: the card from cards/plan-update.json, its RAG buttons opening the form. */
  async askPlanUpdate(recipients: Recipients, card: PlanUpdateCard): Promise<void> {
    const content = { card: expandCard(card, { zone: this.zone }), cardKind: card.kind };
    const { userIds } = await this.resolveRecipients(recipients);
    for (const id of userIds) await this.postDirect(id, content);
  }

  /** In the incident channel, to each recipient directly, and for an escalation to the coordinators' channel. */
  async deliverReminder(delivery: ReminderDelivery): Promise<void> {
    const content = { card: this.expand(delivery.card), cardKind: delivery.card.kind };
    const spaceId = delivery.incident.spaces[CONSOLE_PLATFORM]?.spaceId;
    if (spaceId) await this.post(spaceId, content);
    const { userIds } = await this.resolveRecipients(delivery.recipients);
    for (const id of userIds) await this.postDirect(id, content);
    if (delivery.toCoordination) await this.post(COORDINATION_CHANNEL_ID, content);
  }

  /**
   * Each file is stored once, then one message lists them all in each channel
   * it goes to; the file remembers those channels, so only their members may
   * download it (`GET /console/files`).
   */
  async uploadFiles(target: UploadTarget, files: UploadFile[], comment: string): Promise<void> {
    if (files.length === 0) return;
    let channelIds: string[];
    if (target.kind === 'space') {
      await this.incidentChannel(target.space);
      channelIds = [target.space.id];
    } else {
      const { userIds } = await this.resolveRecipients(target.recipients);
      channelIds = [];
      for (const id of userIds) channelIds.push((await this.ensureDirectChannel(id)).id);
    }
    if (channelIds.length === 0) return;
    const refs: ConsoleFileRef[] = [];
    for (const file of files) {
      const id = crypto.randomUUID();
      const stored: ConsoleStoredFile = {
        id,
        filename: file.filename,
        title: file.title,
        mimeType: file.mimeType,
        size: file.content.length,
        storedAs: `${id}-${safeFilename(file.filename)}`,
        channelIds,
      };
      await this.store.saveFile(stored, file.content);
      const { storedAs: _where, channelIds: _who, ...ref } = stored;
      refs.push(ref);
    }
    for (const channelId of channelIds) await this.post(channelId, { text: comment, files: refs });
  }

  /** The retention purge: the incident's channel, messages and files leave the console's history. */
  async forgetIncident(reference: string): Promise<void> {
    await this.store.forgetIncident(reference);
  }

  /** Any message into a channel: cards, notices, replies and people's own chat. */
  async post(channelId: string, content: MessageContent): Promise<ConsoleMessage> {
    const { author, ...rest } = content;
    const message: ConsoleMessage = {
      id: crypto.randomUUID(),
      channelId,
      at: this.now(),
      author: author ?? MUSTER_AUTHOR,
      ...rest,
    };
    await this.store.saveMessage(message);
    this.events.message(message);
    return message;
  }

  /** Into the person's direct messages with Muster, opening them on first use. */
  async postDirect(contactId: string, content: MessageContent): Promise<ConsoleMessage> {
    await this.ensureDirectChannel(contactId);
    return this.post(directChannelId(contactId), content);
  }

  async ensureCoordinationChannel(): Promise<ConsoleChannel> {
    return (
      this.store.channel(COORDINATION_CHANNEL_ID) ??
      this.saveChannel({
        id: COORDINATION_CHANNEL_ID,
        name: 'csp-coordination',
        kind: 'coordination',
        memberIds: [],
      })
    );
  }

  async ensureDirectChannel(contactId: string): Promise<ConsoleChannel> {
    const id = directChannelId(contactId);
    return (
      this.store.channel(id) ??
      this.saveChannel({ id, name: 'Muster', kind: 'direct', memberIds: [contactId] })
    );
  }

  private expand(card: IncidentCard | NoticeCard | ReminderCard | SpaceCard): Record<string, unknown> {
    return expandCard(card, { zone: this.zone });
  }

  /** Replaces a card this platform posted in the space, keeping its place, and streams the change. */
  private async replaceCard(
    space: IncidentSpace,
    cardRef: string,
    card: IncidentCard | SpaceCard,
  ): Promise<void> {
    const existing = this.store.message(cardRef);
    if (!existing || existing.channelId !== space.id) {
      throw new Error(`the console has no ${card.kind} card ${cardRef} in ${space.name}`);
    }
    const updated = { ...existing, card: this.expand(card), cardKind: card.kind, updatedAt: this.now() };
    await this.store.saveMessage(updated);
    this.events.message(updated);
  }

  /**
   * The channel behind an incident space. One the history no longer has (its
   * file was deleted while the incidents were kept) is opened again, empty,
   * rather than failing every reminder for that incident from now on.
   */
  private async incidentChannel(space: IncidentSpace): Promise<ConsoleChannel> {
    const channel = this.store.channel(space.id);
    if (channel) return channel;
    this.logger.warn(`console channel ${space.name} was missing from the history; reopened empty`);
    const reference = referenceInName(space.name);
    return this.saveChannel({
      id: space.id,
      name: space.name,
      kind: 'incident',
      ...(reference ? { reference } : {}),
      memberIds: [],
    });
  }

  private async saveChannel(channel: ConsoleChannel): Promise<ConsoleChannel> {
    await this.store.saveChannel(channel);
    this.events.channel(channel);
    return channel;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** A name safe on any file system: letters, digits, dot, dash and underscore only, never `..`. */
export function safeFilename(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+/, '');
  return safe.slice(-100) || 'file';
}

/** `sv-2027-0042-corby` → `SV-2027-0042`: channel names start with the reference. */
function referenceInName(name: string): string | undefined {
  const parsed = parseReference(/^sv-\d{4}-\d+/i.exec(name)?.[0] ?? '');
  return parsed ? formatReference(parsed.year, parsed.sequence) : undefined;
}
