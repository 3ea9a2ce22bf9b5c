/**
 * `/incident timeline`: the incident's audit as a card for the person who
 * asked, the latest entries when the history is long.
 */
import { timelineCard } from '../cards/timeline-card.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';

export async function timelineCommand(deps: CommandDeps, scope: CommandScope): Promise<CommandOutcome> {
  const { reference } = scope.incident;
  const events = await deps.store.listEvents(reference);
  return { card: timelineCard(reference, events, deps.protocol.calendar.zone) };
}
