/**
 * The ports the core and the use cases own. Adapters implement them: storage
 * (lowdb, PostgreSQL), chat platforms (Slack, Teams, the local console), the
 * clock and the directory file. Use cases take these as arguments, never import
 * an adapter.
 */
import type { IncidentCard, NoticeCard, ReminderCard, SpaceCard } from './app/cards/card-model.js';
import type { PlanUpdateCard } from './app/plans/plan-update-card.js';
import type { Actor } from './core/actor.js';
import type { DirectoryChange, NewDirectoryChange } from './core/directory/directory-change.js';
import type { Contact, Directory } from './core/directory/directory-schema.js';
import type { IncidentEvent, NewIncidentEvent } from './core/events/incident-event.js';
import type { Incident, IncidentStatus, IncidentSummary } from './core/incident/incident.js';
import type { Plan, PlanSummary } from './core/plans/plan.js';
import type { MilestoneStatus } from './core/protocol/timeline.js';
import type { PlannedReminder, Reminder } from './core/reminders/reminder.js';

/** The time source. Nothing in core or app reads the system clock directly. */
export interface Clock {
  now(): Date;
}

/** What a use case returns from inside `Store.updateIncident`: the new state and the events that explain it. */
export interface IncidentChange {
  incident: Incident;
  events?: NewIncidentEvent[];
}

export interface ClaimOptions {
  /** Reminders whose `fireAt` is at or before this instant are due. */
  now: Date;
  /** Who claims (a scheduler instance id); only it may complete the claim. */
  owner: string;
  /** How long the claim holds before another instance may take the reminder. */
  leaseMs: number;
  limit: number;
}

/**
 * One line of the purge log (retention, issue 8): which incident went and
 * when. No personal data: the incident's own audit is gone with it.
 */
export interface PurgeRecord {
  reference: string;
  /** When it was closed, as far as the store knows: its last change, made while closed. */
  closedAt: string;
  purgedAt: string;
  /** Whether its final report was kept (MUSTER_RETENTION_KEEP_EXPORT_DIR) before the purge. */
  exportKept: boolean;
}

export interface Store {
  /** The next free reference for the year (`SV-2027-0042`), never handed out twice. */
  allocateReference(year: number): Promise<string>;

  /** Stores a new incident and its first events. Fails with `conflict` if the id exists. */
  createIncident(incident: Incident, events?: NewIncidentEvent[]): Promise<Incident>;

  /** `undefined` when there is no such incident; a `corrupt_data` error when its file cannot be read. */
  getIncident(id: string): Promise<Incident | undefined>;

  listIncidents(filter?: { status?: IncidentStatus[] }): Promise<IncidentSummary[]>;

  /**
   * Applies `change` to the current state, serialised per incident so that
   * concurrent updates lose nothing. If `change` throws, nothing is written.
   * The store bumps `version` and appends the returned events.
   */
  updateIncident(id: string, change: (current: Incident) => IncidentChange): Promise<Incident>;

  /** Appends events without changing state (views, refusals, notes). */
  appendEvents(incidentId: string, events: NewIncidentEvent[]): Promise<IncidentEvent[]>;

  /** The incident's audit, oldest first; `afterSeq` pages on. */
  listEvents(incidentId: string, options?: { afterSeq?: number; limit?: number }): Promise<IncidentEvent[]>;

  /**
   * Makes the incident's unsent reminders match `planned`: new keys are added,
   * unsent ones get the planned `fireAt`, unsent ones no longer planned are
   * dropped. Sent reminders are never touched or re-added.
   */
  syncReminders(incidentId: string, planned: PlannedReminder[]): Promise<void>;

  listReminders(incidentId: string): Promise<Reminder[]>;

  /** Hands out due, unsent reminders not under a live lease, each to one claimant only. */
  claimDueReminders(options: ClaimOptions): Promise<Reminder[]>;

  /** Marks a claimed reminder sent. Returns false (and changes nothing) if `owner` no longer holds it. */
  markReminderSent(incidentId: string, key: string, owner: string, sentAt: Date): Promise<boolean>;

  /** Gives a claimed reminder back after a failed send: counts the attempt, keeps the error, frees the lease. */
  releaseReminder(incidentId: string, key: string, owner: string, error: string): Promise<void>;

  /**
   * Remembers `key` (a Slack retry id, a view submission hash) and says whether
   * it is new. The first caller gets true; every later caller false.
   */
  rememberOnce(key: string, at: Date): Promise<boolean>;

  /** Stores a new strategic plan (Serious Violence Duty). Fails with `conflict` if the id exists. */
  createPlan(plan: Plan): Promise<Plan>;

  /** `undefined` when there is no such plan. */
  getPlan(id: string): Promise<Plan | undefined>;

  listPlans(): Promise<PlanSummary[]>;

  /**
   * Applies `change` to the current plan, serialised per plan like
   * `updateIncident`; if `change` throws, nothing is written. The store bumps
   * `version`. Fails with `not_found` when there is no such plan.
   */
  updatePlan(id: string, change: (current: Plan) => Plan): Promise<Plan>;

  /**
   * Retention: deletes a closed incident whose last change is before
   * `closedBefore` (the incident, its audit, its reminders and any files of
   * its own) and appends `record` to the purge log, in one step per store.
   * Returns false and changes nothing when there is no such incident, or it is
   * not closed, or it changed since (a reopen between listing and purging).
   */
  purgeIncident(id: string, closedBefore: Date, record: PurgeRecord): Promise<boolean>;

