/**
 * Messages Muster sends when nobody just wrote to it: the incident card into
 * its channel, reminders, notices, files. Each is a turn the SDK's
 * CloudAdapter continues from a conversation reference (`continueConversation`)
 * or, for a person the bot has never talked to, a one-to-one conversation it
 * creates first (`createConversationAsync`) and remembers. Replies to
 * someone's own message go through their turn instead (turns/replies.ts).
 */

import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import { BOT_FRAMEWORK_SCOPE, DEFAULT_SERVICE_URL, TEAMS_CHANNEL_ID } from '../ids.js';
import type { PersonalConversation, TeamsState } from '../store/teams-state.js';

export interface ProactiveOptions {
  adapter: CloudAdapter;
  state: TeamsState;
  /** The bot's app id; unset in the unauthenticated local mode. */
  appId?: string;
  tenantId?: string;
  /** TEAMS_SERVICE_URL, used until an incoming activity tells Muster its region's connector. */
  serviceUrl?: string;
}

/** What a proactive message is sent into: a channel, a group chat or a one-to-one chat. */
export interface ConversationTarget {
  conversationId: string;
  serviceUrl?: string;
  isGroup: boolean;
}

export class Proactive {
  constructor(private readonly options: ProactiveOptions) {}

  /**
   * The connector for conversations Muster starts (the last one Teams used,
   * as any replica learned it, else the configured one) and the tenant.
   */
  private async connector(): Promise<{ serviceUrl: string; tenantId?: string }> {
    const learned = await this.options.state.connector();
    const tenantId = this.options.tenantId ?? learned.tenantId;
    return {
      serviceUrl: learned.serviceUrl ?? this.options.serviceUrl ?? DEFAULT_SERVICE_URL,
      ...(tenantId ? { tenantId } : {}),
    };
  }

  /** Who Muster is to the connector: its app id, or nobody (no token) in the local mode. */
  private get identity(): Parameters<CloudAdapter['continueConversation']>[0] {
    return this.options.appId ?? {};
  }

  /** Posts `activity` as a new message; returns its id, the reference to update it by. */
  async post(target: ConversationTarget, activity: Partial<Activity>): Promise<string> {
    let id = '';
    await this.continue(target, async (context) => {
      const response = await context.sendActivity(Activity.fromObject({ type: 'message', ...activity }));
      id = response?.id ?? '';
    });
    if (!id) throw new Error(`Teams accepted a message to ${target.conversationId} but returned no id`);
    return id;
  }

  /** Replaces a message Muster posted, in place. */
  async update(target: ConversationTarget, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.continue(target, async (context) => {
      await context.updateActivity(Activity.fromObject({ type: 'message', ...activity, id: activityId }));
    });
  }

  /** Posts into each person's one-to-one chat with the bot, creating it the first time. */
  async postToPerson(userId: string, activity: Partial<Activity>): Promise<string> {
    const known = await this.options.state.personal(userId);
    if (known) return this.post({ ...known, isGroup: false }, activity);
    const created = await this.createPersonal(userId);
    return this.post({ ...created, isGroup: false }, activity);
  }

  private async createPersonal(userId: string): Promise<PersonalConversation> {
    const { serviceUrl, tenantId } = await this.connector();
    let conversationId = '';
    await this.options.adapter.createConversationAsync(
      this.options.appId ?? '',
      TEAMS_CHANNEL_ID,
      serviceUrl,
      BOT_FRAMEWORK_SCOPE,
      {
        isGroup: false,
        agent: { id: this.options.appId ?? '' },
        members: [{ id: userId }],
        ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
      } as Parameters<CloudAdapter['createConversationAsync']>[4],
      async (context) => {
        conversationId = context.activity.conversation?.id ?? '';
      },
    );
    if (!conversationId) throw new Error('Teams created a one-to-one chat but returned no conversation id');
    const conversation = { conversationId, serviceUrl };
    await this.options.state.learn({ personal: { userId, conversation } });
    return conversation;
  }

  private async continue(
    target: ConversationTarget,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const { serviceUrl, tenantId } = await this.connector();
    const reference: ConversationReference = {
      channelId: TEAMS_CHANNEL_ID,
      serviceUrl: target.serviceUrl ?? serviceUrl,
      conversation: {
        id: target.conversationId,
        isGroup: target.isGroup,
        ...(tenantId ? { tenantId } : {}),
      } as ConversationReference['conversation'],
      agent: { id: this.options.appId ?? 'muster' },
    };
    // The SDK hands a failure inside the turn to the adapter's onTurnError (logged, and answered with
    // an apology in the chat) instead of rejecting: caught here, so a send that failed fails the caller.
    let failure: { error: unknown } | undefined;
    await this.options.adapter.continueConversation(this.identity, reference, async (context) => {
      // The continuation carries a made-up activity id; left there, every post would be a reply to it.
      context.activity.id = undefined;
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}
