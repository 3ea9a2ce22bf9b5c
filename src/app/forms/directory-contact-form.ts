/**
 * The directory's contact form (`/directory contact new`, `/directory contact
 * <contact-id>`): a partnership form, naming no incident. It is opened only
 * for coordinators, filled in with the contact's details when editing, and
 * its answers go to `saveContact`, which checks the coordinator again and
 * refuses a bad answer under its field with nothing written. Muster finds
 * people on Slack and Teams by email, so the platform ids are optional.
 */
import type { Contact, Directory } from '../../core/directory/directory-schema.js';
import type { CommandDeps, CommandOutcome } from '../commands/command-outcome.js';
import { type DirectoryEditor, saveContact } from '../directory/edit-directory.js';
import { mayEditDirectory } from '../roles.js';
import type { PartnershipFormHandler, PartnershipFormScope } from './form-handler.js';
import type { FormDefinition, FormSubmission } from './form-model.js';
import { agencyChoices, many, one } from './form-values.js';

export const DIRECTORY_CONTACT_FORM_ID = 'directory-contact';

export function directoryContactForm(directory: Directory, contactId?: string): FormDefinition {
  const contact = contactId ? directory.contacts.find((c) => c.id === contactId) : undefined;
  const initial = (value: string | undefined) => (value ? { initial: value } : {});
  return {
    id: DIRECTORY_CONTACT_FORM_ID,
    title: contactId
      ? `Edit ${contact?.name ?? contactId} in the directory`
      : 'Add a contact to the directory',
    shortTitle: contactId ? 'Edit a contact' : 'Add a contact',
    submitLabel: contactId ? 'Save' : 'Add',
    intro: contactId
      ? `Contact id ${contactId}. Changes apply to incidents opened from now on.`
      : 'The contact is invited to an area’s incidents when their agency is on its List 1 or List 2.',
    ...(contactId ? { context: { contactId } } : {}),
    fields: [
      { id: 'name', label: 'Name', kind: 'text', required: true, maxLength: 120, ...initial(contact?.name) },
      {
        id: 'email',
        label: 'Email',
        kind: 'text',
        required: true,
        maxLength: 254,
        hint: 'Muster finds the person on Slack and Teams by this address.',
        ...initial(contact?.email),
      },
      {
        id: 'role',
        label: 'Role',
        kind: 'text',
        required: true,
        maxLength: 120,
        placeholder: 'e.g. Safeguarding lead',
        ...initial(contact?.role),
      },
      {
        id: 'agency',
        label: 'Agency',
        kind: 'select',
        required: true,
        choices: agencyChoices(directory),
        ...initial(contact?.agency),
      },
      {
        id: 'areas',
        label: 'Areas covered',
        kind: 'multi-select',
        required: false,
        hint: 'None chosen: every area the agency serves.',
        choices: directory.areas.map((a) => ({ value: a.id, label: a.name })),
        ...(contact && contact.areas.length > 0 ? { initial: contact.areas } : {}),
      },
      {
        id: 'slackId',
        label: 'Slack user id',
        kind: 'text',
        required: false,
        maxLength: 40,
        hint: 'Only when their Slack email differs, e.g. U0123ABCD.',
        ...initial(contact?.slackId),
      },
      {
        id: 'teamsId',
        label: 'Teams user id',
        kind: 'text',
        required: false,
        maxLength: 200,
        hint: 'Only when their Teams email differs.',
        ...initial(contact?.teamsId),
      },
    ],
  };
}

/**
 * The form for `/directory contact …`, for a coordinator; anyone else is told
 * why and nothing opens. An unknown contact id is a message, not an empty form.
 */
export function openDirectoryContactForm(
  deps: CommandDeps,
  who: DirectoryEditor,
  contactId?: string,
): CommandOutcome {
  const decision = mayEditDirectory(deps, { by: who.by, ...who.requester });
  if (!decision.allowed) {
    deps.log?.info('directory edit refused: not a coordinator', { edit: 'contact form' });
    return { refused: true, message: decision.reason };
  }
  if (contactId && !deps.directory.contacts.some((c: Contact) => c.id === contactId)) {
    return {
      refused: true,
      message: `There is no contact "${contactId}" in the directory. Find their id with /directory show <area>, or add them with /directory contact new.`,
    };
  }
  return { form: directoryContactForm(deps.directory, contactId) };
}

async function submit(
  deps: CommandDeps,
  scope: PartnershipFormScope,
  submission: FormSubmission,
): Promise<CommandOutcome> {
  const { values, context } = submission;
  const { contactId, email } = scope.requester;
  const slackId = one(values, 'slackId');
  const teamsId = one(values, 'teamsId');
  return saveContact(
    deps,
    { by: scope.by, requester: { ...(contactId ? { contactId } : {}), ...(email ? { email } : {}) } },
    {
      ...(context.contactId ? { contactId: context.contactId } : {}),
      name: one(values, 'name') ?? '',
      email: one(values, 'email') ?? '',
      role: one(values, 'role') ?? '',
      agency: one(values, 'agency') ?? '',
      areas: many(values, 'areas'),
      ...(slackId ? { slackId } : {}),
      ...(teamsId ? { teamsId } : {}),
    },
  );
}

/** Registered in form-registry.ts. */
export const directoryContactFormHandler: PartnershipFormHandler = {
  id: DIRECTORY_CONTACT_FORM_ID,
  scope: 'partnership',
  rebuild: (deps, context) => directoryContactForm(deps.directory, context.contactId),
  submit,
};
