/**
 * Coordinators edit the directory in chat (DESIGN.md: "editable in chat by
 * coordinators"). An edit is not a rewrite of the directory file: it is a
 * change kept in the Store, so every replica sees it, and the directory in
 * force is the file with the changes applied in order. Editing the file (or
 * `muster directory import`) still works; the chat changes stay on top.
 */
import type { Actor } from '../actor.js';
import type { Contact } from './directory-schema.js';

export type DirectoryEdit =
  /** Adds the contact, or replaces the one with the same id. */
  | { type: 'contact.saved'; contact: Contact }
  | { type: 'contact.removed'; contactId: string }
  /** Puts an agency on List 1, List 2 or both for an area; `[]` takes it off both. */
  | { type: 'membership.set'; area: string; agency: string; lists: (1 | 2)[] }
  /** Makes a contact one of an area's CSP coordinators, or stops them being one. */
  | { type: 'coordinator.set'; area: string; contactId: string; coordinator: boolean }
  /**
   * Not a change: someone who is not a coordinator asked for one and was
   * refused. Kept in the same log so the directory's audit shows who tried
   * what; applying it changes nothing.
   */
  | { type: 'edit.refused'; asked: DirectoryWrite['type'] };

/** The edits that change the directory. */
export type DirectoryWrite = Exclude<DirectoryEdit, { type: 'edit.refused' }>;

export interface NewDirectoryChange {
  at: string;
  by: Actor;
  edit: DirectoryEdit;
  /** One line for the audit: "Carla Coordinator added Dana Doe (Corby Youth Offending Service)". */
  summary: string;
}

/** A stored change: `seq` orders them, from 1, with no gaps. */
export interface DirectoryChange extends NewDirectoryChange {
  seq: number;
}
