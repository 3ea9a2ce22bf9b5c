/**
 * A `ChatPlatform` that keeps what it was asked to do in memory: spaces,
 * members, cards (and their updates), notices, plan update cards, reminders and uploaded files. It can be told to
 * fail the next calls of a method (an API outage) or to hold a reminder
 * delivery open until the test lets it finish. People are "found" when their
 * contact has a slackId or their email is in `knownEmails`.
 */
import type { IncidentCard, NoticeCard, SpaceCard } from '../../src/app/cards/card-model.js';
import type { PlanUpdateCard } from '../../src/app/plans/plan-update-card.js';
import type { Incident } from '../../src/core/incident/incident.js';
import type {
  ChatPlatform,
  IncidentSpace,
  NoticeTarget,
  Recipients,
  ReminderDelivery,
  ResolvedRecipients,
  UploadFile,
  UploadTarget,
} from '../../src/ports.js';

type Method = Exclude<keyof ChatPlatform, 'name'>;

export class RecordingPlatform implements ChatPlatform {
  readonly deliveries: ReminderDelivery[] = [];
  readonly spaces = new Map<string, IncidentSpace & { members: Set<string> }>();
  readonly cards = new Map<string, IncidentCard>();
  /** Cards posted with `postCard` (meetings, checklists), by ref, as last updated. */
  readonly spaceCards = new Map<string, SpaceCard>();
  /** Every `postCard` and `updateCard`, in order. */
  readonly cardHistory: { op: 'post' | 'update'; ref: string; card: SpaceCard }[] = [];
  readonly archived = new Set<string>();
  readonly notices: { target: NoticeTarget; notice: NoticeCard }[] = [];
  /** Every plan update card asked for (`askPlanUpdate`), in order. */
  readonly planCards: { recipients: Recipients; card: PlanUpdateCard }[] = [];
  readonly uploads: { target: UploadTarget; files: UploadFile[]; comment: string }[] = [];
  readonly calls: Method[] = [];
  knownEmails = new Set<string>();
  private readonly failures = new Map<Method, number>();
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;
  private onStart: (() => void) | undefined;

  constructor(readonly name = 'recording') {}

  /** The next `count` deliveries reject, as a platform API error would. */
  failNext(count = 1, method: Method = 'deliverReminder'): void {
    this.failures.set(method, count);
  }

  /** Deliveries wait until `release()` is called. */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  /** Resolves when the next delivery starts (use with `hold()` to look at the store mid-delivery). */
  nextDeliveryStarted(): Promise<void> {
    return new Promise((resolve) => {
      this.onStart = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  get keys(): string[] {
    return this.deliveries.map((d) => `${d.incident.reference} ${d.reminder.key}`);
  }

  private enter(method: Method): void {
    this.calls.push(method);
    const left = this.failures.get(method) ?? 0;
    if (left > 0) {
      this.failures.set(method, left - 1);
      throw new Error(`${this.name} API unavailable`);
    }
  }

  async ensureIncidentSpace(incident: Incident): Promise<IncidentSpace> {
    this.enter('ensureIncidentSpace');
    const name = incident.reference.toLowerCase();
    const existing = [...this.spaces.values()].find((s) => s.name === name);
    if (existing) return { id: existing.id, name };
    const space = { id: `S${this.spaces.size + 1}`, name, members: new Set<string>() };
    this.spaces.set(space.id, space);
    return { id: space.id, name };
  }

  async resolveRecipients({ contacts, actors }: Recipients): Promise<ResolvedRecipients> {
    this.enter('resolveRecipients');
    const userIds = new Set(actors.map((a) => a.id));
    const missing = [];
    for (const contact of contacts) {
      if (contact.slackId) userIds.add(contact.slackId);
      else if (this.knownEmails.has(contact.email)) userIds.add(`user:${contact.id}`);
      else missing.push(contact);
    }
    return { userIds: [...userIds], missing };
  }

  async addToSpace(space: IncidentSpace, userIds: string[]): Promise<void> {
    this.enter('addToSpace');
    for (const id of userIds) this.spaces.get(space.id)?.members.add(id);
  }

  async postIncidentCard(space: IncidentSpace, card: IncidentCard): Promise<string> {
    this.enter('postIncidentCard');
    const ref = `${space.id}/card-${this.cards.size + 1}`;
    this.cards.set(ref, card);
    return ref;
  }

  async updateIncidentCard(_space: IncidentSpace, cardRef: string, card: IncidentCard): Promise<void> {
    this.enter('updateIncidentCard');
    if (!this.cards.has(cardRef)) throw new Error(`no card ${cardRef}`);
    this.cards.set(cardRef, card);
  }

  async sendNotice(target: NoticeTarget, notice: NoticeCard): Promise<void> {
    this.enter('sendNotice');
    this.notices.push({ target, notice });
  }

  async askPlanUpdate(recipients: Recipients, card: PlanUpdateCard): Promise<void> {
    this.enter('askPlanUpdate');
    this.planCards.push({ recipients, card });
  }

  async deliverReminder(delivery: ReminderDelivery): Promise<void> {
    this.onStart?.();
    this.onStart = undefined;
    if (this.gate) await this.gate;
    this.enter('deliverReminder');
    this.deliveries.push(delivery);
  }

  async uploadFiles(target: UploadTarget, files: UploadFile[], comment: string): Promise<void> {
    this.enter('uploadFiles');
    this.uploads.push({ target, files, comment });
  }

  async postCard(space: IncidentSpace, card: SpaceCard): Promise<string> {
    this.enter('postCard');
    const ref = `${space.id}/${card.kind}-${this.spaceCards.size + 1}`;
    this.spaceCards.set(ref, card);
    this.cardHistory.push({ op: 'post', ref, card });
    return ref;
  }

  async updateCard(_space: IncidentSpace, cardRef: string, card: SpaceCard): Promise<void> {
    this.enter('updateCard');
    if (!this.spaceCards.has(cardRef)) throw new Error(`no card ${cardRef}`);
    this.spaceCards.set(cardRef, card);
    this.cardHistory.push({ op: 'update', ref: cardRef, card });
  }

  async archiveSpace(space: IncidentSpace): Promise<void> {
    this.enter('archiveSpace');
    this.archived.add(space.id);
  }

  async unarchiveSpace(space: IncidentSpace): Promise<void> {
    this.enter('unarchiveSpace');
    this.archived.delete(space.id);
  }
}
