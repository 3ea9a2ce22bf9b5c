/**
 * The open channel's messages: rendering each (author, time, tags, text, files, card),
 * adding or replacing one in place as it arrives, private replies, the pinned
 * bar, and what a card's button press sends and leads to.
 */
import { api } from './api.js';
import { renderCard, setCardBusy } from './cards.js';
import { loadChannels, renderChannels, selectChannel } from './channels.js';
import { openForm } from './dialog.js';
import { attempt, el, node } from './dom.js';
import { formatAt, formatFull } from './format.js';
import { state } from './state.js';

function isNearBottom() {
  const m = el.messages;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
}

function scrollToBottom() {
  el.messages.scrollTop = el.messages.scrollHeight;
}

export const version = (message) => message.updatedAt ?? message.at ?? '';

/** Oldest first; messages posted at the same instant keep the order they arrived in. */
function sortedMessages() {
  return [...state.messages.values()].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}

export function renderMessages() {
  el.messages.replaceChildren();
  const messages = sortedMessages();
  if (messages.length === 0) el.messages.append(node('li', 'messages-empty', 'No messages yet.'));
  for (const message of messages) el.messages.append(renderMessage(message));
  showPinned();
  scrollToBottom();
}

/** The channel's pinned card, summed up in one line above the stream, however far it has scrolled away. */
function showPinned() {
  const pinned = sortedMessages()
    .filter((m) => m.pinned)
    .at(-1);
  el.pinnedBar.hidden = !pinned;
  el.pinnedBar.dataset.messageId = pinned?.id ?? '';
  el.pinnedBarText.textContent = pinned ? (cardSummary(pinned.card) ?? pinned.text ?? '') : '';
}

/** A card in one line: its first three texts and its last (the incident card's reference, title, status, count). */
function cardSummary(card) {
  const texts = [];
  const walk = (items) => {
    for (const item of Array.isArray(items) ? items : []) {
      if (item?.type === 'TextBlock' && typeof item.text === 'string' && item.text.trim())
        texts.push(item.text.trim());
      walk(item?.items);
      for (const column of Array.isArray(item?.columns) ? item.columns : []) walk(column?.items);
    }
  };
  walk(card?.body);
  const picked = [...new Set([...texts.slice(0, 3), ...texts.slice(-1)])];
  // "SV-2027-0001" says nothing "SV-2027-0001: Gold group, Corby" does not.
  const kept = picked.filter((text) => !picked.some((other) => other !== text && other.includes(text)));
  return kept.length > 0 ? kept.join(' · ') : card?.fallbackText;
}

export function wireMessages() {
  el.pinnedBarShow.addEventListener('click', () => {
    const id = el.pinnedBar.dataset.messageId;
    const item = id && el.messages.querySelector(`li[data-message-id="${CSS.escape(id)}"]`);
    if (!item) return;
    item.scrollIntoView({ block: 'start' });
    item.focus();
  });
}

function renderMessage(message) {
  const item = node('li', 'message');
  item.dataset.messageId = message.id;
  item.tabIndex = -1;
  fillMessage(item, message);
  return item;
}

function fillMessage(item, message) {
  item.replaceChildren();
  item.classList.toggle('message-ephemeral', Boolean(message.ephemeralFor));
  item.classList.toggle('message-pinned', Boolean(message.pinned));
  item.classList.toggle('message-has-card', Boolean(message.card));

  const meta = node('p', 'message-meta');
  const author = message.author?.name ?? 'Muster';
  meta.append(node('span', 'message-author', author));
  const time = node('time', 'message-time', formatAt(message.at));
  time.dateTime = message.at ?? '';
  time.title = formatFull(message.at);
  meta.append(time);
  if (message.pinned) meta.append(node('span', 'tag tag-pinned', 'Pinned'));
  if (message.ephemeralFor) meta.append(node('span', 'tag tag-ephemeral', 'Only you can see this'));
  item.append(meta);

  if (message.text) item.append(node('p', 'message-text', message.text));
  if (Array.isArray(message.files) && message.files.length > 0) item.append(renderFiles(message.files));
  if (message.card) {
    const holder = renderCard(message.card, {
      onSubmit: (data) => void submitCardAction(message, holder, data),
    });
    item.append(holder);
  }
}

/** Download links; `as` says who asks, since a plain link cannot send the x-muster-user header. */
function renderFiles(files) {
  const list = node('ul', 'message-files');
  for (const file of files) {
    const link = node('a', 'message-file', file.title || file.filename);
    const params = new URLSearchParams({ id: file.id, as: state.userId ?? '' });
    link.href = `/console/files?${params}`;
    link.download = file.filename;
    link.title = `${file.filename} (${Math.max(1, Math.round(file.size / 1024))} KB)`;
    const item = node('li');
    item.append(link);
    list.append(item);
  }
  return list;
}

/** Adds or replaces one message of the open channel, re-rendering its card in place. */
export function upsertMessage(message) {
  if (!message?.id) return;
  if (message.ephemeralFor && message.ephemeralFor !== state.userId) return;
  const follow = isNearBottom();
  state.messages.set(message.id, message);
  const existing = el.messages.querySelector(`li[data-message-id="${CSS.escape(message.id)}"]`);
  if (message.pinned || el.pinnedBar.dataset.messageId === message.id) showPinned();
  if (existing) {
    const hadFocus = existing.contains(document.activeElement);
    fillMessage(existing, message);
    // The button pressed has gone (the card changed): keep the keyboard user where they were.
    if (hadFocus) existing.focus();
    return;
  }
  el.messages.querySelector('.messages-empty')?.remove();
  const item = renderMessage(message);
  const later = [...el.messages.children].find((li) => {
    const other = state.messages.get(li.dataset.messageId);
    return other && new Date(other.at).getTime() > new Date(message.at).getTime();
  });
  el.messages.insertBefore(item, later ?? null);
  if (follow || message.ephemeralFor) scrollToBottom();
}

/** A reply only this person sees: shown in the open channel (or the one it names). */
export function showReply(reply) {
  if (!reply) return;
  const message = {
    id: reply.id ?? `local-${Date.now()}-${Math.random().toString(16).slice(2)}`,
    channelId: reply.channelId ?? state.channelId,
    at: reply.at ?? state.session?.now ?? new Date().toISOString(),
    author: reply.author ?? { name: 'Muster' },
    ...reply,
    ephemeralFor: reply.ephemeralFor ?? state.userId,
  };
  if (message.channelId !== state.channelId) {
    state.unread.add(message.channelId);
    renderChannels();
    return;
  }
  upsertMessage(message);
}

async function submitCardAction(message, holder, data) {
  if (holder.getAttribute('aria-busy') === 'true') return;
  setCardBusy(holder, true);
  try {
    const result = await attempt(() =>
      api('/submit', { method: 'POST', body: { channelId: message.channelId ?? state.channelId, data } }),
    );
    if (!result) return;
    await handleSubmitResult(result, message.channelId ?? state.channelId);
  } finally {
    if (holder.isConnected) setCardBusy(holder, false);
  }
}

export async function handleSubmitResult(result, channelId) {
  if (result.form) {
    openForm(result.form, channelId, result.ok === false ? result.reply : undefined);
  }
  if (result.ok !== false && result.channelId && result.channelId !== state.channelId) {
    if (!state.channels.some((c) => c.id === result.channelId)) await loadChannels();
    await selectChannel(result.channelId, { focus: !result.form });
  }
  if (result.reply && !(result.ok === false && result.form)) showReply(result.reply);
}
