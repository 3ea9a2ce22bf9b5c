import { beforeEach, describe, expect, it } from 'vitest';
import { actionValue } from '../../../src/app/cards/action-value.js';
import { pressCardButton } from '../../../src/app/interactions/press-card-button.js';
import { openIncident } from '../../../src/app/open-incident.js';
import { ErrorCode, isMusterError } from '../../../src/core/errors.js';
import { InMemoryStore } from '../../fakes/in-memory-store.js';
import { RecordingPlatform } from '../../fakes/recording-platform.js';
import { COORDINATOR, testDeps, validForm } from '../harness.js';

const REF = 'SV-2027-0001';
const NIA = { id: 'console:nia-nhft', name: 'Nia NHFT', contactId: 'nia-nhft' };
const member = { contactId: 'nia-nhft', isSpaceMember: true };
const outsider = { contactId: 'nia-nhft', isSpaceMember: false };

let store: InMemoryStore;
let deps: ReturnType<typeof testDeps> & { platform: RecordingPlatform };

beforeEach(async () => {
  store = new InMemoryStore();
  deps = { ...testDeps(store), platform: new RecordingPlatform() };
  await openIncident(deps, validForm());
});

const press = (verb: Parameters<typeof pressCardButton>[1]['verb'], value: object, requester = member) =>
  pressCardButton(deps, {
    verb,
    value: actionValue({ reference: REF, ...value }),
    by: NIA,
    requester,
    platform: 'console',
  });

describe('pressCardButton', () => {
  it('refuses someone outside the space who is not a coordinator, changing nothing but the audit', async () => {
    const before = await store.getIncident(REF);
    const eventsBefore = await store.listEvents(REF);
    for (const verb of ['acknowledge', 'mark-done', 'snooze', 'record-meeting'] as const) {
      const outcome = await press(
        verb,
        { agencyId: 'nhft', milestoneId: 'minutes-initial', meetingKind: 'initial' },
        outsider,
      );
      expect(outcome).toMatchObject({ reference: REF, refused: true, refreshCard: false });
      expect(outcome.message).toMatch(/Only members of SV-2027-0001's channel and CSP coordinators/);
      expect(outcome.form).toBeUndefined();
    }
    expect(await store.getIncident(REF)).toEqual(before);
    const after = await store.listEvents(REF);
    expect(after.slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(after.slice(eventsBefore.length).map((e) => [e.type, e.data?.asked])).toEqual([
      ['access.refused', 'press acknowledge'],
      ['access.refused', 'press mark-done'],
      ['access.refused', 'press snooze'],
      ['access.refused', 'press record-meeting'],
    ]);
  });

  it('lets a coordinator act from outside the space without asking about membership', async () => {
    let asked = false;
    const outcome = await pressCardButton(deps, {
      verb: 'acknowledge',
      value: actionValue({ reference: REF, agencyId: 'nhft' }),
      by: COORDINATOR,
      requester: {
        contactId: 'cara-csp',
        isSpaceMember: () => {
          asked = true;
          return false;
        },
      },
      platform: 'console',
    });
    expect(outcome.refused).toBeUndefined();
    expect(asked).toBe(false);
  });

  it('acknowledges for the agency on the button and asks for the card to be refreshed once', async () => {
    const first = await press('acknowledge', { agencyId: 'nhft' });
    expect(first.refreshCard).toBe(true);
    const incident = await store.getIncident(REF);
    expect(incident?.acknowledgements.some((a) => a.agencyId === 'nhft')).toBe(true);
    const again = await press('acknowledge', { agencyId: 'nhft' });
    expect(again.refreshCard).toBe(false);
    expect(again.message).not.toBe(first.message);
  });

  it('marks the milestone done, and says so without a refresh when it already was', async () => {
    const first = await press('mark-done', { milestoneId: 'minutes-initial' });
    expect(first).toMatchObject({ message: `Marked done for ${REF}. Thank you.`, refreshCard: true });
    expect((await store.getIncident(REF))?.completions['minutes-initial']?.by).toEqual(NIA);
    const again = await press('mark-done', { milestoneId: 'minutes-initial' });
    expect(again.refreshCard).toBe(false);
    expect(again.message).toBe(
      'That was already marked done (Nia NHFT, Sat 28 Aug 2027 09:00 BST); nothing changed.',
    );
  });

  it('snoozes the reminder and leaves the card alone', async () => {
    const outcome = await press('snooze', {
      milestoneId: 'initial-meeting',
      reminderKey: 'initial-meeting:before-48h',
    });
    expect(outcome).toMatchObject({ refreshCard: false });
    expect(outcome.message).toMatch(/^Snoozed: you will be reminded again/);
    expect((await store.listEvents(REF)).at(-1)).toMatchObject({ type: 'reminder.snoozed' });
  });

  it('returns the record-meeting form, preset from the button, and stores nothing', async () => {
    const eventsBefore = await store.listEvents(REF);
    const outcome = await press('record-meeting', { meetingKind: 'review' });
    expect(outcome.form?.context).toMatchObject({ reference: REF });
    expect(JSON.stringify(outcome.form)).toContain('review');
    expect(outcome.message).toBeUndefined();
    expect(await store.listEvents(REF)).toEqual(eventsBefore);
  });

  it('returns the incident card for Open', async () => {
    const outcome = await press('open-incident', {});
    expect(outcome.card).toMatchObject({ kind: 'incident', reference: REF });
  });

  it('refuses a button that names no milestone, changing nothing', async () => {
    const before = await store.getIncident(REF);
    await expect(press('mark-done', {})).rejects.toSatisfy((e) => isMusterError(e, ErrorCode.InvalidInput));
    expect(await store.getIncident(REF)).toEqual(before);
  });

  it('says the incident does not exist for an unknown reference', async () => {
    await expect(
      pressCardButton(deps, {
        verb: 'acknowledge',
        value: actionValue({ reference: 'SV-2027-0999', agencyId: 'nhft' }),
        by: NIA,
        requester: member,
        platform: 'console',
      }),
    ).rejects.toThrow(
      'There is no incident SV-2027-0999. Check the reference: /incident list shows the open ones.',
    );
  });
});
