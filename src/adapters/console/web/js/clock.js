/**
 * Simulated time: shows the simulated "now" and moves it forward by the
 * buttons or by any amount of hours or working days.
 */
import { api } from './api.js';
import { attempt, el, showProblem } from './dom.js';
import { formatAt } from './format.js';
import { state } from './state.js';

export function showClock({ now, nowText }) {
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

export function wireClock() {
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
}
