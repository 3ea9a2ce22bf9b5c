/**
 * The composer: sends a message or a command to the open channel, with the
 * files attached to it (attachments.js), and gives the words and the files
 * back if it could not be sent.
 */
import { api } from './api.js';
import { attachedFiles, clearAttachments, encodeFiles, showUploading } from './attachments.js';
import { openForm } from './dialog.js';
import { attempt, el } from './dom.js';
import { showReply, upsertMessage } from './messages.js';
import { state } from './state.js';

async function send(text, files) {
  const channelId = state.channelId;
  const body = { channelId, text };
  if (files.length > 0) body.files = await encodeFiles(files);
  const result = await api('/command', { method: 'POST', body });
  if (result.form) openForm(result.form, channelId);
  if (result.reply) {
    // A plain message comes back as itself (and again on the event stream); a command's answer is private.
    if (result.reply.ephemeralFor || text.startsWith('/')) showReply(result.reply);
    else upsertMessage(result.reply);
  }
}

/** Sending files takes a moment: one send at a time, the buttons off and the progress said meanwhile. */
async function sendWithFiles(text, files) {
  const done = showUploading(text, files);
  el.composerSend.disabled = true;
  el.composerAttach.disabled = true;
  try {
    await send(text, files);
  } finally {
    done();
    // Unless the channel was archived meanwhile, which switched the whole composer off.
    el.composerSend.disabled = el.composerInput.disabled;
    el.composerAttach.disabled = el.composerInput.disabled;
  }
}

export function wireComposer() {
  el.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = el.composerInput.value.trim();
    if (!text || !state.channelId || el.composer.getAttribute('aria-busy') === 'true') return;
    const files = attachedFiles();
    el.composerInput.value = '';
    void attempt(async () => {
      try {
        if (files.length > 0) await sendWithFiles(text, files);
        else await send(text, files);
        // Muster has answered (an import refused for a bad row included): the files went with that command.
        if (files.length > 0) clearAttachments();
      } catch (error) {
        // Give the words back so nothing typed is lost; the files are still attached.
        if (!el.composerInput.value) el.composerInput.value = text;
        throw error;
      }
    });
  });
}