  /** The purge log, oldest first. */
  listPurges(): Promise<PurgeRecord[]>;

  /** Records a coordinator's chat edit of the directory; the store assigns the next `seq`. */
  appendDirectoryChange(change: NewDirectoryChange): Promise<DirectoryChange>;

  /** The directory changes after `afterSeq` (default 0: all of them), oldest first. */
  listDirectoryChanges(afterSeq?: number): Promise<DirectoryChange[]>;

  /**
   * Small records a platform adapter must share between replicas (the Teams
   * conversation references for proactive messages…): one JSON value per
   * namespace and key; `put` replaces. `undefined` when there is none.
   */
  getPlatformRecord(namespace: string, key: string): Promise<unknown>;
  putPlatformRecord(namespace: string, key: string, value: unknown): Promise<void>;
  listPlatformRecords(namespace: string): Promise<{ key: string; value: unknown }[]>;
  /** Forgets the record (retention: nothing of a purged incident stays); no record is not an error. */
  deletePlatformRecord(namespace: string, key: string): Promise<void>;

  close(): Promise<void>;
}

/** Where the agency directory lives (a JSON file by default); coordinators edit it in chat. */
export interface DirectorySource {
  load(): Promise<Directory>;
  save(directory: Directory): Promise<void>;
}

/** People to reach on a platform: directory contacts (found by platform id or email) and actors already known by id. */
export interface Recipients {
  contacts: Contact[];
  actors: Actor[];
}

/** A reminder that is due, with what a platform needs to render and route it. */
export interface ReminderDelivery {
  incident: Incident;
  reminder: Reminder;
  /** The protocol milestone the reminder is about; absent for action and key-date reminders. */
  milestone?: MilestoneStatus;
  card: ReminderCard;
  /** Who the reminder is for (its owners), to reach directly as well as in the incident's space. */
  recipients: Recipients;
  /** Escalations also go to the partnership's coordination channel. */
  toCoordination: boolean;
}

/** The incident's own private place on a platform (a Slack channel, a Teams channel or chat). */
export interface IncidentSpace {
  id: string;
  name: string;
  url?: string;
}

export type NoticeTarget =
  | { kind: 'space'; space: IncidentSpace }
  | { kind: 'coordination' }
  | { kind: 'direct'; recipients: Recipients };

/** Where files go: the incident's space, or each person's direct messages. */
export type UploadTarget =
  | { kind: 'space'; space: IncidentSpace }
  | { kind: 'direct'; recipients: Recipients };

/** A document Muster produced (minutes, action plan, report, calendar invite), ready to upload. */
export interface UploadFile {
  filename: string;
  title: string;
  mimeType: string;
  content: Buffer;
}

export interface ResolvedRecipients {
  /** Platform user ids found, without duplicates. */
  userIds: string[];
  /** Contacts the platform could not find; the coordinator is told. */
  missing: Contact[];
}

/**
 * A chat platform as the use cases see it. Every method resolves once the
 * platform accepted the request and rejects otherwise (after the platform's
 * own retries), so a use case records only what really happened.
 */
export interface ChatPlatform {
  readonly name: string;

  /** Creates the incident's private space, or finds the one an earlier attempt created (idempotent by name). */
  ensureIncidentSpace(incident: Incident): Promise<IncidentSpace>;

  /** Finds people on the platform (by stored id, else by email, cached). */
  resolveRecipients(recipients: Recipients): Promise<ResolvedRecipients>;

  /** Adds people to the space, in one request where the platform allows; people already in it are fine. */
  addToSpace(space: IncidentSpace, userIds: string[]): Promise<void>;

  /** Posts the incident card in its space and pins it; returns the reference to update it by. */
  postIncidentCard(space: IncidentSpace, card: IncidentCard): Promise<string>;

  /** Replaces the pinned incident card in place. */
  updateIncidentCard(space: IncidentSpace, cardRef: string, card: IncidentCard): Promise<void>;

  /** Posts a card for everyone in the space (a meeting, the meeting checklist); returns the reference to update it by. */
  postCard(space: IncidentSpace, card: SpaceCard): Promise<string>;

  /** Replaces a card `postCard` posted, in place. */
  updateCard(space: IncidentSpace, cardRef: string, card: SpaceCard): Promise<void>;

  /** Archives the space when the incident is closed (it stays readable); archiving an archived space is fine. */
  archiveSpace(space: IncidentSpace): Promise<void>;

  /** Brings an archived space back when the incident is reopened; an active space is fine. */
  unarchiveSpace(space: IncidentSpace): Promise<void>;

  /** A short notice to the space, the coordination channel or people directly. */
  sendNotice(target: NoticeTarget, notice: NoticeCard): Promise<void>;

  /**
   * Asks an action lead for their quarterly update, in a direct message: the
   * plan update card with its RAG buttons (and, where the platform can, its
   * form on the card).
   */
  askPlanUpdate(recipients: Recipients, card: PlanUpdateCard): Promise<void>;

  deliverReminder(delivery: ReminderDelivery): Promise<void>;

  /**
   * Uploads files with a comment: one message carrying them all where the
   * platform allows, to the space or to each recipient directly.
   */
  uploadFiles(target: UploadTarget, files: UploadFile[], comment: string): Promise<void>;

  /**
   * The retention purge removed the incident: delete whatever this platform
   * keeps of it on Muster's side (chat history, exported files). Platforms
   * that keep nothing leave it out. Idempotent.
   */
  forgetIncident?(reference: string): Promise<void>;
}
