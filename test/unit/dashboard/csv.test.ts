import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/core/dashboard/index.js';

describe('CSV cells a spreadsheet would run as formulas', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+1', `"'+1"`],
    ['-1', `"'-1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['\rx', `"'\rx"`],
    [';=cmd|calc', `"';=cmd|calc"`],
    ['x;=HYPERLINK("http://evil")', `"'x;=HYPERLINK(""http://evil"")"`],
    ['x; +1', `"'x; +1"`],
    ['Care, "Transitions"', `"Care, ""Transitions"""`],
    ['a;b', `"a;b"`],
    ['Transplant', 'Transplant'],
    ['2026-03-02', '2026-03-02'],
  ])('%j becomes %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
