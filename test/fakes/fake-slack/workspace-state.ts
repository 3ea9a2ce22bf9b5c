/**
 * The fake workspace's memory: users, channels and their members, messages,
 * DMs, ephemerals, views, uploads and user groups, plus the id and `ts`
 * generators. Method handlers change it; tests read it through `FakeSlack`.
 */
import {
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  type FakeChannel,
  type FakeDm,
  type FakeEphemeral,
  type FakeMessage,
  type FakeSharedFile,
  type FakeUpload,
  type FakeUser,
  type FakeView,
} from './fake-slack-types.js';

export interface PendingUpload {
  fileId: string;
  filename: string;
  title?: string;
  declaredLength: number;
  content?: Buffer;
}

export class WorkspaceState {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage[]>();
  readonly dms = new Map<string, FakeDm>();
  readonly ephemerals: FakeEphemeral[] = [];
  readonly views = new Map<string, FakeView>();
  readonly homeViews = new Map<string, string>();
  readonly pendingUploads = new Map<string, PendingUpload>();
  readonly uploads: FakeUpload[] = [];
  readonly usergroups = new Map<string, string[]>();
  readonly sharedFiles = new Map<string, FakeSharedFile>();
  private readonly counters = new Map<string, number>();
  private lastTsSeconds = 0;
  private tsSequence = 0;

  constructor(private readonly nowMs: () => number) {
    this.addUser({ id: FAKE_BOT_USER_ID, email: 'muster-bot@example.invalid', name: 'muster' });
  }

  addUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** Slack-looking ids (`C000000001`): the prefix says the kind, as it does in Slack. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(9, '0')}`;
  }

  /**
   * Message timestamps are ids in Slack, so they must be unique and increase even
   * when a test's clock stands still or several messages land in one second.
   */
  nextTs(): string {
    const seconds = Math.max(Math.floor(this.nowMs() / 1000), this.lastTsSeconds);
    this.tsSequence = seconds === this.lastTsSeconds ? this.tsSequence + 1 : 1;
    this.lastTsSeconds = seconds;
    return `${seconds}.${String(this.tsSequence).padStart(6, '0')}`;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  addChannel(input: {
    name: string;
    isPrivate?: boolean;
    members?: string[];
    creator?: string;
  }): FakeChannel {
    const channel: FakeChannel = {
      id: this.nextId('C'),
      name: input.name,
      isPrivate: input.isPrivate ?? false,
      topic: '',
      purpose: '',
      members: new Set(input.members ?? [FAKE_BOT_USER_ID]),
      archived: false,
      created: this.nowSeconds(),
      creator: input.creator ?? FAKE_BOT_USER_ID,
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    return channel;
  }

  /** A conversation the bot can see: public channels, private ones it is in, and its DMs. */
  visibleConversation(id: string): FakeChannel | FakeDm | undefined {
    const channel = this.channels.get(id);
    if (channel) return !channel.isPrivate || channel.members.has(FAKE_BOT_USER_ID) ? channel : undefined;
    return this.dms.get(id);
  }

  /** Slack lets `chat.postMessage` name a user instead of a channel: it goes to the app's DM with them. */
  resolveMessageTarget(id: string): FakeChannel | FakeDm | undefined {
    if (this.users.has(id)) return this.openDm([id]).dm;
    return this.visibleConversation(id);
  }

  openDm(userIds: string[]): { dm: FakeDm; alreadyOpen: boolean } {
    const users = [...new Set(userIds)].sort();
    const existing = [...this.dms.values()].find((dm) => dm.users.join(',') === users.join(','));
    if (existing) return { dm: existing, alreadyOpen: true };
    const dm: FakeDm = { id: this.nextId(users.length === 1 ? 'D' : 'G'), users };
    this.dms.set(dm.id, dm);
    this.messages.set(dm.id, []);
    return { dm, alreadyOpen: false };
  }

  findMessage(channelId: string, ts: string): FakeMessage | undefined {
    return this.messages.get(channelId)?.find((message) => message.ts === ts);
  }

  channelJson(channel: FakeChannel): Record<string, unknown> {
    const setBy = { creator: channel.creator, last_set: channel.created };
    return {
      id: channel.id,
      name: channel.name,
      name_normalized: channel.name,
      is_channel: true,
      is_group: false,
      is_im: false,
      is_mpim: false,
      is_private: channel.isPrivate,
      is_archived: channel.archived,
      is_general: false,
      is_member: channel.members.has(FAKE_BOT_USER_ID),
      is_shared: false,
      is_ext_shared: false,
      created: channel.created,
      creator: channel.creator,
      context_team_id: FAKE_TEAM_ID,
      topic: { value: channel.topic, ...setBy },
      purpose: { value: channel.purpose, ...setBy },
      num_members: channel.members.size,
    };
  }

  dmJson(dm: FakeDm): Record<string, unknown> {
    const single = dm.users.length === 1;
    return {
      id: dm.id,
      is_im: single,
      is_mpim: !single,
      is_private: true,
      created: this.nowSeconds(),
      ...(single ? { user: dm.users[0] } : { members: [FAKE_BOT_USER_ID, ...dm.users] }),
    };
  }

  userJson(user: FakeUser): Record<string, unknown> {
    const realName = user.realName ?? user.name;
    return {
      id: user.id,
      team_id: FAKE_TEAM_ID,
      name: user.name,
      real_name: realName,
      deleted: user.deleted ?? false,
      is_bot: user.id === FAKE_BOT_USER_ID,
      tz: 'Europe/London',
      profile: { email: user.email, real_name: realName, display_name: user.name, team: FAKE_TEAM_ID },
    };
  }
}
