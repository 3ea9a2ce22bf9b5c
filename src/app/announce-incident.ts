/**
 * Announcing an opened incident on a chat platform (seed 000 §3.0: "the Local
 * CSP will notify all agencies detailed in List 1 and 2"): create the private
 * space, add the reporter, the SIO and the List 1 + List 2 contacts, post and
 * pin the notification card, tell List 1 directly, post a line in the
 * coordination channel and tell the coordinators of knock-on areas.
 *
 * Each step is recorded on the incident when it succeeds, so a retry (the
 * scheduler's next tick, or a restart after a crash) resumes at the first step
 * not done and never repeats one. A failure is recorded too, for the
 * coordinator to see, and the error is returned rather than thrown: the
 * incident itself is already safe.
 */
import { contactsFor, coordinatorsOf } from '../core/directory/directory.js';
import type { Contact } from '../core/directory/directory-schema.js';
import type { Incident, SpaceState } from '../core/incident/incident.js';
import type { ChatPlatform, IncidentSpace } from '../ports.js';
import type { NoticeCard } from './cards/card-model.js';
import { buildIncidentCard } from './cards/incident-card.js';
import type { DirectoryDeps } from './deps.js';
import { loadIncident, nowIn, nowIso } from './incident-timeline.js';
import { formatLocal } from './local-time.js';

export interface AnnounceDeps extends DirectoryDeps {
  platform: ChatPlatform;
}

export interface AnnounceResult {
  incident: Incident;
  space?: IncidentSpace;
  /** Contacts the platform could not find, so they are not in the space: the coordinator invites them by hand. */
  missing: Contact[];
  completed: boolean;
  error?: string;
}

type Step = (incident: Incident, space: IncidentSpace) => Promise<Partial<SpaceState>>;

