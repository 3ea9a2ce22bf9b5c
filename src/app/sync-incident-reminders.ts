/**
 * Keeps an incident's stored reminders in line with its timeline. Called after
 * every change that moves a due date (opening, meetings, milestones, reopening);
 * the store keeps sent reminders, so re-syncing never sends anything twice.
 */
import type { Incident } from '../core/incident/incident.js';
import { planReminders } from '../core/protocol/timeline.js';
import type { PlannedReminder } from '../core/reminders/reminder.js';
import type { ProtocolDeps } from './deps.js';
import { nowIn, timelineFacts } from './incident-timeline.js';

export async function syncIncidentReminders(
  deps: ProtocolDeps,
  incident: Incident,
): Promise<PlannedReminder[]> {
  const planned = planReminders(deps.protocol, timelineFacts(incident), nowIn(deps.clock, deps.protocol));
  await deps.store.syncReminders(incident.id, planned);
  return planned;
}
