/**
 * Every Slack identifier Muster answers to: button action ids, modal callback
 * ids and the slash command. Handlers, renderers and the manifest use these
 * constants so a renamed id cannot leave a button that nothing handles.
 */
/** Every action id Muster renders starts so (one listener answers them all: actions/index.ts). */
export const ACTION_PREFIX = 'muster_';

export const ACTIONS = {
  acknowledge: 'muster_acknowledge',
  recordMeeting: 'muster_record_meeting',
  markDone: 'muster_mark_done',
  snooze: 'muster_snooze',
  openIncident: 'muster_open_incident',
  addUpdate: 'muster_add_update',
  markActionDone: 'muster_mark_action_done',
  snoozeAction: 'muster_snooze_action',
  startMeeting: 'muster_start_meeting',
  tickItem: 'muster_tick_item',
  /** A button, or the "Work on an item…" select of a checklist section: both carry a work-item value. */
  workItem: 'muster_work_item',
  recordAttendance: 'muster_record_attendance',
  signsOfSafety: 'muster_signs_of_safety',
  endMeeting: 'muster_end_meeting',
  /** An action list row's Promote to plan (coordinators): opens the promote-to-plan form. */
  promoteToPlan: 'muster_promote_to_plan',
  /** A plan update card's Update… button; its Red, Amber and Green buttons add `_red`, `_amber`, `_green`. */
  planUpdate: 'muster_plan_update',
} as const;

/**
 * Every button of a plan update card. Slack refuses two elements with one
 * action id in a block, so the RAG buttons carry the RAG in theirs.
 */
export const PLAN_UPDATE_ACTIONS = /^muster_plan_update(_(red|amber|green))?$/;

export const CALLBACKS = {
  newIncident: 'muster_new_incident',
  recordMeeting: 'muster_record_meeting_form',
  actionUpdate: 'muster_action_update_form',
  /** Every form of the app's form registry (schedule meeting, add action, close…): one callback, routed by form id. */
  registeredForm: 'muster_form',
  /** `/plan import`'s modal: the spreadsheet as a file input (views/plan-import-view.ts). */
  planImport: 'muster_plan_import',
} as const;

export const COMMAND = '/incident';
/** The strategic plan command (Serious Violence Duty plans, issue 9). */
export const PLAN_COMMAND = '/plan';
/** The agency directory: anyone shows it, coordinators edit it. */
export const DIRECTORY_COMMAND = '/directory';
