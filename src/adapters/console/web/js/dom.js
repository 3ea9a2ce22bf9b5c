/**
 * The page's elements by id (`el`), the one way new elements are made (`node`,
 * text set with textContent only, never as HTML), and the toast that shows a
 * problem (`showProblem`, `attempt`).
 */
import { ApiError } from './api.js';

export const $ = (id) => document.getElementById(id);
export const el = {
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
  composerSend: $('composer-send'),
  composerAttach: $('composer-attach'),
  composerFile: $('composer-file'),
  composerFiles: $('composer-files'),
  composerProgress: $('composer-progress'),
  composerArchived: $('composer-archived'),
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

export function node(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = String(text);
  return element;
}

let toastTimer;
export function showProblem(message) {
  el.toast.textContent = message;
  el.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.toast.hidden = true;
  }, 8000);
}

/** Runs an action, showing its failure instead of losing it. */
export async function attempt(work) {
  try {
    return await work();
  } catch (error) {
    showProblem(error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`);
    if (!(error instanceof ApiError)) console.error(error);
    return undefined;
  }
}

export function wireToast() {
  el.toast.addEventListener('click', () => {
    el.toast.hidden = true;
  });
}
