/**
 * What running a command, pressing a checklist button or submitting one of the
 * command forms gives back to a platform, whatever the platform: a form to
 * open, a card or a message for the person alone, and whether the incident's
 * pinned card changed. Posting in the incident's space (a meeting card, the
 * checklist, files) is done by the use case itself through the platform port.
 */
import type { Actor } from '../../core/actor.js';
import type { Incident } from '../../core/incident/incident.js';
import type { ChatPlatform } from '../../ports.js';
import type { PendingRequester } from '../access.js';
import type { Card } from '../cards/card-model.js';
import type { DirectoryDeps } from '../deps.js';
import type { FormDefinition } from '../forms/form-model.js';

/** The use cases' ports plus the platform the request came from (where files and cards are posted). */
export type CommandDeps = DirectoryDeps & { platform: ChatPlatform };

export interface CommandOutcome {
  reference?: string;
  /** Open this form for the person. */
  form?: FormDefinition;
  /** Show this card to the person alone. */
  card?: Card;
  /** Tell the person alone. */
  message?: string;
  /** The incident's pinned card changed and should be rebuilt on this platform. */
  refreshCard?: boolean;
  /** The person may not do this: nothing changed, and `message` says why. */
  refused?: boolean;
}

/** Who is asking and about which incident, once the runner found it and checked access. */
export interface CommandScope {
  incident: Incident;
  by: Actor;
  /** What the platform knows of the person (contact, email), for role checks such as closing. */
  requester: PendingRequester;
}
