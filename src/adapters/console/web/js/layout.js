/**
 * Layout: the sidebar's open/close toggle on narrow screens (Escape closes it)
 * and the "Signed in as" switch.
 */
import { attempt, el } from './dom.js';
import { signInAs } from './people.js';
import { state } from './state.js';

export function closeSidebar() {
  el.sidebar.classList.remove('open');
  el.sidebarToggle.setAttribute('aria-expanded', 'false');
}

export function wireLayout() {
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
}
