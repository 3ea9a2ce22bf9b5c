/**
 * Times as the page shows them, in the partnership's zone and relative to the
 * simulated "now": "14:05" today, "Tue 4 Aug, 14:05" another day.
 */
import { state } from './state.js';

function zone() {
  return state.session?.zone ?? 'Europe/London';
}

const dayKey = (date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);

/** "14:05" today (in simulated time), "Tue 4 Aug, 14:05" on another day. */
export function formatAt(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone(),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  const now = state.session?.now ? new Date(state.session.now) : new Date();
  if (dayKey(date) === dayKey(now)) return time;
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone(),
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(date);
  return `${day}, ${time}`;
}

export function formatFull(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone(),
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(date);
}
