/**
 * Promote to plan in the console (issue 9): the coordinator's `/incident
 * actions` card has a Promote to plan button per row; pressing it answers
 * with the promote-to-plan form in the dialog (or says there is no plan
 * yet), and submitting the form copies the action into the strategic plan
 * with the link kept both ways. A member who is not a coordinator sees no
 * such button, and pressing one anyway is refused with nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlan } from '../../../src/app/plans/import-plan.js';
import { COORDINATOR_REQUEST, fixture } from '../../app/plans/plan-fixtures.js';
import { buttons, type ConsoleHarness, reportIncident, startConsole, submitData } from './console-harness.js';

const COMMAND = '/console/api/command';
const SUBMIT = '/console/api/submit';
const CHANNEL = 'sv-2027-0001-corby';
const REFERENCE = 'SV-2027-0001';

describe('console API: promote to plan', () => {
  let h: ConsoleHarness;

  const command = (text: string, as: string) => h.post(COMMAND, { channelId: CHANNEL, text }, as);
  const press = (data: unknown, as: string) => h.post(SUBMIT, { channelId: CHANNEL, data }, as);

  async function promoteButton(as: string) {
    const list = await command('/incident actions', as);
    expect(list.body.reply.cardKind).toBe('action-list');
    return buttons(list.body.reply.card).find((b) => b.verb === 'promote-to-plan');
  }

  beforeEach(async () => {
    h = await startConsole();
    await reportIncident(h);
    const opened = await command('/incident action add', 'pat-police');
    const added = await press(
      {
        ...submitData(opened.body.form.card),
        priority: '2',
        priorityTitle: 'Community reassurance',
        description: 'High-visibility patrols around Market Street',
        leadAgency: 'police',
        owner: 'pat-police',
        rag: 'red',
      },
      'pat-police',
    );
    expect(added.body.ok).toBe(true);
  });
  afterEach(() => h.close());

  it('says there is no plan yet when none was imported', async () => {
    const button = await promoteButton('cara-csp');
    const pressed = await press(button, 'cara-csp');
    expect(pressed.body.form).toBeUndefined();
    expect(JSON.stringify(pressed.body.reply)).toContain('No plan yet: a coordinator imports one');
  });

  it('opens the form from the coordinator’s button and promotes the action on submit', async () => {
    await importPlan(h.deps, {
      planId: 'ashfield-2024',
      title: 'Ashfield plan',
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
    const button = await promoteButton('cara-csp');
    expect(JSON.parse(button!.value)).toEqual({ reference: REFERENCE, actionNumber: '2.1' });

    const pressed = await press(button, 'cara-csp');
    expect(pressed.body.form.formId).toBe('promote-to-plan');
    const card = JSON.stringify(pressed.body.form.card);
    expect(card).toContain('Ashfield plan');
    expect(card).toContain('2. System Approach');

    const sent = await press(
      { ...submitData(pressed.body.form.card), planId: 'ashfield-2024', priorityNumber: '2' },
      'cara-csp',
    );
    expect(sent.body.ok).toBe(true);
    expect(JSON.stringify(sent.body.reply)).toContain(
      `${REFERENCE} action 2.1 is now action 2.3 of Ashfield plan`,
    );
    const plan = await h.store.getPlan('ashfield-2024');
    expect(plan?.actions.find((a) => a.number === '2.3')).toMatchObject({
      description: 'High-visibility patrols around Market Street',
      rag: 'red',
    });
    expect(plan?.links).toEqual([
      expect.objectContaining({ incidentReference: REFERENCE, incidentActionNumber: '2.1' }),
    ]);
    const events = await h.store.listEvents(REFERENCE);
    expect(events.at(-1)).toMatchObject({ type: 'action.promoted', data: { planActionNumber: '2.3' } });
  });

  it('gives a member who is not a coordinator no button, and refuses their press, writing nothing', async () => {
    await importPlan(h.deps, {
      planId: 'ashfield-2024',
      files: [await fixture('ashfield-actions.csv')],
      ...COORDINATOR_REQUEST,
    });
    expect(await promoteButton('pat-police')).toBeUndefined();
    const before = await h.store.getPlan('ashfield-2024');

    const pressed = await press(
      { verb: 'promote-to-plan', value: JSON.stringify({ reference: REFERENCE, actionNumber: '2.1' }) },
      'pat-police',
    );
    expect(pressed.body.form).toBeUndefined();
    expect(JSON.stringify(pressed.body.reply)).toContain('Only CSP coordinators can promote');
    expect(await h.store.getPlan('ashfield-2024')).toEqual(before);
  });
});
