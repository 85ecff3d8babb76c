import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GetScheduleResponse,
  ScheduleUnavailableError,
  UnknownTimeZoneError,
  personSchedule,
} from '../../../src/core/scheduling/index.js';
import { isoRanges, iv } from './support.js';

const published = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../../shared/contracts/graph/graph.getSchedule.response.json'), 'utf8'),
) as unknown;
// 2019-03-15 09:00-18:00 "Pacific Standard Time" (Graph's Windows name; PDT that day) = 16:00Z-01:00Z.
const window = iv('2019-03-15T16:00:00Z', '2019-03-16T01:00:00Z');

describe('the published getSchedule response as plain ranges', () => {
  const response = GetScheduleResponse.parse(published);
  const [adele, megan] = response.value.map((info) => personSchedule(info, window));

  it('expands working hours in each person’s zone (Windows name and custom zone)', () => {
    expect(adele!.workingHours).toBe('08:00–17:00 America/Los_Angeles');
    expect(megan!.workingHours).toBe('08:00–17:00 Customized Time Zone');
    // 08:00-17:00 at UTC-7 is 15:00Z-00:00Z, clipped to the window.
    expect(isoRanges(adele!.working)).toEqual([['2019-03-15T16:00', '2019-03-16T00:00']]);
    expect(isoRanges(megan!.working)).toEqual([['2019-03-15T16:00', '2019-03-16T00:00']]);
  });

  it('reads item times in the zone each item names', () => {
    expect(isoRanges(adele!.busy)).toEqual([['2019-03-15T19:00', '2019-03-15T21:00']]);
    // 08:30-09:30 busy, 12:00-14:00 busy (with a tentative and a busy hour inside), 16:00-17:00 tentative (PDT).
    expect(isoRanges(megan!.busy)).toEqual([
      ['2019-03-15T15:30', '2019-03-15T16:30'],
      ['2019-03-15T19:00', '2019-03-15T21:00'],
      ['2019-03-15T23:00', '2019-03-16T00:00'],
    ]);
  });

  it('lets tentative items count as free when asked', () => {
    const lenient = personSchedule(response.value[1]!, window, { treatTentativeAsBusy: false });
    expect(isoRanges(lenient.busy)).toEqual([
      ['2019-03-15T15:30', '2019-03-15T16:30'],
      ['2019-03-15T19:00', '2019-03-15T21:00'],
    ]);
  });
});

describe('refusing what is not a usable schedule', () => {
  const first = (published as { value: Array<Record<string, unknown>> }).value[1]!;

  it.each([
    [
      'an unknown status',
      {
        ...first,
        scheduleItems: [
          {
            status: 'maybe',
            start: { dateTime: '2019-03-15T08:00:00', timeZone: 'UTC' },
            end: { dateTime: '2019-03-15T09:00:00', timeZone: 'UTC' },
          },
        ],
      },
      ['value', 0, 'scheduleItems', 0, 'status'],
    ],
    [
      'a dateTime that is not one',
      {
        ...first,
        scheduleItems: [
          {
            status: 'busy',
            start: { dateTime: 'soon', timeZone: 'UTC' },
            end: { dateTime: '2019-03-15T09:00:00', timeZone: 'UTC' },
          },
        ],
      },
      ['value', 0, 'scheduleItems', 0, 'start', 'dateTime'],
    ],
    [
      'a custom zone with a bad rule',
      {
        ...first,
        workingHours: {
          ...(first.workingHours as object),
          timeZone: {
            '@odata.type': '#microsoft.graph.customTimeZone',
            bias: 480,
            daylightOffset: {
              daylightBias: -60,
              time: '02:00',
              dayOccurrence: 9,
              dayOfWeek: 'sunday',
              month: 3,
              year: 0,
            },
          },
        },
      },
      ['value', 0, 'workingHours', 'timeZone', 'daylightOffset', 'dayOccurrence'],
    ],
    [
      'working hours without a time',
      { ...first, workingHours: { ...(first.workingHours as object), startTime: 'morning' } },
      ['value', 0, 'workingHours', 'startTime'],
    ],
  ])('%s, naming the field', (_name, schedule, fieldPath) => {
    const parsed = GetScheduleResponse.safeParse({ value: [schedule] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(fieldPath);
  });

  it('reports a mailbox Graph could not read', () => {
    const info = GetScheduleResponse.parse({
      value: [
        {
          scheduleId: 'gone@contoso.com',
          error: { message: 'The mailbox was not found.', responseCode: 'ErrorMailRecipientNotFound' },
        },
      ],
    }).value[0]!;
    expect(() => personSchedule(info, window)).toThrow(ScheduleUnavailableError);
    expect(() => personSchedule(info, window)).toThrow(/gone@contoso.com: The mailbox was not found/);
  });

  it('reports a time zone name it does not know', () => {
    const info = GetScheduleResponse.parse({
      value: [
        { ...first, workingHours: { ...(first.workingHours as object), timeZone: { name: 'Atlantis Standard Time' } } },
      ],
    }).value[0]!;
    expect(() => personSchedule(info, window)).toThrow(UnknownTimeZoneError);
  });
});
