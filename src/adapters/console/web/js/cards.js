/**
 * Adaptive Cards: the host config that matches the page's palette, rendering a
 * card with the official renderer (global `AdaptiveCards`, loaded before the
 * modules), following a card's links, and marking a card busy while it submits.
 */
import { selectChannel } from './channels.js';
import { node } from './dom.js';
import { state } from './state.js';

/** The page's palette, shared with app.css, so cards look like the page around them. */
export const COLOURS = {
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
export function renderCard(json, { onSubmit }) {
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
export function setCardBusy(holder, busy) {
  holder.setAttribute('aria-busy', String(busy));
  for (const button of holder.querySelectorAll('button')) {
    if (busy) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
  }
}
