// Reading a department's first answers must not pay for locale lookups and throwaway formatters per zone: each
// zone's offsets come from one Intl.DateTimeFormat for that zone, and the host's own locale is never resolved.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ianaName, zoneRule } from '../../../src/core/scheduling/index.js';

describe('building a zone rule', () => {
  afterEach(() => vi.restoreAllMocks());

  it('makes one Intl.DateTimeFormat for a zone, with an explicit locale, and none when offsets are read again', () => {
    const made: unknown[][] = [];
    const Original = Intl.DateTimeFormat;
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (this: unknown, ...args: unknown[]) {
      made.push(args);
      return new Original(...(args as ConstructorParameters<typeof Intl.DateTimeFormat>));
    } as unknown as typeof Intl.DateTimeFormat);
    // A zone no other test in this file touches, so no cache holds it yet.
    const rule = zoneRule('Tasmania Standard Time');
    const july = Date.UTC(2031, 6, 1);
    expect(rule.offsetAt(july)).toBe(600);
    expect(rule.offsetAt(Date.UTC(2031, 0, 1))).toBe(660);
    expect(made).toHaveLength(1);
    expect(made[0]![0]).toBe('en-US');
    rule.offsetAt(Date.UTC(2031, 3, 6, 12));
    expect(zoneRule('Tasmania Standard Time').offsetAt(july)).toBe(600);
    expect(made).toHaveLength(1);
  });

  it('still refuses an unknown zone name', () => {
    expect(() => ianaName('Nowhere/Atlantis')).toThrow(/Nowhere\/Atlantis/);
  });
});
