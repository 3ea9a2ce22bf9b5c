/**
 * The fixed facts the Slack end-to-end tests and the Slack bench share: the
 * signing secret, the clock's "now", the Slack users (whose emails match the
 * test directory's contacts, all but Nia's) and a valid notification form.
 * Free of vitest, so the bench can import it.
 */
import {
  datetime,
  type FakeUser,
  multiSelect,
  plainText,
  type StateValues,
  select,
  stateValues,
  userSelect,
} from '../../fakes/fake-slack/index.js';

export const SECRET = 'e2e-signing-secret';
/** Sat 28 Aug 2027 09:00 BST, the morning after the incident (DESIGN.md's worked example). */
export const NOW = '2027-08-28T09:00:00+01:00';
export const OCCURRED_AT = '2027-08-27T15:00:00+01:00';

export const USERS = {
  sio: { id: 'USIO', email: 'priya.patel@police.example', name: 'dci.patel', realName: 'DCI Priya Patel' },
  pat: { id: 'UPAT', email: 'pat@police.example', name: 'pat', realName: 'Pat Police' },
  cara: { id: 'UCARA', email: 'cara@csp.example', name: 'cara', realName: 'Cara CSP' },
  sam: { id: 'USAM', email: 'sam@school.example', name: 'sam', realName: 'Sam School' },
  outsider: { id: 'UOUT', email: 'someone@elsewhere.example', name: 'someone', realName: 'Someone Else' },
} satisfies Record<string, FakeUser>;

/** The notification form's answers as Slack sends them; `overrides` replace single fields. */
export function formValues(overrides: StateValues = {}): StateValues {
  return {
    ...stateValues({
      occurredAt: datetime(Date.parse(OCCURRED_AT) / 1000),
      area: select('corby'),
      location: plainText('Market Street'),
      category: select('gold-group'),
      description: plainText('A stabbing outside a takeaway.'),
      weapon: select('knife'),
      sio: userSelect(USERS.sio.id),
      reportedBy: userSelect(USERS.sio.id),
      knockOnAreas: multiSelect(['kettering']),
    }),
    ...overrides,
  };
}
