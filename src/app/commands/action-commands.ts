/**
 * The action plan's commands: `/incident action add [priority]` and
 * `/incident update [1.2]` open their forms (add-action-form.ts,
 * progress-update-form.ts, which do the writing); `/incident actions
 * [filters]` shows the plan as a card. An agency or owner the filter names
 * must be one Muster knows, so a typo is told rather than shown as an empty
 * plan; done and dropped actions are left out unless asked for.
 */
import { type Action, type ActionStatus, filterActions } from '../../core/actions/action.js';
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import { checkNotClosed } from '../actions/action-input.js';
import { actionListCard } from '../cards/action-list-card.js';
import { STATUS_TEXT } from '../cards/action-rows.js';
import { addActionForm } from '../forms/add-action-form.js';
import { platformUserId } from '../forms/form-values.js';
import { progressUpdateForm, updatableActions } from '../forms/progress-update-form.js';
import { nowIn } from '../incident-timeline.js';
import { isCoordinatorIdentity } from '../roles.js';
import { invalidInput } from '../validate-input.js';
import type { CommandDeps, CommandOutcome, CommandScope } from './command-outcome.js';
import type { ActionFilterWords } from './parse-incident-command.js';

export async function actionAddCommand(
  deps: CommandDeps,
  scope: CommandScope,
  priority?: number,
): Promise<CommandOutcome> {
  const { incident, by } = scope;
  checkNotClosed(incident);
  // The asker owns the action unless they pick someone else; the form needs their id on this platform.
  const owner = platformUserId(by, deps.platform.name);
  return {
    form: addActionForm(deps, incident, {
      reference: incident.reference,
      ...(priority === undefined ? {} : { priority: String(priority) }),
      ...(owner ? { owner } : {}),
    }),
  };
}

/** "1.1 — Visit the school (done)", one per line, for a refusal that lists the plan. */
function listed(actions: readonly Action[]): string {
  return actions.map((a) => `${a.number} — ${a.description} (${STATUS_TEXT[a.status]})`).join('\n');
}

export async function updateCommand(
  deps: CommandDeps,
  scope: CommandScope,
  actionNumber?: string,
): Promise<CommandOutcome> {
  const { incident } = scope;
  checkNotClosed(incident);
  const actions = incident.actions ?? [];
  if (actions.length === 0) return { message: 'No actions yet: /incident action add adds one.' };
  const open = updatableActions(incident);
  if (actionNumber !== undefined) {
    const action = actions.find((a) => a.number === actionNumber);
    if (!action) {
      return {
        refused: true,
        message: `${incident.reference} has no action ${actionNumber}. Its actions:\n${listed(actions)}`,
      };
    }
    if (!open.includes(action)) {
      const others = open.length > 0 ? ` Open actions: ${open.map((a) => a.number).join(', ')}.` : '';
      return {
        refused: true,
        message: `Action ${action.number} is ${STATUS_TEXT[action.status]}, so it takes no more updates.${others}`,
      };
    }
  } else if (open.length === 0) {
    return {
      message: `Every action of ${incident.reference} is done or dropped. /incident action add adds one; /incident actions all shows them.`,
    };
  }
  return {
    form: progressUpdateForm(deps, incident, {
      reference: incident.reference,
      ...(actionNumber ? { actionNumber } : {}),
    }),
  };
}

interface ResolvedFilter {
  agency?: { id: string; name: string };
  owner?: { matches: (owner: Actor) => boolean; text: string };
  rag?: ActionFilterWords['rag'];
  status?: ActionStatus[];
}

function resolveAgency(deps: CommandDeps, words: string): { id: string; name: string } {
  const wanted = words.trim().toLowerCase();
  const agency = deps.directory.agencies.find(
    (a) => a.id.toLowerCase() === wanted || a.name.toLowerCase() === wanted,
  );
  if (agency) return agency;
  throw invalidInput([
    {
      path: 'agency',
      message: `"${words}" is not an agency in the directory: use one of ${deps.directory.agencies.map((a) => a.id).join(', ')}`,
    },
  ]);
}

