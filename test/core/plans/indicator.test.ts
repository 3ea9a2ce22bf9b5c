import { describe, expect, it } from 'vitest';
import {
  changeRag,
  formatChange,
  type Indicator,
  percentChange,
  summariseIndicator,
} from '../../../src/core/plans/indicator.js';

const knife = (overrides: Partial<Indicator> = {}): Indicator => ({
  id: 'ind-1',
  name: 'Reduction in knife enabled violence (Ashfield)',
  baselinePeriod: '01/01/23 to 31/03/24',
  baseline: 120,
  higherIsBetter: false,
  quarters: [],
  ...overrides,
});

describe('percentChange', () => {
  it('is the change from the baseline in percent, to one decimal place', () => {
    expect(percentChange(120, 108)).toBe(-10);
    expect(percentChange(150, 149)).toBe(-0.7);
    expect(percentChange(40, 30)).toBe(-25);
    expect(percentChange(3, 4)).toBe(33.3);
  });

  it('has no percentage from a zero baseline', () => {
    expect(percentChange(0, 2)).toBeUndefined();
  });
});

describe('changeRag', () => {
  it('is green for a fall of at least 5% when lower is better, red for a rise of at least 5%', () => {
    expect(changeRag(knife(), 114)).toBe('green'); // −5%
    expect(changeRag(knife(), 126)).toBe('red'); // +5%
  });

  it('is amber for a change smaller than the tolerance either way', () => {
    expect(changeRag(knife(), 115)).toBe('amber'); // −4.2%
    expect(changeRag(knife(), 125)).toBe('amber'); // +4.2%
    expect(changeRag(knife(), 120)).toBe('amber');
  });

  it('reverses when higher is better', () => {
    const referrals = knife({ name: 'Referrals to diversion', higherIsBetter: true });
    expect(changeRag(referrals, 132)).toBe('green');
    expect(changeRag(referrals, 108)).toBe('red');
  });

  it('uses the indicator’s own tolerance', () => {
    expect(changeRag(knife({ tolerancePercent: 15 }), 108)).toBe('amber');
    expect(changeRag(knife({ tolerancePercent: 15 }), 100)).toBe('green');
  });

  it('rates a rise from a zero baseline by its direction alone', () => {
    const homicides = knife({ baseline: 0 });
    expect(changeRag(homicides, 1)).toBe('red');
    expect(changeRag(homicides, 0)).toBe('amber');
  });
});

describe('summariseIndicator', () => {
  it('uses the last quarter as the latest figure', () => {
    const summary = summariseIndicator(
      knife({
        quarters: [
          { quarter: '2024/25 Q1', value: 126 },
          { quarter: '2024/25 Q2', value: 102 },
        ],
      }),
    );
    expect(summary).toMatchObject({
      latest: { quarter: '2024/25 Q2', value: 102 },
      change: -15,
      rag: 'green',
    });
  });

  it('has no RAG before the first quarterly figure', () => {
    expect(summariseIndicator(knife()).rag).toBeUndefined();
  });

  it('prints changes with a sign, and n/a for no percentage', () => {
    expect([formatChange(12.5), formatChange(-3), formatChange(0), formatChange(undefined)]).toEqual([
      '+12.5%',
      '−3%',
      '0%',
      'n/a',
    ]);
  });
});
