/**
 * The local console's page script: plain modern JavaScript, served as is (no
 * build step). It owns the page's state (who is signed in, the channels, the
 * messages of the open channel), talks to the console's JSON API with the
 * `x-muster-user` header, listens to its event stream, and renders every card
 * and form with the official Adaptive Cards renderer (global `AdaptiveCards`).
 * Text from the server is only ever set with textContent, never as HTML.
 * One file, in marked sections, because the page has no build step and the
 * server serves exactly this script beside the vendored renderer.
 */
const API = '/console/api';
const USER_KEY = 'muster.console.user';
const CHANNEL_KIND_ORDER = ['coordination', 'incident', 'direct'];

/** The page's palette, shared with app.css, so cards look like the page around them. */
const COLOURS = {
  text: '#1b2433',
  subtle: '#4f5b6d',
  accent: '#1d4f9c',
  good: '#17663a',
  warning: '#8a4b00',
  attention: '#b1251b',
  light: '#ffffff',
  surface: '#ffffff',
  emphasis: '#eef2f8',
  line: '#d3d9e3',
};
const FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif';

const state = {
  session: null,
  people: [],
  userId: null,
  channels: [],
  channelId: null,
  /** message id → message, for the open channel only. */
  messages: new Map(),
  unread: new Set(),
  events: null,
  /** The channel a dialog's form belongs to (the channel it was opened from). */
  dialogChannelId: null,
  busy: false,
};

const $ = (id) => document.getElementById(id);
const el = {
  partnership: $('partnership'),
  simNow: $('sim-now'),
  simCustom: $('sim-custom'),
  simAmount: $('sim-amount'),
  simUnit: $('sim-unit'),
  userSelect: $('user-select'),
  sidebar: $('sidebar'),
  sidebarToggle: $('sidebar-toggle'),
  sidebarCurrent: $('sidebar-current'),
  channelTitle: $('channel-title'),
  channelSubtitle: $('channel-subtitle'),
  messages: $('messages'),
  composer: $('composer'),
  composerInput: $('composer-input'),
  composerLabel: $('composer-label'),
  toast: $('toast'),
  dialog: $('form-dialog'),
  dialogTitle: $('form-dialog-title'),
  dialogBody: $('form-dialog-body'),
  dialogProblem: $('form-dialog-problem'),
  dialogClose: $('form-dialog-close'),
  pinnedBar: $('pinned-bar'),
  pinnedBarText: $('pinned-bar-text'),
  pinnedBarShow: $('pinned-bar-show'),
};

// ---------------------------------------------------------------- API

class ApiError extends Error {}

async function api(path, { method = 'GET', body } = {}) {
  const headers = { accept: 'application/json' };
  if (state.userId) headers['x-muster-user'] = state.userId;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('Muster is not answering. Is it still running?');
  }
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  // A refused form or an unknown command comes back as a normal answer (ok: false) and is shown where it belongs.
  if (!response.ok && !(payload && (payload.form || payload.reply))) {
    const message = payload?.message ?? payload?.error?.message ?? payload?.error;
    throw new ApiError(typeof message === 'string' ? message : `Muster answered ${response.status}.`);
  }
  return payload ?? {};
}

// ---------------------------------------------------------------- small helpers

function node(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

let toastTimer;
function showProblem(message) {
  el.toast.textContent = message;
  el.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.toast.hidden = true;
  }, 8000);
}

