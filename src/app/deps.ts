/**
 * The ports each use case takes. Use cases receive them as one deps object so
 * Slack, Teams, the console and tests call them the same way; none of them
 * imports an adapter or reads the system clock.
 */
import type { Directory } from '../core/directory/directory-schema.js';
import type { Protocol } from '../core/protocol/protocol-schema.js';
import type { ChatPlatform, Clock, Store } from '../ports.js';

export interface StoreDeps {
  store: Store;
  clock: Clock;
}

export interface ProtocolDeps extends StoreDeps {
  protocol: Protocol;
}

export interface DirectoryDeps extends ProtocolDeps {
  directory: Directory;
  /** Platform-qualified user ids of extra CSP coordinators (MUSTER_COORDINATORS). */
  coordinators?: readonly string[];
  /**
   * Where a use case notes, for the operator, something that is not a failure
   * (a refused directory edit). Identifiers only, never people: the runtime
   * passes its logger; tests may leave it out.
   */
  log?: { info(message: string, fields?: Record<string, unknown>): void };
}

export interface PlatformDeps extends ProtocolDeps {
  /** Every configured chat platform; a reminder counts as delivered once all of them accepted it. */
  platforms: readonly ChatPlatform[];
}
