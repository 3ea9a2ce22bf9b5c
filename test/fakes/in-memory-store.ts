/**
 * An in-memory `Store` for use-case tests: the same observable behaviour as
 * the lowdb store (references per year, serialised updates that write
 * nothing when the change throws, leased reminder claims) without files.
 * Everything handed in or out is cloned, as a real store would.
 */
import type { DirectoryChange, NewDirectoryChange } from '../../src/core/directory/directory-change.js';
import { ErrorCode, MusterError } from '../../src/core/errors.js';
import type { IncidentEvent, NewIncidentEvent } from '../../src/core/events/incident-event.js';
import {
  type Incident,
  type IncidentStatus,
  type IncidentSummary,
  summarise,
} from '../../src/core/incident/incident.js';
import { formatReference } from '../../src/core/incident/reference.js';
import { type Plan, type PlanSummary, planNotFound, summarisePlan } from '../../src/core/plans/plan.js';
import type { PlannedReminder, Reminder } from '../../src/core/reminders/reminder.js';
import type { ClaimOptions, IncidentChange, PurgeRecord, Store } from '../../src/ports.js';

const clone = <T>(value: T): T => structuredClone(value);

export class InMemoryStore implements Store {
  readonly incidents = new Map<string, Incident>();
  readonly events = new Map<string, IncidentEvent[]>();
  readonly reminders = new Map<string, Reminder[]>();
  private readonly sequences = new Map<number, number>();
  private readonly remembered = new Set<string>();
  closed = false;

