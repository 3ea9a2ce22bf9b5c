/**
 * Muster's `ChatPlatform` on Microsoft Teams: a private channel (or group
 * chat) per incident through Graph, people added by their Entra ID, the
 * incident card and meeting cards posted into it and updated in place, and
 * notices, reminders, plan update cards and documents sent proactively through the Bot
 * Connector, to the space, the coordination channel or each person's chat
 * with the bot. Every card comes from the Adaptive Card templates in cards/.
 * Failures propagate after Graph's and the SDK's own handling, so a use case
 * records only what Teams accepted.
 */
import type { Activity } from '@microsoft/agents-activity';
import type { IncidentCard, NoticeCard, SpaceCard } from '../../../app/cards/card-model.js';
import type { PlanUpdateCard } from '../../../app/plans/plan-update-card.js';
import type { Directory } from '../../../core/directory/directory-schema.js';
import type { Incident } from '../../../core/incident/incident.js';
import type {
  ChatPlatform,
  IncidentSpace,
  NoticeTarget,
  Recipients,
  ReminderDelivery,
  ResolvedRecipients,
  UploadFile,
  UploadTarget,
} from '../../../ports.js';
import type { Logger } from '../../logging/logger.js';
import { TEAMS_PLATFORM } from '../ids.js';
import { cardMessage } from './card-messages.js';
import type { FileLinks } from './file-links.js';
import type { IncidentSpaces } from './incident-spaces.js';
import type { ConversationTarget, Proactive } from './proactive.js';
import type { TeamsUsers } from './teams-users.js';

