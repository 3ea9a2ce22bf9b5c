/**
 * The composer: sends a message or a command to the open channel, and gives
 * the words back if it could not be sent.
 */
import { api } from './api.js';
import { openForm } from './dialog.js';
import { attempt, el } from './dom.js';
import { showReply, upsertMessage } from './messages.js';
import { state } from './state.js';

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

export function wireComposer() {
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
}
