/**
 * The chat platform of last resort: it "delivers" a reminder by logging it.
 * main.ts wires it while no real platform is configured, so the scheduler's
 * work is visible. It logs references, keys and times only: no personal data.
 */
import type { ChatPlatform, ReminderDelivery } from '../../ports.js';
import type { Logger } from '../logging/logger.js';

export class LogPlatform implements ChatPlatform {
  readonly name = 'log';

  constructor(private readonly logger: Logger) {}

  async deliverReminder({ incident, reminder, milestone }: ReminderDelivery): Promise<void> {
    const due = milestone.due?.toISO() ?? 'not scheduled';
    this.logger.info(`reminder ${reminder.key} for ${incident.reference} due ${due}`, {
      reference: incident.reference,
      key: reminder.key,
      milestone: milestone.id,
      state: milestone.state,
      notify: reminder.notify,
    });
  }
}
