/**
 * The response journey (response-journey.ts) on every chat platform, step by
 * step, with the same assertions: Slack through signed requests to the fake
 * Slack, Teams through activities to the fake Bot Connector and Graph. The
 * steps run in order on one running Muster per platform, each building on
 * the one before.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { slackJourney } from '../slack/slack-journey-driver.js';
import { teamsJourney } from '../teams/teams-journey-driver.js';
import {
  type JourneyDriver,
  type JourneyPlatform,
  type JourneyState,
  RESPONSE_JOURNEY,
} from './response-journey.js';

describe.each<JourneyPlatform>([slackJourney, teamsJourney])('the response journey on $name', (platform) => {
  let driver: JourneyDriver & { close(): Promise<void> };
  const state: JourneyState = {};
  beforeAll(async () => {
    driver = await platform.start();
  });
  afterAll(async () => {
    await driver?.close();
  });

  for (const step of RESPONSE_JOURNEY) {
    it(step.name, async () => {
      await step.run(driver, state);
    });
  }
});
