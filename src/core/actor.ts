/**
 * Who did something. `id` is platform-qualified (`slack:U0123`, `teams:29:abc`,
 * `console:alex-morgan`, `cli`, `system`) so audit entries stay meaningful
 * whichever chat platform the person used.
 */
export interface Actor {
  id: string;
  name: string;
  /** Directory contact id, when the person is known to the directory. */
  contactId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Muster' };
