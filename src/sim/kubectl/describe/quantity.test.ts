import { describe, expect, it } from 'vitest';
import { addQuantity, canonicalQuantity, formatQuantity, milliValue, parseQuantity, quantityValue } from './quantity.ts';

const q = (text: string) => parseQuantity(text)!;

describe('resource quantities', () => {
  it('print in canonical form as resource.Quantity.String() does', () => {
    const cases: [string, string][] = [
      ['500m', '500m'],
      ['0.5', '500m'],
      ['1000m', '1'],
      ['1000', '1k'],
      ['1500m', '1500m'],
      ['2', '2'],
      ['0', '0'],
      ['64Mi', '64Mi'],
      ['1024Mi', '1Gi'],
      ['1.5Gi', '1536Mi'],
      ['8129520Ki', '8129520Ki'],
      ['7981056Ki', '7794Mi'],
      ['512', '512'],
      ['128974848', '128974848'],
      ['129e6', '129e6'],
      ['129M', '129M'],
      ['0.1Gi', '107374182400m'],
      ['100n', '100n'],
      ['1.5u', '1500n'],
    ];
    for (const [input, expected] of cases) expect([input, canonicalQuantity(input)]).toEqual([input, expected]);
  });

  it('add up keeping the first format, and give values for percentages', () => {
    expect(formatQuantity(addQuantity(q('100m'), q('1')))).toBe('1100m');
    expect(formatQuantity(addQuantity(q('70Mi'), q('50Mi')))).toBe('120Mi');
    expect(formatQuantity(addQuantity(q('0'), q('50Mi')))).toBe('50Mi');
    expect(milliValue(q('0.25'))).toBe(250);
    expect(quantityValue(q('1Ki'))).toBe(1024);
    expect(quantityValue(q('100m'))).toBe(1);
    expect(parseQuantity('ten')).toBeNull();
  });
});
