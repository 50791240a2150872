import { describe, expect, it } from 'vitest';
import { niceScale, textWidth, wrapLabel } from '../../views/components/charts.js';

// The small layout rules of the server-rendered SVG charts (views/components/charts.tsx).
describe('niceScale', () => {
  it.each([
    [0, { max: 1, step: 1 }], // nothing to show: one empty step, never a division by zero
    [1, { max: 1, step: 1 }],
    [3, { max: 3, step: 1 }], // counts: never a 0.5 step
    [7, { max: 8, step: 2 }],
    [31, { max: 40, step: 10 }],
    [40, { max: 40, step: 10 }],
    [41, { max: 60, step: 20 }],
    [1234, { max: 1500, step: 500 }],
  ])('%d → %o', (max, expected) => {
    expect(niceScale(max)).toEqual(expected);
  });
});

describe('textWidth', () => {
  it('counts Japanese characters as 1 em and Latin ones as 0.6 em', () => {
    expect(textWidth('送迎', 12)).toBe(24);
    expect(textWidth('Apr', 10)).toBeCloseTo(18);
    expect(textWidth('4月', 10)).toBeCloseTo(16);
  });
});

describe('wrapLabel', () => {
  it('keeps a label that fits on one line', () => {
    expect(wrapLabel('1 保育施設等までの送迎', 296, 14)).toEqual(['1 保育施設等までの送迎']);
  });

  it('breaks Japanese anywhere, but not before a closing bracket or after an opening one', () => {
    // 150 units hold 10 characters at 14: 「3 放課後児童クラブ（」 would end with （, which moves down.
    expect(wrapLabel('3 放課後児童クラブ（学童）前後の預かり・送迎', 150, 14)).toEqual([
      '3 放課後児童クラブ',
      '（学童）前後の預かり・',
      '送迎',
    ]);
  });

  it('breaks English between words', () => {
    expect(wrapLabel('6 Care while the parent is ill, busy or at the doctor', 296, 14)).toEqual([
      '6 Care while the parent is ill,',
      'busy or at the doctor',
    ]);
  });
});
