/**
 * `/incident actions`: the incident's action plan as a card, the rows as the
 * home view shows them, with the RAG counts of what is shown and, when it is
 * filtered, the filter in words, so nobody mistakes a filtered plan for the
 * whole of it.
 */
import type { DateTime } from 'luxon';
import type { Action } from '../../core/actions/action.js';
import type { Directory } from '../../core/directory/directory-schema.js';
import { actionRow, ragCountsText } from './action-rows.js';
import type { ActionListCard } from './card-model.js';

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
}

export function actionListCard(input: ActionListInput): ActionListCard {
  const rows = input.actions.map((a) => actionRow(input.directory, input.reference, a, input.now));
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
