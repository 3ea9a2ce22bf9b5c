/**
 * How the platforms' own files are searched for an incident when the
 * retention purge forgets it: the reference however it is written
 * (`SV-2027-0042`, the channel `sv-2027-0042-corby`, a file stem
 * `sv-2027-0042-minutes`), but not as the start of a longer number
 * (`SV-2027-00421` is another incident).
 */
export function referencePattern(reference: string): RegExp {
  const escaped = reference.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}(?!\\d)`, 'i');
}
