/**
 * Muster's `ChatPlatform` on Slack: a private channel per incident, people
 * invited in one call, the incident card posted, pinned and updated in place,
 * meeting cards and the meeting checklist posted and updated in place,
 * notices and reminders to the channel, DMs and the coordination channel,
 * a plan's update card to each action lead by DM,
 * documents (minutes, plans, reports) uploaded to the channel or DMs, and the
 * channel archived when the incident closes (and back when it reopens).
 * Slack errors propagate unchanged (with `code` and `data.error`) after the
 * WebClient's own retries, so a use case records only what Slack accepted.
 */
import type { webApi } from '@slack/bolt';
import type { IncidentCard, NoticeCard, SpaceCard } from '../../../app/cards/card-model.js';
import type { PlanUpdateCard } from '../../../app/plans/plan-update-card.js';
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
import type { SlackMessage } from '../blocks/block-kit.js';
import { incidentBlocks } from '../blocks/incident-blocks.js';
import { spaceCardMessage } from '../blocks/index.js';
import { noticeBlocks } from '../blocks/notice-blocks.js';
import { planUpdateBlocks } from '../blocks/plan-update-blocks.js';
import { reminderBlocks } from '../blocks/reminder-blocks.js';
import { BotIdentity } from './bot-identity.js';
import { inviteToChannel } from './channel-invites.js';
import { mapSettled } from './concurrency.js';
import { directChannelOf, uploadToChannel } from './file-uploads.js';
import { ensureIncidentChannel } from './incident-channel.js';
import { RecipientResolver, type RecipientResolverOptions } from './recipient-resolver.js';
import { slackErrorCode } from './slack-errors.js';

/** Slack's chat.postMessage is rate-limited per channel, not per app; a few at a time is plenty. */
const POST_CONCURRENCY = 4;

export interface SlackPlatformOptions {
  client: webApi.WebClient;
  /** The partnership's coordination channel id; escalations and coordination notices go there. */
  coordinationChannel?: string;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** Tuning for the email look-up cache. */
  lookups?: RecipientResolverOptions;
}

export class SlackPlatform implements ChatPlatform {
  readonly name = 'slack';
  private readonly client: webApi.WebClient;
  private readonly coordinationChannel: string | undefined;
  private readonly logger: Pick<Logger, 'warn' | 'info'>;
  private readonly identity: BotIdentity;
  private readonly recipients: RecipientResolver;
  private warnedNoCoordination = false;

  constructor(options: SlackPlatformOptions) {
    this.client = options.client;
    this.coordinationChannel = options.coordinationChannel || undefined;
    this.logger = options.logger ?? { warn: () => {}, info: () => {} };
    this.identity = new BotIdentity(options.client);
    this.recipients = new RecipientResolver(
      options.client,
      async () => (await this.identity.get()).userId,
      options.lookups,
    );
  }

  async ensureIncidentSpace(incident: Incident): Promise<IncidentSpace> {
    const channel = await ensureIncidentChannel(this.client, incident);
    this.logger.info(`${channel.created ? 'created' : 'reused'} Slack channel for ${incident.reference}`, {
      reference: incident.reference,
      channel: channel.id,
    });
    const url = await this.identity.channelUrl(channel.id);
    return { id: channel.id, name: channel.name, ...(url ? { url } : {}) };
  }

  resolveRecipients(recipients: Recipients): Promise<ResolvedRecipients> {
    return this.recipients.resolve(recipients);
  }

  async addToSpace(space: IncidentSpace, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const failures = await inviteToChannel(this.client, space.id, userIds);
    if (failures.length > 0) {
      this.logger.warn(`could not add ${failures.length} people to Slack channel ${space.name}`, {
        channel: space.id,
        failures,
      });
    }
  }

  async postIncidentCard(space: IncidentSpace, card: IncidentCard): Promise<string> {
    const ts = await this.post(space.id, incidentBlocks(card));
    try {
      await this.client.pins.add({ channel: space.id, timestamp: ts });
    } catch (error) {
      // The card is posted; failing here would make the use case post it again. An
      // unpinned card is the lesser harm, and people can pin it themselves.
      if (slackErrorCode(error) !== 'already_pinned') {
        this.logger.warn(`could not pin the incident card for ${card.reference}`, {
          channel: space.id,
          error: slackErrorCode(error) ?? String(error),
        });
      }
    }
    return ts;
  }

  async updateIncidentCard(space: IncidentSpace, cardRef: string, card: IncidentCard): Promise<void> {
    const { text, blocks } = incidentBlocks(card);
    await this.client.chat.update({ channel: space.id, ts: cardRef, text, blocks });
  }

