/**
 * The `/directory` grammar, shared by Slack, the console and Teams
 * (`directory …` to the bot):
 *
 *   /directory help
 *   /directory show [area]
 *   /directory contact new
 *   /directory contact <contact-id>                       (the contact form, filled in)
 *   /directory remove <contact-id>
 *   /directory lists <area> <agency> <1|2|1+2|none>
 *   /directory coordinator <area> <contact-id> on|off
 *
 * Parsing only: a wrong shape gives `invalid` with the usage line, so every
 * platform answers it the same way.
 */

export type DirectoryCommand =
  | { kind: 'help' }
  | { kind: 'show'; area?: string }
  | { kind: 'contact-new' }
  | { kind: 'contact-edit'; contactId: string }
  | { kind: 'remove'; contactId: string }
  | { kind: 'lists'; area: string; agency: string; lists: (1 | 2)[] }
  | { kind: 'coordinator'; area: string; contactId: string; coordinator: boolean }
  | { kind: 'invalid'; problem: string; usage: string };

export const DIRECTORY_USAGE = {
  show: '/directory show [area]',
  contact: '/directory contact new | /directory contact <contact-id>',
  remove: '/directory remove <contact-id>',
  lists: '/directory lists <area> <agency> <1|2|1+2|none>',
  coordinator: '/directory coordinator <area> <contact-id> on|off',
} as const;

export const DIRECTORY_HELP: { usage: string; summary: string }[] = [
  {
    usage: DIRECTORY_USAGE.show,
    summary: 'An area’s List 1 and List 2 agencies, their contacts and coordinators.',
  },
  { usage: '/directory contact new', summary: 'Add a contact (coordinators).' },
  { usage: '/directory contact <contact-id>', summary: 'Change a contact’s details (coordinators).' },
  { usage: DIRECTORY_USAGE.remove, summary: 'Take a contact out of the directory (coordinators).' },
  {
    usage: DIRECTORY_USAGE.lists,
    summary: 'Put an agency on List 1, List 2, both or neither in an area (coordinators).',
  },
  {
    usage: DIRECTORY_USAGE.coordinator,
    summary: 'Make a contact an area’s coordinator, or stop (coordinators).',
  },
];

// A Map so that typed words such as "__proto__" find nothing.
const LISTS: ReadonlyMap<string, (1 | 2)[]> = new Map([
  ['1', [1]],
  ['2', [2]],
  ['1+2', [1, 2]],
  ['1,2', [1, 2]],
  ['both', [1, 2]],
  ['none', []],
  ['0', []],
]);

const invalid = (problem: string, usage: string): DirectoryCommand => ({ kind: 'invalid', problem, usage });

export function parseDirectoryCommand(text: string): DirectoryCommand {
  const [verb = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  switch (verb.toLowerCase()) {
    case 'help':
      return { kind: 'help' };
    case 'show': {
      const area = rest.join(' ');
      return area ? { kind: 'show', area } : { kind: 'show' };
    }
    case 'contact': {
      const [which, ...more] = rest;
      if (!which || more.length > 0)
        return invalid('say "contact new" or the contact’s id', DIRECTORY_USAGE.contact);
      return which.toLowerCase() === 'new'
        ? { kind: 'contact-new' }
        : { kind: 'contact-edit', contactId: which.toLowerCase() };
    }
    case 'remove': {
      const [contactId, ...more] = rest;
      if (!contactId || more.length > 0) return invalid('give one contact id', DIRECTORY_USAGE.remove);
      return { kind: 'remove', contactId: contactId.toLowerCase() };
    }
    case 'lists': {
      const [area, agency, lists, ...more] = rest;
      const chosen = lists === undefined ? undefined : LISTS.get(lists.toLowerCase());
      if (!area || !agency || !chosen || more.length > 0) {
        return invalid('give the area, the agency and 1, 2, 1+2 or none', DIRECTORY_USAGE.lists);
      }
      return { kind: 'lists', area, agency, lists: chosen };
    }
    case 'coordinator': {
      const [area, contactId, state, ...more] = rest;
      const on = state?.toLowerCase();
      if (!area || !contactId || (on !== 'on' && on !== 'off') || more.length > 0) {
        return invalid('give the area, the contact id and on or off', DIRECTORY_USAGE.coordinator);
      }
      return { kind: 'coordinator', area, contactId: contactId.toLowerCase(), coordinator: on === 'on' };
    }
    default:
      return invalid(`"${verb}" is not a /directory command`, '/directory help lists them');
  }
}
