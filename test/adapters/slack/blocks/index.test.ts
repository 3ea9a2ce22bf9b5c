import { describe, expect, it } from 'vitest';
import {
  helpBlocks,
  incidentBlocks,
  incidentListBlocks,
  type MessageCard,
  messageFor,
  noticeBlocks,
  reminderBlocks,
} from '../../../../src/adapters/slack/blocks/index.js';
import { incidentCard, noticeCard, reminderCard } from './card-fixtures.js';

describe('messageFor', () => {
  it('renders each message card with the renderer for its kind', () => {
    const list: MessageCard = { kind: 'incident-list', heading: 'Open', rows: [], emptyText: 'None.' };
    const help: MessageCard = {
      kind: 'help',
      heading: 'Help',
      commands: [{ usage: '/incident', summary: 'x' }],
    };

    expect(messageFor(incidentCard())).toEqual(incidentBlocks(incidentCard()));
    expect(messageFor(reminderCard())).toEqual(reminderBlocks(reminderCard()));
    expect(messageFor(noticeCard())).toEqual(noticeBlocks(noticeCard()));
    expect(messageFor(list)).toEqual(incidentListBlocks(list));
    expect(messageFor(help)).toEqual(helpBlocks(help));
    expect(messageFor(list).text).toBe('Open');
  });
});
