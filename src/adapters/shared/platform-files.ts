/**
 * What the chat platforms keep of incidents, reached without running them:
 * the console's history (`<dataDir>/console/`), Teams' exported files
 * (`<dataDir>/teams/files/`) and the group chat Teams remembers per incident
 * (the Store's platform records). The CLI's `retention purge` forgets a
 * purged incident here, as the running platforms do for the bot's daily
 * purge (ChatPlatform.forgetIncident). It must have the data directory to
 * itself: a running console keeps its history in memory and writes it back.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ForgetIncident } from '../../app/retention/purge-closed-incidents.js';
import type { Store } from '../../ports.js';
import { ConsoleStore } from '../console/console-store.js';
import { FileLinks } from '../teams/platform/file-links.js';
import { TeamsState } from '../teams/store/teams-state.js';

export interface PlatformFiles {
  forgetIncident: ForgetIncident;
  close(): Promise<void>;
}

/**
 * Opens only what is there: a data directory no platform wrote to is left
 * untouched. Teams' remembered chats are in the Store's platform records
 * (shared by every replica), so they are forgotten through `store`.
 */
export async function openPlatformFiles(dataDir: string, store?: Store): Promise<PlatformFiles> {
  const history = existsSync(join(dataDir, 'console', 'console.jsonl'))
    ? await ConsoleStore.open(dataDir)
    : undefined;
  const links = existsSync(join(dataDir, 'teams', 'files')) ? await FileLinks.open(dataDir) : undefined;
  const teams = store ? await TeamsState.open({ store, dataDir }) : undefined;
  return {
    async forgetIncident(reference) {
      await history?.forgetIncident(reference);
      await links?.forgetIncident(reference);
      await teams?.forgetIncident(reference);
    },
    async close() {
      await history?.close();
    },
  };
}
