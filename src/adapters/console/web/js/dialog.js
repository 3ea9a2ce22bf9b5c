/**
 * The form dialog: shows a form card modally (its first large heading as the
 * title), submits it, shows a refusal where the person is, and closes.
 */
import { api } from './api.js';
import { COLOURS, renderCard, setCardBusy } from './cards.js';
import { attempt, el } from './dom.js';
import { handleSubmitResult } from './messages.js';
import { state } from './state.js';

/** Shows a form card in the modal dialog; its first heading becomes the dialog's title. */
export function openForm(form, channelId, problem) {
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

export function wireDialog() {
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
}
