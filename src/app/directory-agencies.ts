/**
 * Agencies named in commands (an action's lead, a checklist item's assignee,
 * a meeting's attendance) must be in the directory, so plans and minutes group
 * by real agencies; and audit lines use the agency's name, not its id.
 */
import type { Directory } from '../core/directory/directory-schema.js';
import { invalidInput } from './validate-input.js';

export function checkAgency(directory: Directory, agencyId: string, path: string): void {
  if (directory.agencies.some((a) => a.id === agencyId)) return;
  throw invalidInput([
    {
      path,
      message: `"${agencyId}" is not an agency in the directory (${directory.agencies.map((a) => a.id).join(', ')})`,
    },
  ]);
}

export function agencyName(directory: Directory, agencyId: string): string {
  return directory.agencies.find((a) => a.id === agencyId)?.name ?? agencyId;
}