/** `me`, a directory contact (id or name), or a name or id some action's owner has. */
function resolveOwner(
  deps: CommandDeps,
  scope: CommandScope,
  words: string,
): NonNullable<ResolvedFilter['owner']> {
  const wanted = words.trim().toLowerCase();
  if (wanted === 'me') {
    const { by } = scope;
    return {
      text: 'you',
      matches: (o) => o.id === by.id || (by.contactId !== undefined && o.contactId === by.contactId),
    };
  }
  const contact = deps.directory.contacts.find(
    (c) => c.id.toLowerCase() === wanted || c.name.toLowerCase() === wanted,
  );
  if (contact) {
    return {
      text: contact.name,
      matches: (o) => o.contactId === contact.id || o.name.toLowerCase() === contact.name.toLowerCase(),
    };
  }
  const byOwner = (o: Actor) => o.id.toLowerCase() === wanted || o.name.toLowerCase() === wanted;
  const known = (scope.incident.actions ?? []).find((a) => byOwner(a.owner));
  if (known) return { text: known.owner.name, matches: byOwner };
  throw invalidInput([
    {
      path: 'owner',
      message: `Muster knows nobody called "${words}": give owner:me, a directory contact id (such as ${deps.directory.contacts[0]?.id ?? 'pat-police'}) or an owner's name`,
    },
  ]);
}

function resolveFilter(deps: CommandDeps, scope: CommandScope, words: ActionFilterWords): ResolvedFilter {
  return {
    ...(words.agency ? { agency: resolveAgency(deps, words.agency) } : {}),
    ...(words.owner ? { owner: resolveOwner(deps, scope, words.owner) } : {}),
    ...(words.rag ? { rag: words.rag } : {}),
    // Done and dropped actions clutter a plan being worked on; `all` or a status brings them back.
    ...(words.status
      ? { status: [words.status] }
      : words.all
        ? {}
        : { status: ['open', 'in-progress'] as ActionStatus[] }),
  };
}

/** The criteria the person typed, in words ("lead agency Police", "RAG red"). */
function criteria(filter: ResolvedFilter, words: ActionFilterWords): string[] {
  return [
    ...(filter.agency ? [`lead agency ${filter.agency.name}`] : []),
    ...(filter.owner ? [`owner ${filter.owner.text}`] : []),
    ...(filter.rag ? [`RAG ${filter.rag}`] : []),
    ...(words.status ? [`status ${STATUS_TEXT[words.status]}`] : []),
  ];
}

function filterText(filter: ResolvedFilter, words: ActionFilterWords): string | undefined {
  const typed = criteria(filter, words);
  const openOnly = !words.all && !words.status;
  if (typed.length === 0) return openOnly ? 'Open and in-progress actions only' : undefined;
  return `Filtered: ${typed.join(', ')}${openOnly ? ' (open and in progress only)' : ''}`;
}

/** "No red actions led by Police. /incident actions all shows every action." */
function emptyText(incident: Incident, filter: ResolvedFilter, words: ActionFilterWords): string {
  if ((incident.actions ?? []).length === 0) return 'No actions yet. /incident action add adds one.';
  const typed = criteria(filter, words);
  const which = [
    ...(words.status ? [STATUS_TEXT[words.status]] : typed.length === 0 && !words.all ? ['open'] : []),
    ...(filter.rag ? [filter.rag] : []),
  ];
  const whose = [
    ...(filter.agency ? [`led by ${filter.agency.name}`] : []),
    ...(filter.owner ? [`owned by ${filter.owner.text}`] : []),
  ];
  const said = ['No', ...which, 'actions', ...whose].join(' ');
  return `${said}. /incident actions all shows every action.`;
}

export async function actionsCommand(
  deps: CommandDeps,
  scope: CommandScope,
  words: ActionFilterWords,
): Promise<CommandOutcome> {
  const { incident } = scope;
  const filter = resolveFilter(deps, scope, words);
  const matching = filterActions(incident.actions ?? [], {
    ...(filter.agency ? { agency: filter.agency.id } : {}),
    ...(filter.rag ? { rag: filter.rag } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  }).filter((a) => !filter.owner || filter.owner.matches(a.owner));
  const text = filterText(filter, words);
  return {
    card: actionListCard({
      directory: deps.directory,
      reference: incident.reference,
      actions: matching,
      now: nowIn(deps.clock, deps.protocol),
      ...(text ? { filterText: text } : {}),
      emptyText: emptyText(incident, filter, words),
      // Only coordinators promote into the strategic plan, so only their copy offers it.
      promotable: isCoordinatorIdentity(deps, {
        by: scope.by,
        ...(scope.requester.contactId ? { contactId: scope.requester.contactId } : {}),
        ...(scope.requester.email ? { email: scope.requester.email } : {}),
      }),
    }),
  };
}
