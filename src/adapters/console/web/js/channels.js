/**
 * Channels: the sidebar's lists by kind with unread dots, loading them, and
 * opening one (its title, the composer's label, the URL hash and its messages).
 * An archived channel (its incident closed) stays readable with the composer
 * switched off, and comes back to life as soon as the incident is reopened.
 */
import { api } from './api.js';
import { $, attempt, el, node } from './dom.js';
import { closeSidebar } from './layout.js';
import { renderMessages, version } from './messages.js';
import { state } from './state.js';

const CHANNEL_KIND_ORDER = ['coordination', 'incident', 'direct'];

export function preferredChannel() {
  const fromHash = decodeURIComponent(location.hash.slice(1));
  return (
    state.channels.find((c) => c.id === fromHash) ??
    state.channels.find((c) => c.kind === 'incident') ??
    state.channels.find((c) => c.kind === 'coordination') ??
    state.channels[0]
  );
}

export async function loadChannels() {
  const result = await api('/channels');
  state.channels = Array.isArray(result.channels) ? result.channels : [];
  renderChannels();
}

function channelLabel(channel) {
  if (channel.kind === 'direct') return channel.name;
  return `# ${channel.name}`;
}

export function renderChannels() {
  for (const kind of CHANNEL_KIND_ORDER) {
    const list = $(`channels-${kind}`);
    list.replaceChildren();
    const channels = state.channels.filter(
      (c) => (CHANNEL_KIND_ORDER.includes(c.kind) ? c.kind : 'direct') === kind,
    );
    if (channels.length === 0) {
      list.append(node('li', 'channel-empty', kind === 'incident' ? 'No incidents yet' : 'None'));
      continue;
    }
    for (const channel of channels) {
      const item = node('li');
      const button = node('button', 'channel-button');
      button.type = 'button';
      button.dataset.channelId = channel.id;
      button.append(node('span', 'channel-button-name', channelLabel(channel)));
      if (channel.reference && !channel.name.toLowerCase().includes(channel.reference.toLowerCase())) {
        button.append(node('span', 'channel-button-reference', channel.reference));
      }
      if (channel.archived) button.append(node('span', 'tag tag-archived', 'archived'));
      if (state.unread.has(channel.id)) {
        const badge = node('span', 'unread-dot');
        badge.append(node('span', 'visually-hidden', ', new messages'));
        button.append(badge);
      }
      if (channel.id === state.channelId) button.setAttribute('aria-current', 'page');
      button.addEventListener('click', () => void attempt(() => selectChannel(channel.id)));
      item.append(button);
      list.append(item);
    }
  }
  const current = state.channels.find((c) => c.id === state.channelId);
  el.sidebarCurrent.textContent = current ? channelLabel(current) : '';
  // A channel archived or brought back while open (over the event stream) changes its composer at once.
  if (current) showChannelState(current);
}

/** The subtitle and the composer as the channel's state allows: nothing can be posted in an archived one. */
function showChannelState(channel) {
  const archived = Boolean(channel?.archived);
  el.channelSubtitle.textContent = channel ? describeChannel(channel) : 'You are not in any channel yet.';
  el.composerInput.disabled = !channel || archived;
  el.composerSend.disabled = !channel || archived;
  el.composerAttach.disabled = !channel || archived;
  el.composerInput.placeholder = archived
    ? 'Archived: read only'
    : 'Write a message or a command such as /incident';
  el.composer.classList.toggle('composer-is-archived', archived);
  el.composerArchived.hidden = !archived;
  const reference = channel?.reference ?? 'its incident';
  el.composerArchived.textContent = archived
    ? `This channel is archived because ${reference} is closed. Its history stays here to read. To work on it again, type /incident reopen ${reference} in another channel.`
    : '';
}

export async function selectChannel(channelId, { focus = true } = {}) {
  state.channelId = channelId;
  document.body.dataset.channel = '';
  state.unread.delete(channelId);
  state.messages.clear();
  const channel = state.channels.find((c) => c.id === channelId);
  el.channelTitle.textContent = channel ? channelLabel(channel) : 'No channel';
  el.composerLabel.textContent = channel ? `Message ${channelLabel(channel)}` : 'Message';
  showChannelState(channel);
  if (channel && location.hash.slice(1) !== channel.id) history.replaceState(null, '', `#${channel.id}`);
  renderChannels();
  closeSidebar();
  el.messages.setAttribute('aria-busy', 'true');
  el.messages.replaceChildren();
  el.pinnedBar.hidden = true;
  if (channel) {
    const result = await api(`/messages?channel=${encodeURIComponent(channel.id)}`);
    // The person may have switched again while this was loading.
    if (state.channelId !== channelId) return;
    // A message the event stream delivered while this loaded may be newer than the list's copy.
    for (const message of result.messages ?? []) {
      const live = state.messages.get(message.id);
      if (!live || version(message) >= version(live)) state.messages.set(message.id, message);
    }
    renderMessages();
  } else {
    el.messages.append(node('li', 'messages-empty', 'Choose a channel.'));
  }
  el.messages.setAttribute('aria-busy', 'false');
  document.body.dataset.channel = channelId ?? '';
  if (focus) el.composerInput.focus();
}

function describeChannel(channel) {
  switch (channel.kind) {
    case 'coordination':
      return 'The partnership’s coordination channel';
    case 'incident': {
      const kind = channel.archived ? 'Archived incident channel, read only' : 'Private incident channel';
      return channel.reference ? `${kind} · ${channel.reference}` : kind;
    }
    default:
      return 'Direct messages with Muster';
  }
}