  async allocateReference(year: number): Promise<string> {
    const next = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, next);
    return formatReference(year, next);
  }

  async createIncident(incident: Incident, events: NewIncidentEvent[] = []): Promise<Incident> {
    if (this.incidents.has(incident.id))
      throw new MusterError(ErrorCode.Conflict, `Incident ${incident.id} already exists.`);
    this.incidents.set(incident.id, clone(incident));
    this.events.set(incident.id, []);
    this.reminders.set(incident.id, []);
    await this.appendEvents(incident.id, events);
    return clone(incident);
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    const incident = this.incidents.get(id);
    return incident && clone(incident);
  }

  async listIncidents(filter: { status?: IncidentStatus[] } = {}): Promise<IncidentSummary[]> {
    return [...this.incidents.values()]
      .filter((i) => !filter.status || filter.status.includes(i.status))
      .map(summarise)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  async updateIncident(id: string, change: (current: Incident) => IncidentChange): Promise<Incident> {
    const current = this.require(id);
    // The change runs synchronously on a copy, so a throw leaves the stored incident untouched.
    const result = change(clone(current));
    const incident = { ...clone(result.incident), version: current.version + 1 };
    this.incidents.set(id, incident);
    await this.appendEvents(id, result.events ?? []);
    return clone(incident);
  }

  async appendEvents(incidentId: string, events: NewIncidentEvent[]): Promise<IncidentEvent[]> {
    this.require(incidentId);
    const log = this.events.get(incidentId)!;
    const added = events.map((e, i) => ({ ...clone(e), incidentId, seq: log.length + i + 1 }));
    log.push(...added);
    return clone(added);
  }

  async listEvents(
    incidentId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<IncidentEvent[]> {
    const after = (this.events.get(incidentId) ?? []).filter((e) => e.seq > (options.afterSeq ?? 0));
    return clone(options.limit === undefined ? after : after.slice(0, options.limit));
  }

  async syncReminders(incidentId: string, planned: PlannedReminder[]): Promise<void> {
    this.require(incidentId);
    const current = this.reminders.get(incidentId) ?? [];
    const sent = current.filter((r) => r.sentAt);
    const sentKeys = new Set(sent.map((r) => r.key));
    const next = [...sent];
    for (const plan of planned) {
      if (sentKeys.has(plan.key)) continue;
      const row = current.find((r) => r.key === plan.key);
      next.push(row ? { ...row, ...clone(plan) } : { ...clone(plan), incidentId, attempts: 0 });
    }
    this.reminders.set(incidentId, next);
  }

  async listReminders(incidentId: string): Promise<Reminder[]> {
    return clone(this.reminders.get(incidentId) ?? []);
  }

  async claimDueReminders({ now, owner, leaseMs, limit }: ClaimOptions): Promise<Reminder[]> {
    const nowMs = now.getTime();
    const due = [...this.reminders.values()]
      .flat()
      .filter(
        (r) =>
          !r.sentAt && Date.parse(r.fireAt) <= nowMs && (!r.leaseUntil || Date.parse(r.leaseUntil) <= nowMs),
      )
      .sort((a, b) => Date.parse(a.fireAt) - Date.parse(b.fireAt) || a.key.localeCompare(b.key))
      .slice(0, limit);
    for (const r of due) {
      r.claimedBy = owner;
      r.leaseUntil = new Date(nowMs + leaseMs).toISOString();
    }
    return clone(due);
  }

  async markReminderSent(incidentId: string, key: string, owner: string, sentAt: Date): Promise<boolean> {
    const row = this.reminders.get(incidentId)?.find((r) => r.key === key);
    if (!row || row.sentAt || row.claimedBy !== owner) return false;
    row.sentAt = sentAt.toISOString();
    delete row.claimedBy;
    delete row.leaseUntil;
    return true;
  }

  async releaseReminder(incidentId: string, key: string, owner: string, error: string): Promise<void> {
    const row = this.reminders.get(incidentId)?.find((r) => r.key === key);
    if (!row || row.sentAt || row.claimedBy !== owner) return;
    row.attempts += 1;
    row.lastError = error;
    delete row.claimedBy;
    delete row.leaseUntil;
  }

  async rememberOnce(key: string): Promise<boolean> {
    if (this.remembered.has(key)) return false;
    this.remembered.add(key);
    return true;
  }

  readonly plans = new Map<string, Plan>();

  async createPlan(plan: Plan): Promise<Plan> {
    if (this.plans.has(plan.id)) throw new MusterError(ErrorCode.Conflict, `Plan ${plan.id} already exists.`);
    this.plans.set(plan.id, clone(plan));
    return clone(plan);
  }

  async getPlan(id: string): Promise<Plan | undefined> {
    const plan = this.plans.get(id);
    return plan ? clone(plan) : undefined;
  }

  async listPlans(): Promise<PlanSummary[]> {
    return [...this.plans.values()].map(summarisePlan).sort((a, b) => a.id.localeCompare(b.id));
  }

  async updatePlan(id: string, change: (current: Plan) => Plan): Promise<Plan> {
    const current = this.plans.get(id);
    if (!current) throw planNotFound(id);
    const next = { ...change(clone(current)), id, version: current.version + 1 };
    this.plans.set(id, clone(next));
    return clone(next);
  }

  readonly purges: PurgeRecord[] = [];

  async purgeIncident(id: string, closedBefore: Date, record: PurgeRecord): Promise<boolean> {
    const incident = this.incidents.get(id);
    if (incident?.status !== 'closed' || Date.parse(incident.updatedAt) >= closedBefore.getTime())
      return false;
    this.incidents.delete(id);
    this.events.delete(id);
    this.reminders.delete(id);
    this.purges.push(clone(record));
    return true;
  }

  async listPurges(): Promise<PurgeRecord[]> {
    return clone(this.purges);
  }

  readonly directoryChanges: DirectoryChange[] = [];

  async appendDirectoryChange(change: NewDirectoryChange): Promise<DirectoryChange> {
    const stored = { ...clone(change), seq: this.directoryChanges.length + 1 };
    this.directoryChanges.push(stored);
    return clone(stored);
  }

  async listDirectoryChanges(afterSeq = 0): Promise<DirectoryChange[]> {
    return clone(this.directoryChanges.filter((c) => c.seq > afterSeq));
  }

  private readonly platformRecords = new Map<string, Map<string, unknown>>();

  async getPlatformRecord(namespace: string, key: string): Promise<unknown> {
    const value = this.platformRecords.get(namespace)?.get(key);
    return value === undefined ? undefined : clone(value);
  }

  async putPlatformRecord(namespace: string, key: string, value: unknown): Promise<void> {
    const records = this.platformRecords.get(namespace) ?? new Map<string, unknown>();
    records.set(key, clone(value));
    this.platformRecords.set(namespace, records);
  }

  async deletePlatformRecord(namespace: string, key: string): Promise<void> {
    this.platformRecords.get(namespace)?.delete(key);
  }

  async listPlatformRecords(namespace: string): Promise<{ key: string; value: unknown }[]> {
    return [...(this.platformRecords.get(namespace) ?? new Map<string, unknown>())].map(([key, value]) => ({
      key,
      value: clone(value),
    }));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private require(id: string): Incident {
    const incident = this.incidents.get(id);
    if (!incident) throw new MusterError(ErrorCode.NotFound, `There is no incident ${id}.`);
    return incident;
  }
}
