/**
 * Builders for a modal's `view.state.values`, in the exact shape Slack sends on
 * `view_submission` (and `block_actions` from a modal), one per input element
 * Muster uses. `stateValues({ when: datetime(1693580400) })` names the block
 * and the action `when`; `stateValues({ block: { action: select('x') } })` names both.
 */

export interface SelectedOption {
  text: { type: 'plain_text'; text: string; emoji: boolean };
  value: string;
}

export type ElementState =
  | { type: 'plain_text_input'; value: string | null }
  | { type: 'static_select'; selected_option: SelectedOption | null }
  | { type: 'multi_static_select'; selected_options: SelectedOption[] }
  | { type: 'users_select'; selected_user: string | null }
  | { type: 'multi_users_select'; selected_users: string[] }
  | { type: 'conversations_select'; selected_conversation: string | null }
  | { type: 'datepicker'; selected_date: string | null }
  | { type: 'timepicker'; selected_time: string | null; timezone?: string }
  | { type: 'datetimepicker'; selected_date_time: number | null }
  | { type: 'radio_buttons'; selected_option: SelectedOption | null }
  | { type: 'checkboxes'; selected_options: SelectedOption[] }
  | { type: 'file_input'; files: { id: string; name: string; title: string; filetype: string }[] };

/** `view.state.values`: block_id → action_id → element state. */
export type StateValues = Record<string, Record<string, ElementState>>;

/** An option as a bare value (its label is then the value) or with its label. */
export type OptionInput = string | { value: string; text: string };

export function option(input: OptionInput): SelectedOption {
  const { value, text } = typeof input === 'string' ? { value: input, text: input } : input;
  return { text: { type: 'plain_text', text, emoji: true }, value };
}

/** Slack sends `null` for an empty text input, not `''`. */
export function plainText(value: string | null): ElementState {
  return { type: 'plain_text_input', value: value === '' ? null : value };
}

export function select(value: OptionInput | null): ElementState {
  return { type: 'static_select', selected_option: value === null ? null : option(value) };
}

export function multiSelect(values: OptionInput[]): ElementState {
  return { type: 'multi_static_select', selected_options: values.map(option) };
}

export function userSelect(userId: string | null): ElementState {
  return { type: 'users_select', selected_user: userId };
}

export function multiUserSelect(userIds: string[]): ElementState {
  return { type: 'multi_users_select', selected_users: userIds };
}

export function conversationSelect(channelId: string | null): ElementState {
  return { type: 'conversations_select', selected_conversation: channelId };
}

/** `YYYY-MM-DD`, as the date picker sends it. */
export function date(isoDate: string | null): ElementState {
  return { type: 'datepicker', selected_date: isoDate };
}

/** `HH:mm`; Slack adds `timezone` only when the element was given one. */
export function time(hhmm: string | null, timezone?: string): ElementState {
  return { type: 'timepicker', selected_time: hhmm, ...(timezone ? { timezone } : {}) };
}

/** Unix seconds (not milliseconds), as the date-time picker sends them. */
export function datetime(unixSeconds: number | null): ElementState {
  return { type: 'datetimepicker', selected_date_time: unixSeconds };
}

export function radio(value: OptionInput | null): ElementState {
  return { type: 'radio_buttons', selected_option: value === null ? null : option(value) };
}

export function checkboxes(values: OptionInput[]): ElementState {
  return { type: 'checkboxes', selected_options: values.map(option) };
}

/** The files chosen in a file input: Slack sends each file's object; Muster reads only the ids. */
export function fileInput(files: { id: string; name: string; filetype?: string }[]): ElementState {
  return {
    type: 'file_input',
    files: files.map((f) => ({ id: f.id, name: f.name, title: f.name, filetype: f.filetype ?? '' })),
  };
}

export function stateValues(
  entries: Record<string, ElementState | Record<string, ElementState>>,
): StateValues {
  const values: StateValues = {};
  for (const [blockId, entry] of Object.entries(entries)) {
    values[blockId] = isElementState(entry) ? { [blockId]: entry } : entry;
  }
  return values;
}

function isElementState(entry: ElementState | Record<string, ElementState>): entry is ElementState {
  return typeof (entry as { type?: unknown }).type === 'string';
}
