/**
 * Who the bot is in this workspace (`auth.test`), asked once per process: its
 * user id, so it is never counted among the people to reach, and the
 * workspace URL, for links to incident channels. A failed ask is not cached.
 */
import type { webApi } from '@slack/bolt';

export interface BotIdentityInfo {
  userId: string;
  /** `https://team.slack.com/`, when Slack gives it. */
  teamUrl?: string;
}

export class BotIdentity {
  private pending: Promise<BotIdentityInfo> | undefined;

  constructor(private readonly client: webApi.WebClient) {}

  get(): Promise<BotIdentityInfo> {
    this.pending ??= this.client.auth.test().then(
      (answer) => ({ userId: answer.user_id ?? '', ...(answer.url ? { teamUrl: answer.url } : {}) }),
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  /** A link that opens the channel in Slack, or undefined without a workspace URL. */
  async channelUrl(channelId: string): Promise<string | undefined> {
    const { teamUrl } = await this.get();
    if (!teamUrl) return undefined;
    return `${teamUrl.endsWith('/') ? teamUrl : `${teamUrl}/`}archives/${channelId}`;
  }
}
