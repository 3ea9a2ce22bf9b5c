/**
 * The action reminder card (a reminder card carrying an action) through
 * cards/reminder.json and the Slack renderer: both must show the action and
 * its three buttons, and the Adaptive Card must parse cleanly for Teams.
 */
import { AdaptiveCard, SerializationContext, Versions } from 'adaptivecards';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { expandCard } from '../../src/adapters/cards/card-templates.js';
import { reminderBlocks } from '../../src/adapters/slack/blocks/reminder-blocks.js';
import { ACTIONS } from '../../src/adapters/slack/ids.js';
import { buildActionReminderCard } from '../../src/app/cards/action-reminder-card.js';
import type { Reminder } from '../../src/core/reminders/reminder.js';
import { testDirectory } from '../fakes/test-directory.js';
import { makeAction } from '../fixtures/action-factory.js';
import { sampleIncident } from './card-samples.js';

const NOW = DateTime.fromISO('2027-09-08T17:00:00', { zone: 'Europe/London' });
const DUE = DateTime.fromISO('2027-09-10T17:00:00', { zone: 'Europe/London' });

function card() {
  const action = makeAction('1.2', {
    description: 'Weapons sweep of the park',
    due: '2027-09-10',
    rag: 'amber',
    updates: [
      { text: 'Sweep booked', by: { id: 'console:pat', name: 'Pat Police' }, at: '2027-09-06T09:00:00.000Z' },
    ],
  });
  const reminder: Reminder = {
    key: 'action:1.2:before-2wd',
    milestoneId: 'action:1.2',
    kind: 'before',
    fireAt: '2027-09-08T16:00:00.000Z',
    notify: ['action-owner'],
    incidentId: 'SV-2027-0042',
    attempts: 0,
  };
  return buildActionReminderCard(sampleIncident(), action, reminder, DUE, NOW, testDirectory());
}

function parseProblems(json: unknown): string[] {
  const adaptive = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  adaptive.parse(json, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
  for (const e of adaptive.validateProperties().validationEvents) found.push(e.message);
  return found;
}

describe('the action reminder card', () => {
  it('expands into a valid Adaptive Card 1.5 with the action, its facts and three buttons', () => {
    const built = card();
    const json = expandCard(built);
    const text = JSON.stringify(json);
    expect(text).not.toContain('${');
    expect(parseProblems(json)).toEqual([]);
    expect(text).toContain(`Action 1.2 due in 2 working days — ${built.reference}`);
    expect(text).toContain('🟠 Action 1.2: Weapons sweep of the park');
    expect(text).toContain('"title":"Latest update","value":"Sweep booked (Pat Police)"');
    const verbs = (json.actions as { data: { verb: string } }[]).map((a) => a.data.verb);
    expect(verbs).toEqual(['add-update', 'mark-action-done', 'snooze-action']);
  });

  it('renders on Slack with the action fields and buttons answering the action verbs', () => {
    const { blocks, text } = reminderBlocks(card());
    const json = JSON.stringify(blocks);
    expect(text).toContain('Action 1.2 due in 2 working days');
    expect(json).toContain('🟠 *Action 1.2:* Weapons sweep of the park');
    expect(json).toContain('*Lead agency*');
    for (const id of [ACTIONS.addUpdate, ACTIONS.markActionDone, ACTIONS.snoozeAction])
      expect(json).toContain(id);
  });
});
