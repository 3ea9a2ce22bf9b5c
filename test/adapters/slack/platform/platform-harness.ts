/**
 * A `SlackPlatform` wired to the fake Slack through a real `WebClient` with
 * the retry settings main.ts uses (only faster), plus people to reach:
 * five workspace users, each with a directory contact.
 */
import { webApi } from '@slack/bolt';
import {
  type SlackClientSettings,
  slackClientOptions,
} from '../../../../src/adapters/slack/platform/client-options.js';
import {
  SlackPlatform,
  type SlackPlatformOptions,
} from '../../../../src/adapters/slack/platform/slack-platform.js';
import type { Contact } from '../../../../src/core/directory/directory-schema.js';
import { type FakeSlack, type FakeUser, startFakeSlack } from '../../../fakes/fake-slack/index.js';
import { RecordingLogger } from '../../../fakes/recording-logger.js';

export const USERS: FakeUser[] = [1, 2, 3, 4, 5].map((n) => ({
  id: `U00${n}`,
  email: `person${n}@agency.example`,
  name: `person${n}`,
}));

export function contact(n: number, overrides: Partial<Contact> = {}): Contact {
  return {
    id: `contact-${n}`,
    name: `Contact ${n}`,
    email: `person${n}@agency.example`,
    role: 'Lead',
    agency: 'police',
    areas: [],
    ...overrides,
  };
}

export const FAST_RETRY: SlackClientSettings = { retries: 1, minTimeout: 10, maxTimeout: 20 };

type PlatformSettings = Partial<Omit<SlackPlatformOptions, 'client' | 'logger'>>;

export interface Harness {
  fake: FakeSlack;
  client: webApi.WebClient;
  logger: RecordingLogger;
  platform: SlackPlatform;
  close(): Promise<void>;
}

export async function platformHarness(
  options: {
    users?: FakeUser[];
    retry?: SlackClientSettings;
    /** Platform options, or a function of the fake for ids that exist only once it has started. */
    platform?: PlatformSettings | ((fake: FakeSlack) => PlatformSettings);
  } = {},
): Promise<Harness> {
  const fake = await startFakeSlack({ users: options.users ?? USERS });
  const client = new webApi.WebClient('xoxb-test', {
    ...slackClientOptions({ apiUrl: fake.apiUrl, ...(options.retry ?? FAST_RETRY) }),
    logLevel: webApi.LogLevel.ERROR,
  });
  const logger = new RecordingLogger();
  const settings = typeof options.platform === 'function' ? options.platform(fake) : options.platform;
  const platform = new SlackPlatform({ client, logger, ...settings });
  return { fake, client, logger, platform, close: () => fake.close() };
}
