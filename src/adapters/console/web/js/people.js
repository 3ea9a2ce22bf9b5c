/**
 * People: the "Signed in as" list grouped by agency, choosing who is signed in
 * at the start (?as=, then the last choice, then a coordinator) and switching
 * to someone else's view.
 */
import { loadChannels, preferredChannel, selectChannel } from './channels.js';
import { el } from './dom.js';
import { connectEvents } from './events.js';
import { state } from './state.js';

const USER_KEY = 'muster.console.user';

function agencyName(person) {
  return person.agency || 'Other';
}

export function renderPeople() {
  el.userSelect.replaceChildren();
  const groups = new Map();
  for (const person of state.people) {
    const key = agencyName(person);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(person);
  }
  for (const [agency, people] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const group = document.createElement('optgroup');
    group.label = agency;
    for (const person of people.sort((a, b) => a.name.localeCompare(b.name))) {
      const option = document.createElement('option');
      option.value = person.id;
      const coordinator =
        person.coordinator && !/coordinator/i.test(person.role ?? '') ? 'CSP coordinator' : '';
      const role = [person.role, coordinator].filter(Boolean).join(', ');
      option.textContent = role ? `${person.name} (${role})` : person.name;
      group.append(option);
    }
    el.userSelect.append(group);
  }
  el.userSelect.value = state.userId ?? '';
}

export function chooseInitialUser() {
  const fromUrl = new URLSearchParams(location.search).get('as');
  const known = (id) => id && state.people.some((p) => p.id === id);
  let stored = null;
  try {
    stored = localStorage.getItem(USER_KEY);
  } catch {
    stored = null;
  }
  if (known(fromUrl)) return fromUrl;
  if (known(stored)) return stored;
  return (state.people.find((p) => p.coordinator) ?? state.people[0])?.id ?? null;
}

export async function signInAs(userId) {
  state.userId = userId;
  try {
    localStorage.setItem(USER_KEY, userId);
  } catch {
    // Private windows may refuse storage; the choice then lasts until the page reloads.
  }
  el.userSelect.value = userId;
  state.unread.clear();
  connectEvents();
  await loadChannels();
  const keep = state.channels.some((c) => c.id === state.channelId) ? state.channelId : null;
  await selectChannel(keep ?? preferredChannel()?.id ?? null, { focus: false });
  // Lets tests (and anyone curious) see whose view the page is showing once it has loaded.
  document.body.dataset.user = userId;
}
