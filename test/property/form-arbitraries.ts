/**
 * Generated answers for any form field: mostly the garbage a person or a
 * replayed request can send (blanks, huge text, unicode, impossible dates,
 * values that are not among the choices, unknown people), mixed with enough
 * valid answers that some submissions get through and change the store.
 */
import fc from 'fast-check';
import type { DateTime } from 'luxon';
import type { FormDefinition, FormField, FormSubmission } from '../../src/app/forms/form-model.js';

type Value = string | string[] | undefined;

const blank = fc.constantFrom(undefined, '', '   ', '\n\t');
const unicode = fc.string({ unit: 'grapheme', maxLength: 80 });
const binaryish = fc.string({ unit: 'binary', maxLength: 40 });
/** Beyond every form's maxLength (the largest is 2,000), up to 30,000 characters. */
const huge = fc
  .tuple(fc.integer({ min: 2001, max: 30_000 }), fc.constantFrom('x', 'é', '😀', ' ', '<b>'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
const numberish = fc.oneof(
  fc.integer({ min: -5, max: 15 }).map(String),
  fc.constantFrom('1e3', '1.5', 'NaN', 'Infinity', '007', ' 2 ', '99999999999999999999'),
);
const badDates = fc.constantFrom(
  '2027-02-30',
  '2027-13-01',
  '2027-09-31T10:00:00+01:00',
  '2027-09-10T25:00:00+01:00',
  '2027-09-10T10:00:00',
  'tomorrow',
  '10/09/2027',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '1900-01-01',
);
/** Dates and instants within a year either side of `now`, in the forms' shapes. */
const nearDates = (now: DateTime) =>
  fc
    .tuple(fc.integer({ min: -400 * 24, max: 400 * 24 }), fc.constantFrom('date', 'instant', 'utc'))
    .map(([hours, shape]) => {
      const t = now.plus({ hours });
      if (shape === 'date') return t.toISODate()!;
      return shape === 'utc' ? t.toUTC().toISO()! : t.toISO({ suppressMilliseconds: true })!;
    });
const someText = fc.constantFrom(
  'Market Street',
  'Schools engaged; no further tension reported',
  'Final report circulated.',
  'Police patrols',
);

/** Anything a text-like field may receive. */
function anyText(now: DateTime): fc.Arbitrary<Value> {
  return fc.oneof(blank, unicode, binaryish, huge, numberish, badDates, nearDates(now), someText);
}

export interface FieldContext {
  now: DateTime;
  /** Platform user ids the test can resolve to people. */
  people: readonly string[];
  /** Values other fields of these forms take (agency ids, area ids, action numbers). */
  known: readonly string[];
}

export function fieldValue(field: FormField, ctx: FieldContext, validWeight = 3): fc.Arbitrary<Value> {
  const choices = (field.choices ?? []).map((c) => c.value);
  const valid: fc.Arbitrary<Value> = choices.length
    ? fc.constantFrom(...choices)
    : field.kind === 'user'
      ? fc.constantFrom(...ctx.people)
      : field.kind === 'datetime'
        ? nearDates(ctx.now)
        : fc.oneof(someText, nearDates(ctx.now), fc.integer({ min: 0, max: 10 }).map(String));
  const wrong = fc.oneof(anyText(ctx.now), fc.constantFrom(...ctx.known, 'U_UNKNOWN'));
  const single = fc.oneof({ weight: validWeight, arbitrary: valid }, { weight: 2, arbitrary: wrong });
  if (field.kind !== 'multi-select') return single;
  return fc.oneof(
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...choices) }, unicode), { maxLength: 5 }),
    single,
  );
}

/**
 * A whole submission: either wild (each field anything, or missing, plus a
 * stray field now and then) or nearly right (every field sent, most of them
 * valid), so long forms are accepted often enough to change the store.
 */
export function submissionValues(
  form: FormDefinition,
  ctx: FieldContext,
): fc.Arbitrary<FormSubmission['values']> {
  const wild = Object.fromEntries(form.fields.map((f) => [f.id, fieldValue(f, ctx)]));
  const nearlyRight = Object.fromEntries(form.fields.map((f) => [f.id, fieldValue(f, ctx, 40)]));
  return fc.oneof(
    fc
      .tuple(fc.record(wild, { requiredKeys: [] }), fc.option(fc.tuple(unicode, unicode), { freq: 10 }))
      .map(([values, stray]) => (stray ? { ...values, [stray[0]]: stray[1] } : values)),
    fc.record(nearlyRight),
  ) as fc.Arbitrary<FormSubmission['values']>;
}
