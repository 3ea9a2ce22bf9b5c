/**
 * Every template in cards/ expanded with realistic data, then read by the
 * official Adaptive Cards object model for schema 1.5 (the version Teams
 * renders): a card that parses with no validation event is one Teams accepts.
 * Parsing needs no DOM, so this runs in vitest's node environment.
 */
import { readdirSync } from 'node:fs';
import { AdaptiveCard, SerializationContext, ValidationEvent, Versions } from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import {
  CARDS_DIR,
  dateInputId,
  expandCard,
  TEMPLATE_FILES,
  timeInputId,
} from '../../src/adapters/cards/card-templates.js';
import {
  allSamples,
  EMPTY_HOME,
  EMPTY_LIST,
  HOME,
  incidentCard,
  NOTICE,
  NOW,
  newIncidentFormCard,
  reminderCard,
} from './card-samples.js';

/** Every parse and validation problem the object model reports, as readable strings. */
function problems(json: unknown): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  card.parse(json, context);
  const found: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    found.push(`parse ${ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    found.push(`validate ${ValidationEvent[e.event]}: ${e.message}`);
  }
  return found;
}

type Node = Record<string, unknown>;

/** Every object in the card, depth first, in document order. */
function walk(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const item of node) walk(item, out);
  else if (node && typeof node === 'object') {
    out.push(node as Node);
    for (const value of Object.values(node)) walk(value, out);
  }
  return out;
}

const ofType = (json: unknown, type: string) => walk(json).filter((n) => n.type === type);
const texts = (json: unknown) => ofType(json, 'TextBlock').map((n) => n.text as string);
const inputIds = (json: unknown) =>
  walk(json)
    .filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.'))
    .map((n) => n.id as string);

describe('the Adaptive Card templates', () => {
  it('name every template file in cards/, and only those', () => {
    const files = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.values(TEMPLATE_FILES).sort());
    const covered = new Set(allSamples().map((s) => s.card.kind));
    expect([...covered].sort()).toEqual(Object.keys(TEMPLATE_FILES).sort());
  });

  it.each(allSamples())('expands the $name into a valid 1.5 card with nothing left unbound', ({ card }) => {
    const json = expandCard(card);
    expect(json).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(json)).not.toContain('${');
    expect(problems(json)).toEqual([]);
  });

  it('reports a broken card, so a clean result above means something', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Text', id: 'same', isRequired: true },
        { type: 'Input.Text', id: 'same', label: 'Twice' },
        { type: 'Widget' },
      ],
    };
    expect(problems(broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^parse UnknownElementType/),
        expect.stringMatching(/^validate RequiredInputsShouldHaveLabel/),
        expect.stringMatching(/^validate DuplicateId/),
      ]),
    );
  });
});

describe('the incident card', () => {
  it('shows the header, every fact and every milestone in the card data words', () => {
    const card = incidentCard();
    const shown = texts(expandCard(card));
    expect(shown.slice(0, 3)).toEqual([card.reference, card.title, card.status]);
    for (const row of card.timeline)
      expect(shown).toEqual(expect.arrayContaining([row.title, row.stateText]));
    expect(shown).toContain(card.acknowledgedText);
    const facts = ofType(expandCard(card), 'FactSet')[0]?.facts;
    expect(facts).toEqual(card.facts.map((f) => ({ title: f.label, value: f.value })));
  });

  it('marks overdue milestones in the attention colour and met ones as good', () => {
    const card = incidentCard(NOW.plus({ days: 7 }));
    const json = expandCard(card);
    const colourOf = (text: string) => ofType(json, 'TextBlock').find((n) => n.text === text)?.color;
    const met = card.timeline.find((r) => r.state === 'met')!;
    const overdue = card.timeline.find((r) => r.state === 'overdue')!;
    expect(colourOf(met.stateText)).toBe('Good');
    expect(colourOf(overdue.stateText)).toBe('Attention');
  });

  it('gives each agency still to acknowledge its own Acknowledge button with the verb and value', () => {
    const card = incidentCard();
    const buttons = ofType(expandCard(card), 'Action.Submit');
    const pending = card.agencies.filter((a) => a.action);
    expect(pending.map((a) => a.agencyId)).toEqual(['csp', 'nhft', 'schools']);
    expect(buttons).toEqual(
      pending.map((a) => ({
        type: 'Action.Submit',
        title: a.action!.label,
        style: 'positive',
        data: { verb: 'acknowledge', value: a.action!.value },
      })),
    );
    expect(JSON.parse((buttons[0]!.data as { value: string }).value)).toEqual({
      reference: card.reference,
      agencyId: 'csp',
    });
  });

  it('says who acknowledged for an agency and when, and lists its lists', () => {
    const card = incidentCard();
    const police = card.agencies.find((a) => a.agencyId === 'police')!;
    const shown = texts(expandCard(card));
    expect(shown).toContain(`acknowledged by Cara CSP, ${police.acknowledgedAtText}`);
    expect(shown).toContain('Lists 1 and 2');
    expect(shown).toContain('List 1');
    expect(shown.filter((t) => t === 'not yet acknowledged')).toHaveLength(3);
  });
});

describe('the reminder card', () => {
  it('quotes the protocol and offers the card actions as buttons', () => {
    const card = reminderCard();
    const json = expandCard(card);
    expect(texts(json)).toEqual(expect.arrayContaining([`⏰ ${card.headline}`, card.description]));
    expect(json.actions).toEqual(
      card.actions.map((a) =>
        expect.objectContaining({ title: a.label, data: { verb: a.verb, value: a.value } }),
      ),
    );
  });

  it('marks an escalation in the attention colour, and a reminder before the deadline not', () => {
    const card = reminderCard('escalation', NOW.plus({ days: 7 }));
    const json = expandCard(card);
    expect(texts(json)[0]).toBe(`🚨 Escalation: ${card.milestoneTitle} missed`);
    const headline = ofType(json, 'TextBlock').find((n) => n.text === `🚨 ${card.headline}`);
    expect(headline?.color).toBe('Attention');
    const early = reminderCard();
    const plain = ofType(expandCard(early), 'TextBlock').find((n) => n.text === `⏰ ${early.headline}`);
    expect(plain?.color).toBe('Default');
  });
});

describe('lists, home and notices', () => {
  it('shows the empty text only when there is nothing to list', () => {
    expect(texts(expandCard(EMPTY_LIST))).toContain(EMPTY_LIST.emptyText);
    expect(texts(expandCard(EMPTY_HOME))).toEqual([EMPTY_HOME.heading, EMPTY_HOME.emptyText]);
    expect(texts(expandCard(HOME))).not.toContain(HOME.emptyText);
  });

  it('shows each deadline on the home card with its incident reference', () => {
    const shown = texts(expandCard(HOME));
    for (const d of HOME.deadlines) expect(shown).toContain(`${d.reference} · ${d.title}`);
    expect(shown).toContain(
      'Next: ⏳ Initial Tactical Response Meeting — Thu 2 Sep 2027 15:00 BST · due in 5 days',
    );
  });

  it('links a notice to the incident space only when it has one', () => {
    expect(expandCard(NOTICE).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the incident channel', url: NOTICE.spaceUrl },
    ]);
    const { spaceUrl: _unused, ...bare } = NOTICE;
    expect(expandCard(bare).actions).toEqual([]);
    expect(texts(expandCard(NOTICE))).toEqual([NOTICE.headline, ...NOTICE.lines, NOTICE.reference]);
  });

  it('shows text that looks like a binding as written: data is never evaluated', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal is the point of the test.
    const typed = 'Ref ${reference} ${1+1}';
    expect(texts(expandCard({ ...NOTICE, lines: [typed] }))).toContain(typed);
  });

  it('returns a fresh card each time, so changing one cannot change the next', () => {
    const first = expandCard(NOTICE);
    (first.body as Node[])[0]!.text = 'changed';
    expect(texts(expandCard(NOTICE))[0]).toBe(NOTICE.headline);
  });
});

describe('the form template', () => {
  it('renders the fields in the order of the form definition, a datetime as a date and a time', () => {
    const card = newIncidentFormCard();
    const expected = card.form.fields.flatMap((f) =>
      f.kind === 'datetime' ? [dateInputId(f.id), timeInputId(f.id)] : [f.id],
    );
    expect(inputIds(expandCard(card))).toEqual(expected);
  });

  it('uses the input type each field kind needs', () => {
    const byId = new Map(walk(expandCard(newIncidentFormCard())).map((n) => [n.id, n]));
    expect(byId.get('location')).toMatchObject({ type: 'Input.Text', maxLength: 200, isRequired: true });
    expect(byId.get('location')?.placeholder).toBe('Street, estate or landmark');
    expect(byId.get('description')).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 2000 });
    expect(byId.get('area')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      isMultiSelect: false,
    });
    expect(byId.get('knockOnAreas')).toMatchObject({ isMultiSelect: true, isRequired: false });
    expect(byId.get('sio')).toMatchObject({
      type: 'Input.Text',
      isRequired: true,
      errorMessage: 'Choose a person.',
    });
    expect(byId.get('reportedBy')?.value).toBe('U0SIO');
    expect(byId.get('area')?.choices).toEqual([
      { title: 'Corby', value: 'corby' },
      { title: 'Kettering', value: 'kettering' },
      { title: 'Wellingborough', value: 'wellingborough' },
    ]);
  });

  it('shows the initial instant as London wall-clock date and time', () => {
    const byId = new Map(walk(expandCard(newIncidentFormCard())).map((n) => [n.id, n]));
    expect(byId.get('occurredAt__date')).toMatchObject({ type: 'Input.Date', value: '2027-08-28' });
    expect(byId.get('occurredAt__time')).toMatchObject({ type: 'Input.Time', value: '09:00' });
  });

  it('offers a user field as a choice when the platform gives choices', () => {
    const card = newIncidentFormCard();
    const people = [{ value: 'cara-csp', label: 'Cara CSP' }];
    card.form.fields = card.form.fields.map((f) => (f.id === 'sio' ? { ...f, choices: people } : f));
    const sio = walk(expandCard(card)).find((n) => n.id === 'sio');
    expect(sio).toMatchObject({
      type: 'Input.ChoiceSet',
      choices: [{ title: 'Cara CSP', value: 'cara-csp' }],
    });
    expect(problems(expandCard(card))).toEqual([]);
  });

  it('puts each error under its own field, and an error for no field at the top', () => {
    const json = expandCard(
      newIncidentFormCard({
        location: 'Give a location',
        occurredAt: 'is in the future',
        other: 'Try again',
      }),
    );
    const items = (ofType(json, 'Container') as { items: Node[] }[]).map((c) => c.items);
    const fieldOf = (message: string) =>
      items
        .find((list) => list.some((n) => n.text === message))
        ?.find((n) => n.id !== undefined || n.type === 'ColumnSet');
    expect(fieldOf('Give a location')?.id).toBe('location');
    expect(fieldOf('is in the future')?.type).toBe('ColumnSet');
    const error = ofType(json, 'TextBlock').find((n) => n.text === 'Give a location');
    expect(error?.color).toBe('Attention');
    expect(texts(json).indexOf('Try again')).toBeLessThan(texts(json).indexOf('Give a location'));
    expect(texts(expandCard(newIncidentFormCard()))).not.toContain('Give a location');
  });

  it('submits the form id and its context with the inputs', () => {
    const card = newIncidentFormCard();
    card.form.context = { reference: 'SV-2027-0041' };
    expect(expandCard(card).actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Notify the CSP',
        style: 'positive',
        data: { formId: 'new-incident', context: { reference: 'SV-2027-0041' } },
      },
    ]);
  });
});
