/**
 * The "Work on an item…" select of a checklist section: one option per item,
 * whose value is the item's `work-item` button value, so choosing an option
 * is the same press as the button other platforms show. Slack caps an option
 * value at 150 characters; a value longer than that (long ids) keeps only
 * the item's own keys and the rest of it rides in the section's `block_id`
 * (255 characters), which Slack sends back with the choice.
 */
import type { types } from '@slack/bolt';
import type { ChecklistItemRow } from '../../../app/cards/card-model.js';
import { LIMITS, plainText, truncate } from './block-kit.js';
import { VERB_ACTIONS } from './verb-actions.js';

/** Marks a block id that carries the shared part of its options' values. */
const SHARED_PREFIX = 'muster_items:';

export interface ItemSelect {
  accessory: types.StaticSelect;
  /** Set only when the options' values had to be split. */
  blockId?: string;
}

type Value = Record<string, unknown>;

/** The select for a section's items that can still be worked on; none once the meeting ended. */
export function itemSelect(items: readonly ChecklistItemRow[]): ItemSelect | undefined {
  const workable = items
    .map((item) => ({ item, value: item.actions.find((a) => a.verb === 'work-item')?.value }))
    .filter((entry): entry is { item: ChecklistItemRow; value: string } => entry.value !== undefined)
    .slice(0, LIMITS.selectOptions);
  if (workable.length === 0) return undefined;
  const split = workable.some(({ value }) => value.length > LIMITS.optionValue);
  const shared = split ? sharedPart(workable.map(({ value }) => JSON.parse(value) as Value)) : {};
  const options = workable.map(({ item, value }) => ({
    text: plainText(truncate(`${item.done ? '✅' : '⬜'} ${item.text}`, LIMITS.optionText)),
    value: split ? ownPart(JSON.parse(value) as Value, shared) : value,
  }));
  const blockId = split ? `${SHARED_PREFIX}${JSON.stringify(shared)}` : undefined;
  if (blockId && blockId.length > LIMITS.blockId)
    throw new Error(`checklist select values cannot fit Slack's limits (${blockId.length} characters)`);
  return {
    accessory: {
      type: 'static_select',
      action_id: VERB_ACTIONS['work-item'],
      placeholder: plainText('Work on an item…'),
      options,
    },
    ...(blockId ? { blockId } : {}),
  };
}

/**
 * The work-item value a choice stands for: the option's value, completed from
 * the block id when it was split. Anything unreadable is passed on as it came,
 * for the app to refuse as bad input.
 */
export function chosenItemValue(optionValue: string | undefined, blockId: string | undefined): string {
  if (!optionValue || !blockId?.startsWith(SHARED_PREFIX)) return optionValue ?? '';
  try {
    const own = JSON.parse(optionValue) as Value;
    const shared = JSON.parse(blockId.slice(SHARED_PREFIX.length)) as Value;
    return JSON.stringify({ ...shared, ...own });
  } catch {
    return optionValue;
  }
}

/** The keys every value has with the same value (the reference, the meeting, the section). */
function sharedPart(values: Value[]): Value {
  const [first = {}, ...rest] = values;
  return Object.fromEntries(
    Object.entries(first).filter(([key, v]) => key !== 'itemId' && rest.every((other) => other[key] === v)),
  );
}

function ownPart(value: Value, shared: Value): string {
  const own = JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => !(key in shared))));
  if (own.length > LIMITS.optionValue)
    throw new Error(`a checklist item's own value is ${own.length} characters; Slack allows 150`);
  return own;
}
