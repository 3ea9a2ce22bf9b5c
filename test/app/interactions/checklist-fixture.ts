/**
 * What the checklist tests share: an incident opened and announced on a
 * RecordingPlatform (so it has a space to post the checklist in), deps as
 * the adapters pass them, and ways to press a button or submit a form as a
 * member of the space.
 */
import { announceIncident } from '../../../src/app/announce-incident.js';
import { actionValue } from '../../../src/app/cards/action-value.js';
import type { ChecklistCard } from '../../../src/app/cards/card-model.js';
import type { CommandDeps } from '../../../src/app/commands/command-outcome.js';
import { submitRegisteredForm } from '../../../src/app/forms/form-registry.js';
import { type IncidentCardVerb, pressCardButton } from '../../../src/app/interactions/press-card-button.js';
import { openIncident } from '../../../src/app/open-incident.js';
import type { Actor } from '../../../src/core/actor.js';
import type { Store } from '../../../src/ports.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, SIO, testDeps, validForm } from '../harness.js';

export const REF = 'SV-2027-0001';
/** Thu 2 Sep 2027 10:02 BST: the meeting starts. */
export const MEETING_AT = '2027-09-02T10:02:00+01:00';
export const NIA: Actor = { id: 'recording:nia', name: 'Nia NHFT', contactId: 'nia-nhft' };
export const member = { contactId: 'nia-nhft', isSpaceMember: true };
export const outsider = { contactId: 'sam-school', isSpaceMember: false };

/** People a `user` field can name, by the platform id the form sends. */
export const PEOPLE: Record<string, Actor> = { U_NIA: NIA, U_SIO: SIO, U_CARA: COORDINATOR };

export type Deps = CommandDeps & ReturnType<typeof testDeps> & { platform: RecordingPlatform };

export async function announcedIncident(store: Store): Promise<Deps> {
  const platform = new RecordingPlatform();
  const deps = { ...testDeps(store), platform };
  await openIncident(deps, validForm());
  await announceIncident(deps, REF);
  deps.clock.set(MEETING_AT);
  return deps;
}

export function press(
  deps: Deps,
  verb: IncidentCardVerb,
  value: Record<string, string>,
  options: { by?: Actor; requester?: typeof member } = {},
) {
  return pressCardButton(deps, {
    verb,
    value: actionValue({ reference: REF, ...value }),
    by: options.by ?? NIA,
    requester: options.requester ?? member,
    platform: deps.platform.name,
  });
}

export function submit(
  deps: Deps,
  formId: string,
  context: Record<string, string>,
  values: Record<string, string | undefined>,
  by: Actor = NIA,
) {
  return submitRegisteredForm(deps, {
    submission: { formId, context: { reference: REF, ...context }, values },
    by,
    requester: member,
    resolveUser: async (value) => PEOPLE[value],
  });
}

/** The checklist card as last posted or updated. */
export function lastChecklist(deps: Deps): ChecklistCard {
  const entry = deps.platform.cardHistory.filter((h) => h.card.kind === 'checklist').at(-1);
  if (!entry) throw new Error('no checklist card was posted');
  return entry.card as ChecklistCard;
}

export function checklistItem(card: ChecklistCard, sectionId: string, itemId: string) {
  const item = card.sections.find((s) => s.id === sectionId)?.items.find((i) => i.itemId === itemId);
  if (!item) throw new Error(`no item ${sectionId}/${itemId} on the card`);
  return item;
}
