/**
 * A contact as the directory form gives it, checked before anything is
 * written: the directory schema's rules field by field (a name, a valid
 * email, an agency and areas the directory has), and no second contact with
 * the same email or platform id. Each problem names the form field, so it is
 * shown under the answer that is wrong. A new contact's id is made from
 * their name.
 */
import { type Contact, contactSchema, type Directory } from '../../core/directory/directory-schema.js';
import { type ProblemDetail, problemsFromZod } from '../../core/errors.js';
import { invalidInput } from '../validate-input.js';

/** A contact's details as a form gives them; `contactId` names the contact being edited. */
export interface ContactDetails {
  contactId?: string;
  name: string;
  email: string;
  role: string;
  agency: string;
  areas: string[];
  slackId?: string;
  teamsId?: string;
}

/** The form's answers as a contact, or `invalid_input` naming each field that is wrong. */
export function checkedContact(dir: Directory, details: ContactDetails, id: string): Contact {
  const parsed = contactSchema.safeParse({
    id,
    name: details.name,
    email: details.email,
    role: details.role,
    agency: details.agency,
    areas: details.areas,
    ...(details.slackId ? { slackId: details.slackId } : {}),
    ...(details.teamsId ? { teamsId: details.teamsId } : {}),
  });
  const problems: ProblemDetail[] = parsed.success
    ? []
    : problemsFromZod(parsed.error.issues).map((p) => ({ ...p, path: p.path.split('.')[0] ?? '' }));
  const others = dir.contacts.filter((c) => c.id !== id);
  const email = details.email.trim().toLowerCase();
  const taken = (field: 'slackId' | 'teamsId', label: string) => {
    const value = details[field];
    const holder = value ? others.find((c) => c[field] === value) : undefined;
    if (holder) problems.push({ path: field, message: `${holder.name} already has this ${label}` });
  };
  const sameEmail = others.find((c) => c.email.toLowerCase() === email);
  if (email && sameEmail)
    problems.push({
      path: 'email',
      message: `${sameEmail.name} (${sameEmail.id}) already has this email address`,
    });
  taken('slackId', 'Slack user id');
  taken('teamsId', 'Teams user id');
  if (details.agency && !dir.agencies.some((a) => a.id === details.agency))
    problems.push({
      path: 'agency',
      message: `"${details.agency}" is not an agency in the directory: choose from the list`,
    });
  const unknownAreas = details.areas.filter((a) => !dir.areas.some((area) => area.id === a));
  if (unknownAreas.length > 0)
    problems.push({ path: 'areas', message: `${unknownAreas.join(', ')}: not an area in the directory` });
  if (!parsed.success || problems.length > 0) throw invalidInput(dedupe(problems));
  return parsed.data;
}

/** One problem per field, the first found. */
function dedupe(problems: ProblemDetail[]): ProblemDetail[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.path) && seen.add(p.path));
}

/** A new contact's id: their name as a slug, with the agency or a number added when it is taken. */
export function newContactId(dir: Directory, details: Pick<ContactDetails, 'name' | 'agency'>): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const base = slug(details.name) || 'contact';
  const taken = new Set(dir.contacts.map((c) => c.id));
  const candidates = [base, ...(slug(details.agency) ? [`${base}-${slug(details.agency)}`] : [])];
  const free = candidates.find((c) => !taken.has(c));
  if (free) return free;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