  /** Not pinned: the incident card is the channel's one pin. The ref is the message's `ts`. */
  postCard(space: IncidentSpace, card: SpaceCard): Promise<string> {
    return this.post(space.id, spaceCardMessage(card));
  }

  async updateCard(space: IncidentSpace, cardRef: string, card: SpaceCard): Promise<void> {
    const { text, blocks } = spaceCardMessage(card);
    await this.client.chat.update({ channel: space.id, ts: cardRef, text, blocks });
  }

  /** Slack answers `already_archived` to a second close: the channel is as asked, so that is success. */
  async archiveSpace(space: IncidentSpace): Promise<void> {
    try {
      await this.client.conversations.archive({ channel: space.id });
    } catch (error) {
      if (slackErrorCode(error) !== 'already_archived') throw error;
    }
  }

  async unarchiveSpace(space: IncidentSpace): Promise<void> {
    try {
      await this.client.conversations.unarchive({ channel: space.id });
    } catch (error) {
      if (slackErrorCode(error) !== 'not_archived') throw error;
    }
  }

  async sendNotice(target: NoticeTarget, notice: NoticeCard): Promise<void> {
    const message = noticeBlocks(notice);
    switch (target.kind) {
      case 'space':
        await this.post(target.space.id, message);
        return;
      case 'coordination': {
        const channel = this.coordinationTarget();
        if (channel) await this.post(channel, message);
        return;
      }
      case 'direct': {
        const { userIds } = await this.resolveReporting(target.recipients, notice.reference);
        await this.postAll(userIds, message);
        return;
      }
    }
  }

  /** The lead's direct messages: the card with its RAG buttons. Every person is tried, as for notices. */
  async askPlanUpdate(recipients: Recipients, card: PlanUpdateCard): Promise<void> {
    const { userIds } = await this.resolveReporting(recipients);
    await this.postAll(userIds, planUpdateBlocks(card));
  }

  /**
   * Channel, then each person, then the coordinators. Every post is tried and
   * the first failure rethrown: the reminder is retried whole on the next tick,
   * so a recipient may see it twice, which beats not at all.
   */
  async deliverReminder(delivery: ReminderDelivery): Promise<void> {
    const message = reminderBlocks(delivery.card);
    const targets: string[] = [];
    const channel = delivery.incident.spaces.slack?.spaceId;
    if (channel) targets.push(channel);
    const { userIds } = await this.resolveReporting(delivery.recipients, delivery.incident.reference);
    targets.push(...userIds);
    if (delivery.toCoordination) {
      const coordination = this.coordinationTarget();
      if (coordination) targets.push(coordination);
    }
    await this.postAll(targets, message);
  }

  /**
   * One upload per conversation. Direct uploads are tried for everyone and the
   * first failure rethrown, as for notices: the caller retries the whole send.
   */
  async uploadFiles(target: UploadTarget, files: UploadFile[], comment: string): Promise<void> {
    if (files.length === 0) return;
    if (target.kind === 'space') {
      await uploadToChannel(this.client, target.space.id, files, comment);
      return;
    }
    const { userIds } = await this.resolveReporting(target.recipients);
    await mapSettled(userIds, POST_CONCURRENCY, async (userId) =>
      uploadToChannel(this.client, await directChannelOf(this.client, userId), files, comment),
    );
  }

  /** A user id as channel: Slack opens (or reuses) the bot's DM with that person. */
  private async post(channel: string, { text, blocks }: SlackMessage): Promise<string> {
    const answer = await this.client.chat.postMessage({
      channel,
      text,
      blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!answer.ts) throw new Error(`Slack accepted a message to ${channel} but returned no ts`);
    return answer.ts;
  }

  private async postAll(channels: string[], message: SlackMessage): Promise<void> {
    await mapSettled([...new Set(channels)], POST_CONCURRENCY, (channel) => this.post(channel, message));
  }

  private async resolveReporting(recipients: Recipients, reference?: string): Promise<ResolvedRecipients> {
    const resolved = await this.recipients.resolve(recipients);
    if (resolved.missing.length > 0) {
      // A count, not the contacts: their emails are personal data.
      this.logger.warn(`${resolved.missing.length} recipients are not on Slack`, {
        ...(reference ? { reference } : {}),
        missing: resolved.missing.length,
      });
    }
    return resolved;
  }

  private coordinationTarget(): string | undefined {
    if (!this.coordinationChannel && !this.warnedNoCoordination) {
      this.warnedNoCoordination = true;
      this.logger.warn('no Slack coordination channel is configured; coordination messages are not sent');
    }
    return this.coordinationChannel;
  }
}
