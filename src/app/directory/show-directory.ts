/**
 * `/directory show [area]`: the partnership's own list, as chat text. For an
 * area: its coordinators, then the agencies on List 1 (notified) and List 2
 * (attend the initial meeting) with the contacts who cover the area, each
 * with the id the editing commands take. Without an area: the areas, so the
 * person can pick one. Anyone may look; only coordinators change it.
 */
import { contactCovers, coordinatorsOf, findArea, listMembers } from '../../core/directory/directory.js';
import type { Area, Contact, Directory } from '../../core/directory/directory-schema.js';
import { ErrorCode, MusterError } from '../../core/errors.js';

export function showDirectory(dir: Directory, areaName?: string): string {
  if (!areaName) return overview(dir);
  const area = findArea(dir, areaName);
  if (!area) {
    throw new MusterError(
      ErrorCode.InvalidInput,
      `There is no area "${areaName}" in the directory. Areas: ${dir.areas.map((a) => a.id).join(', ')}.`,
      [{ path: 'area', message: 'not in the directory' }],
    );
  }
  return showArea(dir, area);
}

function overview(dir: Directory): string {
  const lines = [`${dir.partnership}: ${dir.areas.length} areas, ${dir.contacts.length} contacts.`];
  for (const area of dir.areas) {
    const coordinators = coordinatorsOf(dir, area.id).map(person);
    lines.push(
      `• ${area.name} (${area.id}), coordinators: ${coordinators.length > 0 ? coordinators.join(', ') : 'none'}`,
    );
  }
  lines.push('Type /directory show <area> for its List 1 and List 2 agencies and their contacts.');
  return lines.join('\n');
}

function showArea(dir: Directory, area: Area): string {
  const coordinators = coordinatorsOf(dir, area.id).map(person);
  const lines = [
    `${area.name} (${area.id}), ${dir.partnership}`,
    `Coordinators: ${coordinators.length > 0 ? coordinators.join(', ') : 'none yet (/directory coordinator <area> <contact-id> on)'}`,
  ];
  const listed = new Set<string>();
  for (const list of [1, 2] as const) {
    const agencies = listMembers(dir, area.id, list);
    lines.push(list === 1 ? 'List 1 (notified):' : 'List 2 (attend the initial meeting):');
    if (agencies.length === 0) lines.push('• no agency yet');
    for (const agency of agencies) {
      listed.add(agency.id);
      const contacts = dir.contacts.filter((c) => c.agency === agency.id && contactCovers(c, area.id));
      const who =
        contacts.length > 0
          ? contacts.map((c) => `${person(c)}, ${c.role}`).join('; ')
          : 'no contact covers this area (/directory contact new)';
      lines.push(`• ${agency.name} (${agency.id}): ${who}`);
    }
  }
  const unlisted = dir.agencies.filter((a) => !listed.has(a.id));
  if (unlisted.length > 0)
    lines.push(`On no list here: ${unlisted.map((a) => `${a.name} (${a.id})`).join(', ')}.`);
  return lines.join('\n');
}

const person = (c: Contact) => `${c.name} (${c.id})`;
