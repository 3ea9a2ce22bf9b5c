/**
 * The chat platform of last resort: with no Slack, Teams or console
 * configured, main.ts wires this so the scheduler's work stays visible. It
 * "delivers" by logging references, keys, counts and times: never names,
 * emails or incident details, which are personal data.
 */
import type { IncidentCard, NoticeCard } from '../../app/cards/card-model.js';
import type { Incident } from '../../core/incident/incident.js';
import type {
  ChatPlatform,
  IncidentSpace,
  NoticeTarget,
  Recipients,
  ReminderDelivery,
  ResolvedRecipients,
} from '../../ports.js';
import type { Logger } from '../logging/logger.js';

export class LogPlatform implements ChatPlatform {
  readonly name = 'log';

  constructor(private readonly logger: Logger) {}

  async ensureIncidentSpace(incident: Incident): Promise<IncidentSpace> {
    this.logger.info(`incident ${incident.reference} opened (no chat platform configured)`, {
      reference: incident.reference,
    });
    return { id: `log:${incident.reference}`, name: incident.reference.toLowerCase() };
  }

  /** Nobody can be reached through a log; no one is reported missing either, since there is nothing to invite them to. */
  async resolveRecipients(_recipients: Recipients): Promise<ResolvedRecipients> {
    return { userIds: [], missing: [] };
  }

  async addToSpace(_space: IncidentSpace, _userIds: string[]): Promise<void> {}

  async postIncidentCard(space: IncidentSpace, card: IncidentCard): Promise<string> {
    this.logger.info(`incident card for ${card.reference}: ${card.acknowledgedText}`, { space: space.id });
    return `${space.id}:card`;
  }

  async updateIncidentCard(space: IncidentSpace, _cardRef: string, card: IncidentCard): Promise<void> {
    this.logger.info(`incident card for ${card.reference} updated: ${card.acknowledgedText}`, {
      space: space.id,
    });
  }

  async sendNotice(target: NoticeTarget, notice: NoticeCard): Promise<void> {
    this.logger.info(`notice for ${notice.reference ?? 'the partnership'} (${target.kind})`, {
      reference: notice.reference,
      target: target.kind,
    });
  }

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