export async function announceIncident(deps: AnnounceDeps, reference: string): Promise<AnnounceResult> {
  let incident = await loadIncident(deps.store, reference);
  const name = deps.platform.name;
  const record = async (patch: Partial<SpaceState>, event?: { type: string; summary: string }) => {
    const at = nowIso(deps.clock);
    incident = await deps.store.updateIncident(incident.id, (current) => ({
      incident: {
        ...current,
        spaces: { ...current.spaces, [name]: { ...current.spaces[name], ...patch } },
        updatedAt: at,
      },
      events: event ? [{ at, actor: current.reportedBy, ...event, data: { platform: name } }] : [],
    }));
  };
  const state = () => incident.spaces[name] ?? {};
  const missingOf = (ids: string[] | undefined) => deps.directory.contacts.filter((c) => ids?.includes(c.id));

  try {
    let space: IncidentSpace;
    const known = state();
    if (known.spaceId && known.spaceName) {
      space = { id: known.spaceId, name: known.spaceName, ...(known.url ? { url: known.url } : {}) };
    } else {
      space = await deps.platform.ensureIncidentSpace(incident);
      await record(
        { spaceId: space.id, spaceName: space.name, ...(space.url ? { url: space.url } : {}) },
        { type: 'space.created', summary: `Private ${name} space ${space.name} set up.` },
      );
    }

    const steps: [keyof SpaceState, Step][] = [
      ['membersAddedAt', (i, s) => addMembers(deps, i, s)],
      ['cardPostedAt', (i, s) => postCard(deps, i, s)],
      ['directNoticesAt', (i) => noticeList1(deps, i, state().url)],
      ['coordinationNoticeAt', (i) => noticeCoordination(deps, i)],
      ['knockOnNoticeAt', (i) => noticeKnockOn(deps, i)],
    ];
    for (const [done, step] of steps) {
      if (state()[done]) continue;
      const patch = await step(incident, space);
      await record({ ...patch, [done]: nowIso(deps.clock) });
    }
    if (!state().completedAt) {
      await record(
        { completedAt: nowIso(deps.clock) },
        { type: 'incident.announced', summary: `Agencies notified on ${name}.` },
      );
    }
    return { incident, space, missing: missingOf(state().missingContactIds), completed: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await record(
      { lastError: message, lastErrorAt: nowIso(deps.clock), attempts: (state().attempts ?? 0) + 1 },
      {
        type: 'incident.announce-failed',
        summary: `Announcing on ${name} stopped: ${message}. Muster retries.`,
      },
    );
    const known = state();
    return {
      incident,
      ...(known.spaceId && known.spaceName ? { space: { id: known.spaceId, name: known.spaceName } } : {}),
      missing: missingOf(known.missingContactIds),
      completed: false,
      error: message,
    };
  }
}

async function addMembers(
  deps: AnnounceDeps,
  incident: Incident,
  space: IncidentSpace,
): Promise<Partial<SpaceState>> {
  const contacts = incident.notifications
    .map((n) => deps.directory.contacts.find((c) => c.id === n.contactId))
    .filter((c): c is Contact => c !== undefined);
  const found = await deps.platform.resolveRecipients({
    contacts,
    actors: [incident.reportedBy, incident.sio],
  });
  await deps.platform.addToSpace(space, found.userIds);
  if (found.missing.length > 0) {
    await deps.platform.sendNotice(
      { kind: 'space', space },
      {
        kind: 'notice',
        reference: incident.reference,
        headline: `${found.missing.length} contact(s) could not be found on ${deps.platform.name}, so they are not in this channel yet`,
        lines: [
          ...found.missing.map((c) => `${c.name} (${agencyName(deps, c.agency)})`),
          'Coordinator: invite them by hand, or add their user id to the directory.',
        ],
      },
    );
  }
  return { missingContactIds: found.missing.map((c) => c.id) };
}

async function postCard(
  deps: AnnounceDeps,
  incident: Incident,
  space: IncidentSpace,
): Promise<Partial<SpaceState>> {
  const card = buildIncidentCard(deps.protocol, deps.directory, incident, nowIn(deps.clock, deps.protocol));
  return { cardRef: await deps.platform.postIncidentCard(space, card) };
}

function headlineNotice(
  deps: AnnounceDeps,
  incident: Incident,
  headline: string,
  spaceUrl?: string,
): NoticeCard {
  const area = deps.directory.areas.find((a) => a.id === incident.area)?.name ?? incident.area;
  return {
    kind: 'notice',
    reference: incident.reference,
    headline,
    lines: [
      `${incident.title}. Occurred ${formatLocal(incident.occurredAt, deps.protocol.calendar.zone)} in ${area}.`,
      'The Initial Tactical Response Meeting is due within 72 working hours of the incident.',
    ],
    ...(spaceUrl ? { spaceUrl } : {}),
  };
}

async function noticeList1(
  deps: AnnounceDeps,
  incident: Incident,
  spaceUrl?: string,
): Promise<Partial<SpaceState>> {
  const list1 = contactsFor(deps.directory, incident.area, 1);
  if (list1.length > 0) {
    const headline = `Serious violence incident ${incident.reference}: you are notified as a List 1 agency`;
    await deps.platform.sendNotice(
      { kind: 'direct', recipients: { contacts: list1, actors: [] } },
      headlineNotice(deps, incident, headline, spaceUrl),
    );
  }
  return {};
}

async function noticeCoordination(deps: AnnounceDeps, incident: Incident): Promise<Partial<SpaceState>> {
  const notice = headlineNotice(deps, incident, `New incident ${incident.reference} opened`);
  await deps.platform.sendNotice({ kind: 'coordination' }, { ...notice, lines: notice.lines.slice(0, 1) });
  return {};
}

async function noticeKnockOn(deps: AnnounceDeps, incident: Incident): Promise<Partial<SpaceState>> {
  const coordinators = incident.knockOnAreas.flatMap((area) => coordinatorsOf(deps.directory, area));
  if (coordinators.length > 0) {
    const headline = `Incident ${incident.reference} may have a knock-on impact on your area`;
    await deps.platform.sendNotice(
      { kind: 'direct', recipients: { contacts: coordinators, actors: [] } },
      headlineNotice(deps, incident, headline),
    );
  }
  return {};
}

function agencyName(deps: AnnounceDeps, id: string): string {
  return deps.directory.agencies.find((a) => a.id === id)?.name ?? id;
}

/**
 * For the scheduler tick: finishes every announcement a failure or a crash left half done.
 * Pass the same `announced` set to every tick: incidents announced on every platform go into it
 * and are not read again (`completedAt` is never cleared), so a tick reads only the unfinished
 * ones instead of every open incident.
 */
export async function resumeAnnouncements(
  deps: DirectoryDeps & { platforms: readonly ChatPlatform[]; announced?: Set<string> },
): Promise<AnnounceResult[]> {
  const results: AnnounceResult[] = [];
  const open = await deps.store.listIncidents({
    status: ['open', 'initial-held', 'review-held', 'final-held'],
  });
  for (const summary of open) {
    if (deps.announced?.has(summary.id)) continue;
    const incident = await deps.store.getIncident(summary.id).catch(() => undefined);
    if (!incident) continue;
    let unfinished = false;
    for (const platform of deps.platforms) {
      if (incident.spaces[platform.name]?.completedAt) continue;
      const result = await announceIncident({ ...deps, platform }, incident.id);
      results.push(result);
      if (!result.completed) unfinished = true;
    }
    if (!unfinished) deps.announced?.add(incident.id);
  }
  return results;
}
