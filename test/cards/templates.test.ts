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
  readCardAction,
  TEMPLATE_FILES,
  timeInputId,
} from '../../src/adapters/cards/card-templates.js';
import {
  ACTION_LIST,
  allSamples,
  checklistCard,
  EMPTY_HOME,
  EMPTY_LIST,
  FILTERED_EMPTY_ACTIONS,
  HOME,
  incidentCard,
  MEETING,
  NOTICE,
  NOW,
  newIncidentFormCard,
  reminderCard,
  TIMELINE,
  without,
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

const submits = (json: unknown) =>
  ofType(json, 'Action.Submit').map((n) => ({
    title: n.title,
    ...(n.data as { verb: string; value: string }),
  }));
const colourOf = (json: unknown, text: string) =>
  ofType(json, 'TextBlock').find((n) => n.text === text)?.color;

describe('the meeting card', () => {
  it('shows the heading, the time, the facts and the Start meeting button', () => {
    const json = expandCard(MEETING);
    const shown = texts(json);
    expect(shown.slice(0, 2)).toEqual([MEETING.heading, `📅 ${MEETING.whenText}`]);
    expect(ofType(json, 'FactSet')[0]?.facts).toEqual(
      MEETING.facts.map((f) => ({ title: f.label, value: f.value })),
    );
    expect(submits(json)).toEqual([
      { title: 'Start meeting', verb: 'start-meeting', value: MEETING.actions[0]!.value },
    ]);
    expect(JSON.parse(MEETING.actions[0]!.value)).toMatchObject({ meetingId: 'initial-1' });
  });

  it('warns in the attention colour only when the time misses the protocol deadline', () => {
    expect(colourOf(expandCard(MEETING), `⚠️ ${MEETING.warning}`)).toBe('Attention');
    expect(JSON.stringify(expandCard(without(MEETING, 'warning')))).not.toContain('⚠️');
  });
});

describe('the meeting checklist', () => {
  it('shows every toolkit item under its section with its tick state and section count', () => {
    const card = checklistCard();
    const shown = texts(expandCard(card));
    for (const section of card.sections) {
      expect(shown).toEqual(expect.arrayContaining([section.title, section.doneText]));
      for (const item of section.items) expect(shown).toContain(item.text);
    }
    const marks = shown.filter((t) => t === '✅' || t === '⬜');
    expect(marks).toEqual(card.sections.flatMap((s) => s.items.map((i) => (i.done ? '✅' : '⬜'))));
    expect(marks.length).toBeGreaterThan(40);
  });

  it('shows the hint, who it is assigned to, the notes and the decisions of an item', () => {
    const card = checklistCard();
    const json = expandCard(card);
    const shown = texts(json);
    const withHint = card.sections.flatMap((s) => s.items).find((i) => i.hint)!;
    expect(ofType(json, 'TextBlock').find((n) => n.text === withHint.hint)?.isSubtle).toBe(true);
    expect(shown).toContain('👤 Assigned to Pat Police');
    expect(shown).toContain('📝 Police media office drafting the statement');
    expect(shown).toContain('⚖️ Decision: Police lead communications until the review meeting');
  });

  it('gives each item Tick (or Untick) and Work on it, naming the meeting, section and item', () => {
    const card = checklistCard();
    const buttons = submits(expandCard(card));
    const items = card.sections.flatMap((s) => s.items);
    const perItem = buttons.filter((b) => b.verb === 'tick-item' || b.verb === 'work-item');
    expect(perItem).toHaveLength(items.length * 2);
    const first = items[0]!;
    expect(perItem.slice(0, 2)).toEqual([
      { title: first.done ? 'Untick' : 'Tick', verb: 'tick-item', value: first.actions[0]!.value },
      { title: 'Work on it', verb: 'work-item', value: first.actions[1]!.value },
    ]);
    expect(JSON.parse(first.actions[0]!.value)).toEqual({
      reference: card.reference,
      meetingId: 'initial-1',
      sectionId: first.sectionId,
      itemId: first.itemId,
    });
    expect((expandCard(card).actions as Node[]).map((a) => (a.data as { verb: string }).verb)).toEqual([
      'record-attendance',
      'end-meeting',
    ]);
  });

  it('shows attendance, and at a review meeting the Signs of Safety columns and scale', () => {
    const card = checklistCard({ kind: 'review' });
    const json = expandCard(card);
    const shown = texts(json);
    expect(shown).toContain(card.attendanceText);
    expect(ofType(json, 'FactSet')[0]?.facts).toEqual([
      { title: 'Police', value: 'Pat Police: present' },
      { title: 'Corby CSP', value: 'Cara CSP: present' },
      { title: 'NHFT', value: 'Nia NHFT: apologies' },
    ]);
    const sos = card.signsOfSafety!;
    expect(shown).toEqual(expect.arrayContaining(['Signs of Safety', sos.scaleText]));
    for (const column of sos.columns) {
      expect(shown).toContain(column.title);
      for (const entry of column.entries) expect(shown).toContain(`• ${entry}`);
    }
    expect(shown).toContain('Nothing recorded yet.');
    expect((json.actions as Node[]).map((a) => a.title)).toEqual([
      'Record attendance',
      'Signs of Safety',
      'End meeting',
    ]);
    expect(texts(expandCard(checklistCard()))).not.toContain('Signs of Safety');
  });

  it('has no buttons at all once the meeting has ended', () => {
    const json = expandCard(checklistCard({ kind: 'review', ended: true }));
    expect(submits(json)).toEqual([]);
    expect(ofType(json, 'ActionSet')).toEqual([]);
    expect(json.actions).toEqual([]);
    expect(colourOf(json, `✅ ${checklistCard({ ended: true }).statusText}`)).toBe('Good');
  });
});

describe('the action plan', () => {
  it('shows each action with its lead, owner, due date and RAG in its colour', () => {
    const json = expandCard(ACTION_LIST);
    const shown = texts(json);
    expect(shown).toContain(ACTION_LIST.countsText);
    for (const row of ACTION_LIST.rows) {
      expect(shown).toEqual(expect.arrayContaining([row.number, row.description, row.ragText]));
      expect(shown).toContain(`Lead: ${row.lead} · Owner: ${row.owner}`);
    }
    expect(colourOf(json, 'RED')).toBe('Attention');
    expect(colourOf(json, 'AMBER')).toBe('Warning');
    expect(colourOf(json, 'GREEN')).toBe('Good');
  });

  it('marks an overdue action, shows the latest update, and offers Add update on open actions only', () => {
    const json = expandCard(ACTION_LIST);
    const [red, amber] = ACTION_LIST.rows;
    expect(red!.overdue).toBe(true);
    expect(colourOf(json, `Due ${red!.dueText} · overdue · open`)).toBe('Attention');
    expect(texts(json)).toContain(`Latest update: ${amber!.latestUpdate}`);
    expect(amber!.latestUpdate).toContain('Venue booked');
    expect(submits(json)).toEqual(
      ACTION_LIST.rows
        .filter((r) => r.status !== 'done')
        .map((r) => ({ title: 'Add update', verb: 'add-update', value: r.actions[0]!.value })),
    );
  });

  it('says what the filter was and that nothing matched', () => {
    const shown = texts(expandCard(FILTERED_EMPTY_ACTIONS));
    expect(shown).toEqual([
      FILTERED_EMPTY_ACTIONS.heading,
      FILTERED_EMPTY_ACTIONS.filterText,
      FILTERED_EMPTY_ACTIONS.emptyText,
    ]);
  });
});

describe('the timeline card', () => {
  it('shows each entry as time · who · what, and says when older entries are left out', () => {
    const shown = texts(expandCard(TIMELINE));
    expect(shown).toEqual([
      TIMELINE.heading,
      TIMELINE.moreText,
      ...TIMELINE.entries.map((e) => `${e.atText} · ${e.who} · ${e.summary}`),
    ]);
    expect(texts(expandCard(without({ ...TIMELINE, entries: [] }, 'moreText')))).toEqual([
      TIMELINE.heading,
      'Nothing has been recorded yet.',
    ]);
  });
});

describe('the home card’s open actions', () => {
  it('lists the person’s open actions with their incident, RAG and Add update button', () => {
    const json = expandCard(HOME);
    const shown = texts(json);
    expect(shown).toContain('Your open actions');
    for (const row of HOME.actions)
      expect(shown).toContain(`${row.reference} · ${row.number} ${row.description}`);
    expect(submits(json).map((b) => b.verb)).toEqual(HOME.actions.map(() => 'add-update'));
    expect(shown).not.toContain(HOME.actionsEmptyText);
    expect(texts(expandCard({ ...HOME, actions: [] }))).toContain(HOME.actionsEmptyText);
  });
});

describe('reading a card button back', () => {
  it('accepts the meeting and checklist verbs and refuses verbs Muster never renders', () => {
    for (const verb of [
      'start-meeting',
      'tick-item',
      'work-item',
      'record-attendance',
      'signs-of-safety',
      'end-meeting',
    ])
      expect(readCardAction({ verb, value: '{}' })).toEqual({ verb, value: '{}' });
    expect(readCardAction({ verb: 'delete-incident', value: '{}' })).toBeUndefined();
    expect(readCardAction({ verb: 'tick-item' })).toBeUndefined();
  });
});
