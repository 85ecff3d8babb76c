import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  CustomTimeZone,
  UnknownTimeZoneError,
  graphDateTimeToInstant,
  ianaName,
  zoneRule,
} from '../../../src/core/scheduling/index.js';
import { publishedCustomZone, t } from './support.js';

describe('Graph time zone names', () => {
  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Central Standard Time', 'America/Chicago'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['UTC', 'UTC'],
    ['America/Chicago', 'America/Chicago'],
  ])('%s is %s', (windows, iana) => expect(ianaName(windows)).toBe(iana));

  it('refuses a name that is neither Windows nor IANA', () => {
    expect(() => ianaName('Mars Standard Time')).toThrow(UnknownTimeZoneError);
  });
});

describe('offsets of IANA zones agree with the tz database all year', () => {
  it.each([
    'America/Chicago',
    'Europe/London',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Sydney',
    'America/Sao_Paulo',
  ])('%s, every 61 minutes of 2026', (zone) => {
    const rule = zoneRule(zone);
    const mismatches: string[] = [];
    for (let ms = t('2026-01-01T00:00:00Z'); ms < t('2027-01-01T00:00:00Z'); ms += 61 * 60_000) {
      const expected = DateTime.fromMillis(ms, { zone }).offset;
      if (rule.offsetAt(ms) !== expected) mismatches.push(new Date(ms).toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});

describe('wall-clock times around daylight-saving changes', () => {
  it.each([
    ['Chicago, ordinary morning', 'America/Chicago', '2026-03-06T08:00', '2026-03-06T14:00:00.000Z'],
    [
      'Chicago, the skipped hour moves forward (US DST start)',
      'America/Chicago',
      '2026-03-08T02:30',
      '2026-03-08T08:30:00.000Z',
    ],
    [
      'Chicago, the repeated hour is its first pass (US DST end)',
      'America/Chicago',
      '2026-11-01T01:30',
      '2026-11-01T06:30:00.000Z',
    ],
    [
      'Berlin, the skipped hour moves forward (EU DST start)',
      'Europe/Berlin',
      '2026-03-29T02:30',
      '2026-03-29T01:30:00.000Z',
    ],
    [
      'Berlin, the repeated hour is its first pass (EU DST end)',
      'Europe/Berlin',
      '2026-10-25T02:30',
      '2026-10-25T00:30:00.000Z',
    ],
    ['Kolkata has no DST', 'Asia/Kolkata', '2026-03-08T08:00', '2026-03-08T02:30:00.000Z'],
  ])('%s', (_name, zone, local, utc) => {
    const [date, time] = local.split('T') as [string, string];
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    expect(new Date(zoneRule(zone).toInstant({ year, month, day, hour, minute })).toISOString()).toBe(utc);
  });

  it('reads an instant back as the wall clock and ISO weekday', () => {
    expect(zoneRule('Asia/Kolkata').toWallClock(t('2026-03-09T14:30:00Z'))).toMatchObject({
      year: 2026,
      month: 3,
      day: 9,
      hour: 20,
      minute: 0,
      weekday: 1,
    });
  });
});

describe("Graph's custom time zones", () => {
  const rule = zoneRule(publishedCustomZone);
  it.each([
    ['standard time before the 2nd Sunday of March 2019', '2019-03-10T09:59:00Z', -480],
    ['daylight time from 02:00 local on 10 March 2019', '2019-03-10T10:00:00Z', -420],
    ['daylight time on 15 March 2019 (the published window)', '2019-03-15T16:00:00Z', -420],
    ['daylight time just before the 1st Sunday of November', '2019-11-03T08:59:00Z', -420],
    ['standard time from 02:00 daylight time on 3 November 2019', '2019-11-03T09:00:00Z', -480],
    ['the rule repeats every year (year 0)', '2026-07-01T12:00:00Z', -420],
  ])('the published zone: %s', (_name, at, offset) => expect(rule.offsetAt(t(at))).toBe(offset));

  it('turns 08:00 local on 15 March 2019 into 15:00Z', () => {
    expect(new Date(rule.toInstant({ year: 2019, month: 3, day: 15, hour: 8, minute: 0 })).toISOString()).toBe(
      '2019-03-15T15:00:00.000Z',
    );
  });

  const equivalents: Array<[string, unknown, string]> = [
    ['a US-style rule matches America/Los_Angeles', publishedCustomZone, 'America/Los_Angeles'],
    [
      'an EU-style rule with the last Sunday (dayOccurrence 5) matches Europe/London',
      {
        bias: 0,
        standardOffset: { time: '02:00:00', dayOccurrence: 5, dayOfWeek: 'sunday', month: 10, year: 0 },
        daylightOffset: {
          daylightBias: -60,
          time: '01:00:00',
          dayOccurrence: 5,
          dayOfWeek: 'sunday',
          month: 3,
          year: 0,
        },
      },
      'Europe/London',
    ],
    [
      'a southern-hemisphere rule (daylight across New Year) matches Australia/Sydney',
      {
        bias: -600,
        standardOffset: { time: '03:00:00', dayOccurrence: 1, dayOfWeek: 'sunday', month: 4, year: 0 },
        daylightOffset: {
          daylightBias: -60,
          time: '02:00:00',
          dayOccurrence: 1,
          dayOfWeek: 'sunday',
          month: 10,
          year: 0,
        },
      },
      'Australia/Sydney',
    ],
    [
      'a rule without daylight time (month 0) matches Asia/Kolkata',
      {
        bias: -330,
        standardOffset: { time: '00:00:00', dayOccurrence: 0, dayOfWeek: 'sunday', month: 0, year: 0 },
        daylightOffset: { daylightBias: 0, time: '00:00:00', dayOccurrence: 0, dayOfWeek: 'sunday', month: 0, year: 0 },
      },
      'Asia/Kolkata',
    ],
  ];
  it.each(equivalents)('%s every 61 minutes of 2026', (_name, custom, iana) => {
    const customRule = zoneRule(CustomTimeZone.parse(custom));
    const ianaRule = zoneRule(iana);
    const mismatches: string[] = [];
    for (let ms = t('2026-01-01T00:00:00Z'); ms < t('2027-01-01T00:00:00Z'); ms += 61 * 60_000) {
      if (customRule.offsetAt(ms) !== ianaRule.offsetAt(ms)) mismatches.push(new Date(ms).toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('applies a rule with a year only in that year', () => {
    const onlyIn2019 = zoneRule({
      ...publishedCustomZone,
      standardOffset: { ...publishedCustomZone.standardOffset, year: 2019 },
      daylightOffset: { ...publishedCustomZone.daylightOffset, year: 2019 },
    });
    expect(onlyIn2019.offsetAt(t('2019-07-01T00:00:00Z'))).toBe(-420);
    expect(onlyIn2019.offsetAt(t('2020-07-01T00:00:00Z'))).toBe(-480);
  });

  it('refuses a rule with an impossible day occurrence, naming the field', () => {
    const bad = CustomTimeZone.safeParse({
      ...publishedCustomZone,
      daylightOffset: { ...publishedCustomZone.daylightOffset, dayOccurrence: 6 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['daylightOffset', 'dayOccurrence']);
  });
});

describe('Graph dateTime + timeZone to an instant', () => {
  it.each([
    ['2019-03-15T12:00:00.0000000', 'Pacific Standard Time', '2019-03-15T19:00:00.000Z'],
    ['2019-01-15T12:00:00.0000000', 'Pacific Standard Time', '2019-01-15T20:00:00.000Z'],
    ['2026-03-10T12:00:00', 'UTC', '2026-03-10T12:00:00.000Z'],
    ['2026-03-10T12:00:00', 'India Standard Time', '2026-03-10T06:30:00.000Z'],
    ['2026-03-10T12:00:00+01:00', 'UTC', '2026-03-10T11:00:00.000Z'],
  ])('%s in %s is %s', (dateTime, zone, utc) =>
    expect(new Date(graphDateTimeToInstant(dateTime, zone)).toISOString()).toBe(utc),
  );

  it('refuses text that is not a date-time', () => {
    expect(() => graphDateTimeToInstant('next Tuesday', 'UTC')).toThrow(/not a Graph dateTime/);
  });
});
