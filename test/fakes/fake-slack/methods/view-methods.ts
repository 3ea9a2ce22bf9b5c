/**
 * Modals and the Home tab: open, push, update (with Slack's `hash` check against
 * lost updates) and publish. Each answer carries the view as Slack echoes it,
 * with `id`, `hash` and the fields Slack fills in.
 */
import { FAKE_APP_ID, FAKE_BOT_ID, FAKE_TEAM_ID, type FakeView } from '../fake-slack-types.js';
import { type Args, fail, type MethodTable, ok, type SlackAnswer, text } from '../method-kit.js';
import type { WorkspaceState } from '../workspace-state.js';

export const viewMethods: MethodTable = {
  'views.open': (args, { state }) => openView(state, args, 'views.open'),

  'views.push': (args, { state }) => openView(state, args, 'views.push'),

  'views.update': (args, { state }) => {
    const viewId = text(args, 'view_id');
    const externalId = text(args, 'external_id');
    const existing = viewId
      ? state.views.get(viewId)
      : [...state.views.values()].find(
          (candidate) => externalId && candidate.view.external_id === externalId,
        );
    if (!existing) return fail('not_found');
    return replaceView(state, existing, args);
  },

  'views.publish': (args, { state }) => {
    const userId = text(args, 'user_id') ?? '';
    if (!state.users.has(userId)) return fail('user_not_found');
    const view = viewArg(args);
    if (view?.type !== 'home') return fail('invalid_arguments');
    const homeId = state.homeViews.get(userId);
    const existing = homeId ? state.views.get(homeId) : undefined;
    if (existing) return replaceView(state, existing, args);
    const created = createView(state, view, 'views.publish', { userId });
    state.homeViews.set(userId, created.id);
    return ok({ view: created.view });
  },
};

function openView(state: WorkspaceState, args: Args, openedWith: 'views.open' | 'views.push'): SlackAnswer {
  const triggerId = text(args, 'trigger_id') ?? '';
  // Real trigger ids expire after 3 seconds; any non-empty one is accepted here.
  if (triggerId === '') return fail('invalid_arguments');
  const view = viewArg(args);
  if (!view) return fail('invalid_arguments');
  const parent = openedWith === 'views.push' ? latestModal(state) : undefined;
  const created = createView(state, view, openedWith, { triggerId, parent });
  return ok({ view: created.view });
}

function replaceView(state: WorkspaceState, existing: FakeView, args: Args): SlackAnswer {
  const hash = text(args, 'hash');
  if (hash !== undefined && hash !== existing.hash) return fail('hash_conflict');
  const view = viewArg(args);
  if (!view) return fail('invalid_arguments');
  existing.hash = nextHash(state);
  existing.updates += 1;
  existing.view = viewJson(view, existing, existing.hash);
  return ok({ view: existing.view });
}

function createView(
  state: WorkspaceState,
  view: Record<string, unknown>,
  openedWith: FakeView['openedWith'],
  context: { triggerId?: string; userId?: string; parent?: FakeView | undefined },
): FakeView {
  const id = state.nextId('V');
  const created: FakeView = {
    id,
    hash: nextHash(state),
    view: {},
    openedWith,
    rootViewId: context.parent?.rootViewId ?? id,
    updates: 0,
    ...(context.triggerId ? { triggerId: context.triggerId } : {}),
    ...(context.userId ? { userId: context.userId } : {}),
    ...(context.parent ? { previousViewId: context.parent.id } : {}),
  };
  created.view = viewJson(view, created, created.hash);
  state.views.set(id, created);
  return created;
}

function viewJson(view: Record<string, unknown>, owner: FakeView, hash: string): Record<string, unknown> {
  return {
    type: 'modal',
    blocks: [],
    private_metadata: '',
    callback_id: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    ...view,
    id: owner.id,
    team_id: FAKE_TEAM_ID,
    state: { values: {} },
    hash,
    previous_view_id: owner.previousViewId ?? null,
    root_view_id: owner.rootViewId,
    app_id: FAKE_APP_ID,
    app_installed_team_id: FAKE_TEAM_ID,
    bot_id: FAKE_BOT_ID,
  };
}

function viewArg(args: Args): Record<string, unknown> | undefined {
  const view = args.view;
  return typeof view === 'object' && view !== null && !Array.isArray(view)
    ? (view as Record<string, unknown>)
    : undefined;
}

function latestModal(state: WorkspaceState): FakeView | undefined {
  return [...state.views.values()].filter((view) => view.openedWith !== 'views.publish').at(-1);
}

/** Slack's hashes look like `1693580400.1a2b3c4d`; only "changes on every update" matters. */
function nextHash(state: WorkspaceState): string {
  return `${state.nowSeconds()}.${state.nextId('h')}`;
}
