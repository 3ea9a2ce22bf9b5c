/**
 * The live event stream (EventSource): new and changed messages, new channels,
 * clock moves, and catching up after the connection drops.
 */
import { API } from './api.js';
import { loadChannels, renderChannels, selectChannel } from './channels.js';
import { showClock } from './clock.js';
import { attempt } from './dom.js';
import { upsertMessage } from './messages.js';
import { state } from './state.js';

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

export function connectEvents() {
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
