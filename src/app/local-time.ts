/**
 * How Muster writes an instant for people: local time in the protocol's zone
 * with the weekday and the zone's abbreviation (`Thu 2 Sep 2027 15:00 BST`), so
 * nobody has to work out GMT/BST in their head.
 */
import { DateTime } from 'luxon';

export function formatLocal(value: DateTime | string, zone?: string): string {
  let dt = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : value;
  if (zone) dt = dt.setZone(zone);
  // en-GB names the zone "BST"/"GMT" (en-US says "GMT+1") but spells September "Sept"; take each part from where it reads best.
  return `${dt.setLocale('en-US').toFormat('ccc d LLL yyyy HH:mm')} ${dt.setLocale('en-GB').toFormat('ZZZZ')}`;
}
