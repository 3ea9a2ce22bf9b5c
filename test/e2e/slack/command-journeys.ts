/**
 * Driving `/incident` subcommands (and the other slash commands), modals and
 * checklist selects end to end,
 * for the issue-6 journeys: send the signed request as Slack would, wait for
 * the work after the ack, and hand back what the person saw (the ack's own
 * answer, the ephemeral reply, the modal opened).
 */
import { expect } from 'vitest';
import { type FakeMessage, type StateValues, select } from '../../fakes/fake-slack/index.js';
import type { Harness } from './slack-harness.js';
import { USERS } from './slack-harness.js';

export interface Where {
  id: string;
  name: string;
}

export interface CommandAnswer {
  /** What came back on the ack itself (help, a misread command), or undefined. */
  ack?: Record<string, unknown>;
  /** Ephemeral answers posted to the command's response_url after the ack. */
  replies: Record<string, unknown>[];
  /** The modal opened for the person, if any. */
  view?: Record<string, unknown>;
  /** Everything the person was shown, as one string for loose assertions. */
  all: string;
}

/** `/incident <text>` as `user`, typed in `where`. */
export function runCommand(
  h: Harness,
  text: string,
  user: string = USERS.sio.id,
  where: Where = { id: 'CGENERAL', name: 'general' },
): Promise<CommandAnswer> {
  return runSlash(h, '/incident', text, user, where);
}

/** Any of Muster's slash commands (`/plan`, `/directory`…), the same way. */
export async function runSlash(
  h: Harness,
  command: string,
  text: string,
  user: string = USERS.sio.id,
  where: Where = { id: 'CGENERAL', name: 'general' },
): Promise<CommandAnswer> {
  const responsesBefore = h.fake.responses.length;
  const viewsBefore = h.fake.callsTo('views.open').length;
  const response = await h.slack.command({
    command,
    text,
    user_id: user,
    channel_id: where.id,
    channel_name: where.name,
  });
  expect(response.status).toBe(200);
  await h.muster.idle();
  const ack = response.body === '' ? undefined : response.json<Record<string, unknown>>();
  const replies = h.fake.responses.slice(responsesBefore).map((r) => r.body);
  const opened = h.fake.callsTo('views.open').slice(viewsBefore);
  const view = opened.length > 0 ? h.fake.views.at(-1)!.view : undefined;
  const all = [ack, ...replies].map((b) => JSON.stringify(b ?? '')).join('\n');
  return { ...(ack ? { ack } : {}), replies, ...(view ? { view } : {}), all };
}

/** Submits a modal Muster opened, as `user`, with the same view id and metadata. */
export async function submitView(
  h: Harness,
  view: Record<string, unknown>,
  values: StateValues,
  user: string = USERS.sio.id,
) {
  const response = await h.slack.viewSubmission(
    {
      callback_id: String(view.callback_id),
      id: String(view.id),
      blocks: view.blocks,
      private_metadata: String(view.private_metadata),
      values,
    },
    user,
  );
  expect(response.status).toBe(200);
  return response;
}

/** The metadata a Muster modal carries: its form id and context. */
export function viewMetadata(view: Record<string, unknown>): {
  formId: string;
  context: Record<string, string>;
} {
  return JSON.parse(String(view.private_metadata));
}

/** Every button anywhere in a message's blocks (section accessories, actions blocks). */
export function buttonsOf(message: FakeMessage): { action_id: string; value: string }[] {
  const found: { action_id: string; value: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ((node as { type?: unknown }).type === 'button')
        found.push(node as { action_id: string; value: string });
      Object.values(node).forEach(walk);
    }
  };
  walk(message.blocks);
  return found;
}

export interface RenderedSelect {
  blockId?: string;
  actionId: string;
  options: { text: { text: string }; value: string }[];
}

/** The "Work on an item…" selects of a checklist message, in section order. */
export function itemSelects(message: FakeMessage): RenderedSelect[] {
  return ((message.blocks ?? []) as Record<string, unknown>[]).flatMap((block) => {
    const accessory = block.accessory as Record<string, unknown> | undefined;
    if (accessory?.type !== 'static_select') return [];
    return [
      {
        ...(typeof block.block_id === 'string' ? { blockId: block.block_id } : {}),
        actionId: String(accessory.action_id),
        options: accessory.options as RenderedSelect['options'],
      },
    ];
  });
}

/** Chooses an option of a checklist select, as Slack sends it. */
export async function chooseItem(
  h: Harness,
  message: FakeMessage,
  choice: { select: RenderedSelect; option: RenderedSelect['options'][number] },
  user: string,
) {
  const response = await h.slack.blockAction({
    action_id: choice.select.actionId,
    ...(choice.select.blockId ? { block_id: choice.select.blockId } : {}),
    user,
    element: select({ value: choice.option.value, text: choice.option.text.text }),
    channel: message.channel,
    message: { ts: message.ts },
  });
  expect(response.status).toBe(200);
  await h.muster.idle();
}

/** What a person was told after a form: their ephemerals in channels, then their direct messages. */
export function toldTo(h: Harness, userId: string): string[] {
  const ephemerals = h.fake.ephemerals
    .filter((e) => e.user === userId)
    .map((e) => `${e.text}\n${JSON.stringify(e.blocks ?? [])}`);
  const dm = h.fake.dmWith(userId);
  const direct = dm ? h.fake.messages(dm.id).map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`) : [];
  return [...ephemerals, ...direct];
}
