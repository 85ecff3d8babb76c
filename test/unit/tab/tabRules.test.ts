import { describe, expect, it } from 'vitest';
import { initialScripts } from '../../../bench/support/bundleSize.js';
import { reportingLineWarning } from '../../../src/tab/pages/admin/reportingLine.js';
import { widerWindow } from '../../../src/tab/pages/schedule/slotWindow.js';

const person = (id: string, displayName: string, managerId: string | null) => ({
  id,
  displayName,
  managerId,
  mail: `${id}@contoso.test`,
  department: 'Pediatrics',
  jobTitle: 'Case Manager',
});

describe('reporting-line warning when creating a pair', () => {
  const lead = person('b0000000-0000-4000-8000-000000000002', 'Raj Patel', null);
  const report = person('a0000000-0000-4000-8000-000000000001', 'Ana Ruiz', lead.id);
  const peer = person('c0000000-0000-4000-8000-000000000003', 'Mei Chen', null);

  it.each([
    ['one reports to the other', report, lead, 'Ana Ruiz reports to Raj Patel'],
    ['picked the other way round', lead, report, 'Ana Ruiz reports to Raj Patel'],
    ['no reporting line', report, peer, null],
    ['only one picked', report, null, null],
  ])('%s', (_, a, b, expected) => {
    const warning = reportingLineWarning(a, b);
    if (expected === null) expect(warning).toBeNull();
    else expect(warning).toContain(expected);
  });
});

describe('"Try a wider window"', () => {
  it.each([
    [7, 14],
    [14, 28],
    [28, 56],
    [56, null],
  ])('after %i days offers %j', (days, next) => {
    expect(widerWindow(days)).toBe(next);
  });
});

describe("what counts as the tab's initial JavaScript", () => {
  it('is the entry module and every modulepreload, not lazy chunks', () => {
    const html = `<script type="module" crossorigin src="/assets/tab-1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-2.js">
      <link rel="modulepreload" crossorigin href="/assets/react-2.js">
      <link rel="stylesheet" href="/assets/x.css">`;
    expect(initialScripts(html)).toEqual(['/assets/tab-1.js', '/assets/react-2.js']);
  });
});