/** Runs an action, showing its failure instead of losing it. */
async function attempt(work) {
  try {
    return await work();
  } catch (error) {
    showProblem(error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`);
    if (!(error instanceof ApiError)) console.error(error);
    return undefined;
  }
}

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
function formatAt(iso) {
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

function formatFull(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone(),
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(date);
}

// ---------------------------------------------------------------- Adaptive Cards

function colour(value) {
  return { default: value, subtle: COLOURS.subtle };
}

function foreground() {
  return {
    default: { default: COLOURS.text, subtle: COLOURS.subtle },
    dark: { default: COLOURS.text, subtle: COLOURS.subtle },
    light: { default: COLOURS.light, subtle: COLOURS.light },
    accent: colour(COLOURS.accent),
    good: colour(COLOURS.good),
    warning: colour(COLOURS.warning),
    attention: colour(COLOURS.attention),
  };
}

let hostConfig;
function cardHostConfig() {
  hostConfig ??= new AdaptiveCards.HostConfig({
    fontFamily: FONT,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
    separator: { lineThickness: 1, lineColor: COLOURS.line },
    fontSizes: { small: 13, default: 15, medium: 17, large: 21, extraLarge: 26 },
    fontWeights: { lighter: 400, default: 400, bolder: 650 },
    containerStyles: {
      default: { backgroundColor: COLOURS.surface, foregroundColors: foreground() },
      emphasis: { backgroundColor: COLOURS.emphasis, foregroundColors: foreground() },
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      allowTitleToWrap: true,
      showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    },
    inputs: {
      label: {
        inputSpacing: 'small',
        requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
        optionalInputs: { weight: 'bolder' },
      },
      errorMessage: { color: 'attention', weight: 'bolder' },
    },
    factSet: {
      title: { weight: 'bolder', color: 'default', maxWidth: 160, wrap: true },
      value: { color: 'default', wrap: true },
      spacing: 12,
    },
  });
  return hostConfig;
}

/**
 * Renders Adaptive Card JSON. `onSubmit(data)` gets what an Action.Submit
 * posts (the inputs merged with the action's data); the renderer has already
 * checked required inputs and put its own message under each missing one.
 */
function renderCard(json, { onSubmit }) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = cardHostConfig();
  card.onExecuteAction = (action) => {
    if (action instanceof AdaptiveCards.SubmitAction || action instanceof AdaptiveCards.ExecuteAction) {
      onSubmit({ ...(action.data ?? {}) }, action);
    } else if (action instanceof AdaptiveCards.OpenUrlAction) {
      openUrl(action.url);
    }
  };
  card.parse(json);
  const rendered = card.render();
  const holder = node('div', 'card');
  if (rendered) holder.append(rendered);
  else holder.append(node('p', 'card-fallback', json?.fallbackText ?? 'This card cannot be shown.'));
  return holder;
}

/** A link to another console channel switches to it; anything else opens in a new tab. */
function openUrl(url) {
  if (!url) return;
  let target;
  try {
    target = new URL(url, location.href);
  } catch {
    return;
  }
  const channel =
    target.searchParams.get('channel') ??
    (target.hash.startsWith('#') ? decodeURIComponent(target.hash.slice(1)) : '');
  if (target.origin === location.origin && channel && state.channels.some((c) => c.id === channel)) {
    void selectChannel(channel);
    return;
  }
  if (target.protocol === 'http:' || target.protocol === 'https:')
    window.open(target.href, '_blank', 'noopener');
}

/**
 * Marks a card's buttons unavailable while its submission is on its way, so one press is one
 * request. aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
 */
function setCardBusy(holder, busy) {
  holder.setAttribute('aria-busy', String(busy));
  for (const button of holder.querySelectorAll('button')) {
    if (busy) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }
}

// ---------------------------------------------------------------- people

function agencyName(person) {
  return person.agency || 'Other';
}

function renderPeople() {
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

function chooseInitialUser() {
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

async function signInAs(userId) {
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

// ---------------------------------------------------------------- channels

function preferredChannel() {
  const fromHash = decodeURIComponent(location.hash.slice(1));
  return (
    state.channels.find((c) => c.id === fromHash) ??
    state.channels.find((c) => c.kind === 'incident') ??
    state.channels.find((c) => c.kind === 'coordination') ??
    state.channels[0]
  );
}

async function loadChannels() {
  const result = await api('/channels');
  state.channels = Array.isArray(result.channels) ? result.channels : [];
  renderChannels();
}

function channelLabel(channel) {
  if (channel.kind === 'direct') return channel.name;
  return `# ${channel.name}`;
}

function renderChannels() {
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
}

async function selectChannel(channelId, { focus = true } = {}) {
  state.channelId = channelId;
  document.body.dataset.channel = '';
  state.unread.delete(channelId);
  state.messages.clear();
  const channel = state.channels.find((c) => c.id === channelId);
  el.channelTitle.textContent = channel ? channelLabel(channel) : 'No channel';
  el.channelSubtitle.textContent = channel ? describeChannel(channel) : 'You are not in any channel yet.';
  el.composerLabel.textContent = channel ? `Message ${channelLabel(channel)}` : 'Message';
  el.composerInput.disabled = !channel;
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
    case 'incident':
      return channel.reference
        ? `Private incident channel · ${channel.reference}`
        : 'Private incident channel';
    default:
      return 'Direct messages with Muster';
  }
}

// ---------------------------------------------------------------- messages

function isNearBottom() {
  const m = el.messages;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
}

function scrollToBottom() {
  el.messages.scrollTop = el.messages.scrollHeight;
}

const version = (message) => message.updatedAt ?? message.at ?? '';

/** Oldest first; messages posted at the same instant keep the order they arrived in. */
function sortedMessages() {
  return [...state.messages.values()].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}

function renderMessages() {
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

el.pinnedBarShow.addEventListener('click', () => {
  const id = el.pinnedBar.dataset.messageId;
  const item = id && el.messages.querySelector(`li[data-message-id="${CSS.escape(id)}"]`);
  if (!item) return;
  item.scrollIntoView({ block: 'start' });
  item.focus();
});

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
  if (message.card) {
    const holder = renderCard(message.card, {
      onSubmit: (data) => void submitCardAction(message, holder, data),
    });
    item.append(holder);
  }
}

/** Adds or replaces one message of the open channel, re-rendering its card in place. */
function upsertMessage(message) {
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
function showReply(reply) {
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

async function handleSubmitResult(result, channelId) {
  if (result.form) {
    openForm(result.form, channelId, result.ok === false ? result.reply : undefined);
  }
  if (result.ok !== false && result.channelId && result.channelId !== state.channelId) {
    if (!state.channels.some((c) => c.id === result.channelId)) await loadChannels();
    await selectChannel(result.channelId, { focus: !result.form });
  }
  if (result.reply && !(result.ok === false && result.form)) showReply(result.reply);
}

// ---------------------------------------------------------------- composer

async function send(text) {
  const channelId = state.channelId;
  const result = await api('/command', { method: 'POST', body: { channelId, text } });
  if (result.form) openForm(result.form, channelId);
  if (result.reply) {
    // A plain message comes back as itself (and again on the event stream); a command's answer is private.
    if (result.reply.ephemeralFor || text.startsWith('/')) showReply(result.reply);
    else upsertMessage(result.reply);
  }
}

el.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = el.composerInput.value.trim();
  if (!text || !state.channelId) return;
  el.composerInput.value = '';
  void attempt(async () => {
    try {
      await send(text);
    } catch (error) {
      // Give the words back so nothing typed is lost.
      if (!el.composerInput.value) el.composerInput.value = text;
      throw error;
    }
  });
});

// ---------------------------------------------------------------- dialog

/** Shows a form card in the modal dialog; its first heading becomes the dialog's title. */
function openForm(form, channelId, problem) {
  const card = structuredClone(form.card ?? form);
  const first = Array.isArray(card.body) ? card.body[0] : undefined;
  if (first?.type === 'TextBlock' && typeof first.text === 'string' && first.size === 'Large') {
    el.dialogTitle.textContent = first.text;
    card.body.shift();
  } else {
    el.dialogTitle.textContent = 'Form';
  }
  state.dialogChannelId = channelId ?? state.channelId;
  el.dialogProblem.textContent = problem?.text ?? '';
  const holder = renderCard(card, {
    onSubmit: (data) => void submitForm(holder, data),
  });
  el.dialogBody.replaceChildren(holder);
  if (!el.dialog.open) el.dialog.showModal();
  // After a refused submission, start at the first field the server marked; otherwise at the first field.
  const target =
    (problem || hasFieldErrors(card) ? firstErrorInput(holder) : null) ??
    holder.querySelector('input, select, textarea, button');
  (target ?? el.dialogClose).focus();
}

function hasFieldErrors(card) {
  return JSON.stringify(card).includes('"color":"Attention"');
}

/** The input just above the first attention-coloured text the card shows. */
function firstErrorInput(holder) {
  const colour = toRgb(COLOURS.attention);
  for (const text of holder.querySelectorAll('.ac-textBlock')) {
    if (getComputedStyle(text).color !== colour) continue;
    const field = text.closest('.ac-container');
    const input = field?.querySelector('input, select, textarea');
    if (input) return input;
  }
  return null;
}

function toRgb(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function submitForm(holder, data) {
  if (holder.getAttribute('aria-busy') === 'true') return;
  setCardBusy(holder, true);
  el.dialogProblem.textContent = '';
  const channelId = state.dialogChannelId ?? state.channelId;
  try {
    const result = await attempt(() => api('/submit', { method: 'POST', body: { channelId, data } }));
    if (!result) return;
    if (result.ok === false) {
      if (result.form) openForm(result.form, channelId, result.reply);
      else
        el.dialogProblem.textContent =
          result.reply?.text ?? 'Muster could not accept the form. Check it and try again.';
      return;
    }
    el.dialog.close();
    await handleSubmitResult(result, channelId);
  } finally {
    if (holder.isConnected) setCardBusy(holder, false);
  }
}

el.toast.addEventListener('click', () => {
  el.toast.hidden = true;
});
el.dialogClose.addEventListener('click', () => el.dialog.close());
el.dialog.addEventListener('close', () => {
  el.dialogBody.replaceChildren();
  el.dialogProblem.textContent = '';
  el.composerInput.focus();
});
// A click on the backdrop (outside the dialog's box) closes it too.
el.dialog.addEventListener('click', (event) => {
  if (event.target !== el.dialog) return;
  const box = el.dialog.getBoundingClientRect();
  const inside =
    event.clientX >= box.left &&
    event.clientX <= box.right &&
    event.clientY >= box.top &&
    event.clientY <= box.bottom;
  if (!inside) el.dialog.close();
});

// ---------------------------------------------------------------- simulated time

function showClock({ now, nowText }) {
  if (!state.session) return;
  if (nowText) el.simNow.textContent = nowText;
  if (!now || now === state.session.now) return;
  state.session.now = now;
  el.simNow.dateTime = now;
  // "14:05" meant today; after a jump it may be another day, so every time shown is written again.
  for (const time of el.messages.querySelectorAll('time.message-time')) {
    time.textContent = formatAt(time.dateTime);
  }
}

async function moveClock(body, button) {
  if (state.busy) return;
  state.busy = true;
  const buttons = document.querySelectorAll('.simulation button');
  for (const b of buttons) b.disabled = true;
  try {
    const result = await attempt(() => api('/clock', { method: 'POST', body }));
    if (result) showClock(result);
  } finally {
    for (const b of buttons) b.disabled = false;
    state.busy = false;
    button?.focus();
  }
}

for (const button of document.querySelectorAll('.simulation-buttons button')) {
  button.addEventListener('click', () => {
    const body = button.dataset.hours
      ? { hours: Number(button.dataset.hours) }
      : { workingDays: Number(button.dataset.workingDays) };
    void moveClock(body, button);
  });
}

el.simCustom.addEventListener('submit', (event) => {
  event.preventDefault();
  const amount = Number(el.simAmount.value);
  if (!Number.isInteger(amount) || amount < 1) {
    showProblem('Give a whole number of hours or working days, 1 or more.');
    el.simAmount.focus();
    return;
  }
  void moveClock({ [el.simUnit.value]: amount }, el.simCustom.querySelector('button'));
});

// ---------------------------------------------------------------- events

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

function connectEvents() {
  state.events?.close();
  document.body.dataset.live = '';
  if (!state.userId) return;
  const source = new EventSource(`${API}/events?as=${encodeURIComponent(state.userId)}`);
  state.events = source;
  source.addEventListener('message', (event) => {
    const payload = parse(event);
    const message = payload?.message ?? payload;
    if (!message?.id) return;
    if (message.channelId === state.channelId) {
      upsertMessage(message);
    } else if (message.channelId) {
      if (message.ephemeralFor && message.ephemeralFor !== state.userId) return;
      state.unread.add(message.channelId);
      if (!state.channels.some((c) => c.id === message.channelId)) void attempt(loadChannels);
      else renderChannels();
    }
  });
  source.addEventListener('channel', () => void attempt(loadChannels));
  source.addEventListener('clock', (event) => {
    const payload = parse(event);
    if (payload) showClock(payload);
  });
  let dropped = false;
  source.addEventListener('open', () => {
    document.body.classList.remove('offline');
    document.body.dataset.live = state.userId;
    // Back after a drop (Muster restarted, the network blinked): catch up on what was missed.
    if (dropped && state.events === source) {
      dropped = false;
      void attempt(async () => {
        await loadChannels();
        await selectChannel(state.channelId, { focus: false });
      });
    }
  });
  source.addEventListener('error', () => {
    dropped = true;
    document.body.classList.add('offline');
    document.body.dataset.live = '';
  });
}

// ---------------------------------------------------------------- layout

function closeSidebar() {
  el.sidebar.classList.remove('open');
  el.sidebarToggle.setAttribute('aria-expanded', 'false');
}

el.sidebarToggle.addEventListener('click', () => {
  const open = !el.sidebar.classList.contains('open');
  el.sidebar.classList.toggle('open', open);
  el.sidebarToggle.setAttribute('aria-expanded', String(open));
  if (open) el.sidebar.querySelector('.channel-button')?.focus();
});

el.sidebar.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && el.sidebar.classList.contains('open')) {
    closeSidebar();
    el.sidebarToggle.focus();
  }
});

el.userSelect.addEventListener('change', () => {
  const id = el.userSelect.value;
  if (id && id !== state.userId) void attempt(() => signInAs(id));
});

// ---------------------------------------------------------------- start

async function start() {
  if (typeof AdaptiveCards === 'undefined') {
    showProblem('The card renderer did not load (/console/vendor/adaptivecards.js). Reload the page.');
    return;
  }
  // One tab stop per control, not an extra one for every card.
  AdaptiveCards.GlobalSettings.setTabIndexAtCardRoot = false;
  // Card text stays plain text (set as text, never parsed as HTML); saying so stops the renderer's warning.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (_text, result) => {
    result.didProcess = false;
  };
  const session = await api('/session');
  state.session = session;
  state.people = Array.isArray(session.people) ? session.people : [];
  el.partnership.textContent = session.partnership ?? 'Local console';
  document.title = `Muster console · ${session.partnership ?? 'local'}`;
  showClock(session);
  state.userId = chooseInitialUser();
  renderPeople();
  if (!state.userId) {
    showProblem('The directory has no contacts, so nobody can sign in.');
    return;
  }
  await signInAs(state.userId);
}

void attempt(start);