export interface TeamsPlatformOptions {
  proactive: Proactive;
  spaces: IncidentSpaces;
  users: TeamsUsers;
  files: FileLinks;
  directory: Directory;
  /** The protocol's zone: cards show times in it. */
  zone: string;
  /** TEAMS_COORDINATION_CHANNEL: where new-incident notices and escalations go. */
  coordinationChannel?: string;
  /** The public address links to documents are made under; undefined until known. */
  publicUrl: () => string | undefined;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export class TeamsPlatform implements ChatPlatform {
  readonly name = TEAMS_PLATFORM;
  private warnedNoCoordination = false;

  constructor(private readonly options: TeamsPlatformOptions) {}

  async ensureIncidentSpace(incident: Incident): Promise<IncidentSpace> {
    const { directory, users, spaces } = this.options;
    // The SIO and the reporting officer own the private space; Teams requires an owner.
    const owners = await users.resolve(directory, {
      contacts: [],
      actors: [incident.sio, incident.reportedBy],
    });
    // A group chat is made with its people (Graph wants more than one); a channel gets them in addToSpace.
    const notified = directory.contacts.filter((c) =>
      incident.notifications.some((n) => n.contactId === c.id),
    );
    const members = async () => (await users.resolve(directory, { contacts: notified, actors: [] })).userIds;
    return spaces.ensure(incident, owners.userIds, members);
  }

  resolveRecipients(recipients: Recipients): Promise<ResolvedRecipients> {
    return this.options.users.resolve(this.options.directory, recipients);
  }

  async addToSpace(space: IncidentSpace, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const failures = await this.options.spaces.add(space, userIds);
    if (failures.length > 0) {
      this.options.logger.warn(`could not add ${failures.length} people to Teams space ${space.name}`, {
        space: space.id,
        failures: failures.map((f) => f.error),
      });
    }
  }

  postIncidentCard(space: IncidentSpace, card: IncidentCard): Promise<string> {
    // Teams has no pinning for bots in channels; the card is the space's first message and is updated in place.
    return this.options.proactive.post(inSpace(space.id), this.message(card));
  }

  updateIncidentCard(space: IncidentSpace, cardRef: string, card: IncidentCard): Promise<void> {
    return this.options.proactive.update(inSpace(space.id), cardRef, this.message(card));
  }

  postCard(space: IncidentSpace, card: SpaceCard): Promise<string> {
    return this.options.proactive.post(inSpace(space.id), this.message(card));
  }

  updateCard(space: IncidentSpace, cardRef: string, card: SpaceCard): Promise<void> {
    return this.options.proactive.update(inSpace(space.id), cardRef, this.message(card));
  }

  archiveSpace(space: IncidentSpace): Promise<void> {
    return this.options.spaces.archive(space, true);
  }

  unarchiveSpace(space: IncidentSpace): Promise<void> {
    return this.options.spaces.archive(space, false);
  }

  async sendNotice(target: NoticeTarget, notice: NoticeCard): Promise<void> {
    const message = this.message(notice);
    switch (target.kind) {
      case 'space':
        await this.options.proactive.post(inSpace(target.space.id), message);
        return;
      case 'coordination': {
        const channel = this.coordination();
        if (channel) await this.options.proactive.post(inSpace(channel), message);
        return;
      }
      case 'direct':
        await this.toPeople(target.recipients, message, notice.reference);
        return;
    }
  }

  /** Into the lead's chat with the bot: the card from cards/plan-update.json, its RAG buttons and form on it. */
  async askPlanUpdate(recipients: Recipients, card: PlanUpdateCard): Promise<void> {
    await this.toPeople(recipients, this.message(card));
  }

  /**
   * The incident's space, then each person, then coordination. Every post is
   * tried and the first failure rethrown: the reminder is retried whole on
   * the next tick, so someone may see it twice, which beats not at all.
   */
  async deliverReminder(delivery: ReminderDelivery): Promise<void> {
    const message = this.message(delivery.card);
    const space = delivery.incident.spaces[TEAMS_PLATFORM]?.spaceId;
    const coordination = delivery.toCoordination ? this.coordination() : undefined;
    await firstFailure([
      space ? this.options.proactive.post(inSpace(space), message) : Promise.resolve(),
      this.toPeople(delivery.recipients, message, delivery.incident.reference),
      coordination ? this.options.proactive.post(inSpace(coordination), message) : Promise.resolve(),
    ]);
  }

  /**
   * A bot cannot drop files into a channel or chat without SharePoint, so the
   * files are stored by Muster and posted as signed links on one card.
   */
  /** The retention purge: the incident's exported files and its remembered group chat go. */
  async forgetIncident(reference: string): Promise<void> {
    await this.options.files.forgetIncident(reference);
    await this.options.spaces.forgetIncident(reference);
  }

  async uploadFiles(target: UploadTarget, files: UploadFile[], comment: string): Promise<void> {
    if (files.length === 0) return;
    const base = this.options.publicUrl();
    if (!base) {
      throw new Error(
        'Muster does not know its public address yet, so it cannot link the documents. Set TEAMS_PUBLIC_URL.',
      );
    }
    const links = await Promise.all(files.map((file) => this.options.files.put(file, base)));
    const message = this.message({
      kind: 'notice',
      headline: comment,
      lines: [
        ...files.map((file, i) => `[${file.title} (${file.filename})](${links[i]})`),
        'The links work for 7 days; download the documents to keep them.',
      ],
    });
    if (target.kind === 'space') await this.options.proactive.post(inSpace(target.space.id), message);
    else await this.toPeople(target.recipients, message);
  }

  private message(
    card: IncidentCard | NoticeCard | SpaceCard | ReminderDelivery['card'] | PlanUpdateCard,
  ): Partial<Activity> {
    return cardMessage(card, this.options.zone);
  }

  private async toPeople(
    recipients: Recipients,
    message: Partial<Activity>,
    reference?: string,
  ): Promise<void> {
    const { userIds, missing } = await this.resolveRecipients(recipients);
    if (missing.length > 0) {
      // A count, not the contacts: their emails are personal data.
      this.options.logger.warn(`${missing.length} recipients are not on Teams`, {
        ...(reference ? { reference } : {}),
        missing: missing.length,
      });
    }
    await firstFailure(userIds.map((userId) => this.options.proactive.postToPerson(userId, message)));
  }

  private coordination(): string | undefined {
    const channel = this.options.coordinationChannel;
    if (!channel && !this.warnedNoCoordination) {
      this.warnedNoCoordination = true;
      this.options.logger.warn(
        'no Teams coordination channel is configured (TEAMS_COORDINATION_CHANNEL); coordination messages are not sent',
      );
    }
    return channel;
  }
}

const inSpace = (conversationId: string): ConversationTarget => ({ conversationId, isGroup: true });

/** Waits for every send, then rethrows the first failure, so one bad recipient does not stop the rest. */
async function firstFailure(sends: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(sends);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
