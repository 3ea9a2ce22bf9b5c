/**
 * The local console's page script, the entry module: wires the page's controls
 * and starts it (loads the session, chooses who is signed in, opens a channel).
 * Plain modern JavaScript served as is (no build step): the parts are native ES
 * modules under /console/js/, one per concern, sharing state through state.js.
 * The official Adaptive Cards renderer (global `AdaptiveCards`) is a classic
 * script loaded before this module. Text from the server is only ever set with
 * textContent, never as HTML.
 */
import { api } from '/console/js/api.js';
import { wireAttachments } from '/console/js/attachments.js';
import { showClock, wireClock } from '/console/js/clock.js';
import { wireComposer } from '/console/js/composer.js';
import { wireDialog } from '/console/js/dialog.js';
import { attempt, el, showProblem, wireToast } from '/console/js/dom.js';
import { wireLayout } from '/console/js/layout.js';
import { wireMessages } from '/console/js/messages.js';
import { chooseInitialUser, renderPeople, signInAs } from '/console/js/people.js';
import { state } from '/console/js/state.js';

wireMessages();
wireComposer();
wireAttachments();
wireToast();
wireDialog();
wireClock();
wireLayout();

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
