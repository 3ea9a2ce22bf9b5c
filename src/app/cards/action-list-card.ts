/**
 * `/incident actions`: the incident's action plan as a card, the rows as the
 * home view shows them, with the RAG counts of what is shown and, when it is
 * filtered, the filter in words, so nobody mistakes a filtered plan for the
 * whole of it. A coordinator's copy has Promote to plan on each row.
 */
import type { DateTime } from 'luxon';
import type { Action } from '../../core/actions/action.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { actionRow, ragCountsText } from './action-rows.js';
import { actionValue } from './action-value.js';
import type { ActionListCard, CardAction } from './card-model.js';

export interface ActionListInput {
  directory: Directory;
  reference: string;
  /** The actions to show, in plan order. */
  actions: readonly Action[];
  now: DateTime;
  /** "Filtered: lead agency Police, RAG red". */
  filterText?: string;
  /** What to say when `actions` is empty. */
  emptyText: string;
  /** The viewer is a coordinator: each row gets Promote to plan (into the strategic plan, issue 9). */
  promotable?: boolean;
}

export function actionListCard(input: ActionListInput): ActionListCard {
  const rows = input.actions.map((a) => {
    const row = actionRow(input.directory, input.reference, a, input.now);
    if (!input.promotable) return row;
    const promote: CardAction = {
      verb: 'promote-to-plan',
      label: 'Promote to plan',
      value: actionValue({ reference: input.reference, actionNumber: a.number }),
    };
    return { ...row, actions: [...row.actions, promote] };
  });
  return {
    kind: 'action-list',
    reference: input.reference,
    heading: `Action plan — ${input.reference}`,
    ...(input.filterText ? { filterText: input.filterText } : {}),
    rows,
    countsText: ragCountsText(rows),
    emptyText: input.emptyText,
  };
}
