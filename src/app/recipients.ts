/**
 * Who a protocol role means for one incident: the SIO and chair are people
 * recorded on the incident; coordinators, List 1 and List 2 come from the
 * directory for the incident's area. Platforms then find these people.
 */
import type { Actor } from '../core/actor.js';
import { contactsFor, coordinatorsOf } from '../core/directory/directory.js';
import type { Contact, Directory } from '../core/directory/directory-schema.js';
import type { Incident } from '../core/incident/incident.js';
import type { Role } from '../core/protocol/protocol-schema.js';
import type { Recipients } from '../ports.js';

export function recipientsFor(
  roles: readonly string[],
  incident: Incident,
  directory: Directory,
): Recipients {
  const contacts = new Map<string, Contact>();
  const actors = new Map<string, Actor>();
  const addContacts = (list: Contact[]) => {
    for (const c of list) contacts.set(c.id, c);
  };
  for (const role of roles as Role[]) {
    switch (role) {
      case 'sio':
        actors.set(incident.sio.id, incident.sio);
        break;
      case 'chair': {
        const chair = incident.meetings.filter((m) => m.status !== 'cancelled').at(-1)?.chair ?? incident.sio;
        actors.set(chair.id, chair);
        break;
      }
      case 'coordinators':
        addContacts(coordinatorsOf(directory, incident.area));
        break;
      case 'list-1':
        addContacts(contactsFor(directory, incident.area, 1));
        break;
      case 'list-2':
      case 'attendees':
        addContacts(contactsFor(directory, incident.area, 2));
        break;
    }
  }
  return { contacts: [...contacts.values()], actors: [...actors.values()] };
}
