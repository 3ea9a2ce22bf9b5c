/**
 * Platform-neutral form definitions: the fields, labels, hints and choices of
 * each form (the SIO's notification form, record a meeting). Slack renders a
 * modal from them, Teams and the console an Adaptive Card, and the field ids
 * are the paths a use case names in its `invalid_input` details, so an error
 * lands on the field that is wrong on every platform.
 */
export type FieldKind = 'datetime' | 'select' | 'multi-select' | 'text' | 'textarea' | 'user';

export interface FieldChoice {
  value: string;
  label: string;
}

export interface FormField {
  id: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  hint?: string;
  placeholder?: string;
  choices?: FieldChoice[];
  /** ISO instant for datetime, a value for select, values for multi-select, a platform user id for user. */
  initial?: string | string[];
  maxLength?: number;
}

export interface FormDefinition {
  /** Stable id (`new-incident`, `record-meeting`); platforms derive their callback ids from it. */
  id: string;
  title: string;
  /** For platforms with short dialog titles (Slack: 24 characters); `title` otherwise. */
  shortTitle?: string;
  submitLabel: string;
  intro?: string;
  fields: FormField[];
  /** Carried through the platform and back (the incident reference, the reminder key). */
  context?: Record<string, string>;
}

/** What a platform hands back: field id → raw value(s), plus the form's context. */
export interface FormSubmission {
  formId: string;
  values: Record<string, string | string[] | undefined>;
  context: Record<string, string>;
}
