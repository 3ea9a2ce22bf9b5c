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

/**
 * "in 5 days", "in 24 hours", "in 20 minutes", "3 hours ago": whole days only
 * from two days out, so a deadline 47 hours away never reads "in 1 day".
 */
export function relativeTo(target: DateTime, now: DateTime): string {
  const minutes = Math.trunc(target.diff(now, 'minutes').minutes);
  const size = Math.abs(minutes);
  const [amount, unit] =
    size >= 2 * 24 * 60
      ? [Math.trunc(size / 1440), 'day']
      : size >= 60
        ? [Math.trunc(size / 60), 'hour']
        : [size, 'minute'];
  if (size === 0) return 'now';
  const text = `${amount} ${unit}${amount === 1 ? '' : 's'}`;
  return minutes > 0 ? `in ${text}` : `${text} ago`;
}
