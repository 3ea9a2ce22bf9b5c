/**
 * Files to send with the next command (the plan's spreadsheet for
 * `/plan import`): the paperclip button and its file picker, the chosen files
 * as removable chips above the message box, reading them as base64 for the
 * request, and the progress line while they upload. Which commands take files
 * is the server's to say; it answers anything else plainly.
 */
import { el, node } from './dom.js';

/** The files chosen so far, in the order they were picked. */
let chosen = [];

const sameFile = (a, b) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

export function attachedFiles() {
  return [...chosen];
}

export function clearAttachments() {
  chosen = [];
  renderChips();
}

function renderChips() {
  el.composerFiles.replaceChildren();
  el.composerFiles.hidden = chosen.length === 0;
  for (const file of chosen) {
    const chip = node('li', 'file-chip');
    chip.append(node('span', 'file-chip-name', file.name));
    const remove = node('button', 'file-chip-remove');
    remove.type = 'button';
    remove.setAttribute('aria-label', `Remove ${file.name}`);
    remove.title = `Remove ${file.name}`;
    remove.append(node('span', undefined, '×'));
    remove.firstChild.setAttribute('aria-hidden', 'true');
    remove.addEventListener('click', () => removeFile(file));
    chip.append(remove);
    el.composerFiles.append(chip);
  }
}

/** Removes one file, keeping the keyboard on the next chip (or the paperclip when none is left). */
function removeFile(file) {
  const index = chosen.indexOf(file);
  chosen = chosen.filter((f) => f !== file);
  renderChips();
  const buttons = el.composerFiles.querySelectorAll('.file-chip-remove');
  (buttons[Math.min(index, buttons.length - 1)] ?? el.composerAttach).focus();
}

/** The request's `files`: each file's name and its bytes as standard base64. */
export function encodeFiles(files) {
  return Promise.all(
    files.map(async (file) => ({ filename: file.name, contentBase64: await base64Of(file) })),
  );
}

function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // "data:<type>;base64,<bytes>"; an empty file may come back as a bare "data:".
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma < 0 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read; choose it again`));
    reader.readAsDataURL(file);
  });
}

/** "Importing a.csv and b.xlsx…" while the command and its files are on their way; returns the line's end. */
export function showUploading(text, files) {
  const names = files.map((f) => f.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  const doing = /^\/plan\s+import\b/i.test(text) ? 'Importing' : 'Sending';
  el.composerProgress.textContent = `${doing} ${list}…`;
  el.composerProgress.hidden = false;
  el.composer.setAttribute('aria-busy', 'true');
  return () => {
    el.composerProgress.hidden = true;
    el.composerProgress.textContent = '';
    el.composer.removeAttribute('aria-busy');
  };
}

export function wireAttachments() {
  el.composerAttach.addEventListener('click', () => el.composerFile.click());
  el.composerFile.addEventListener('change', () => {
    const picked = [...(el.composerFile.files ?? [])];
    chosen = [...chosen, ...picked.filter((file) => !chosen.some((c) => sameFile(c, file)))];
    // Cleared, so picking the same file again after removing it still fires a change.
    el.composerFile.value = '';
    renderChips();
    // Files go with one command only, so an empty message box is started with it.
    if (chosen.length > 0 && !el.composerInput.value.trim()) el.composerInput.value = '/plan import ';
    el.composerInput.focus();
  });
}
