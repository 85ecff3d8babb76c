import { describe, expect, it } from 'vitest';
import { meetingTimes } from '../../../server/program/booking.js';

const slot = { start: Date.parse('2026-03-10T15:00:00Z'), end: Date.parse('2026-03-10T15:30:00Z') };

describe("a session takes its meeting's time", () => {
  it('reads Graph UTC dateTimes without a Z', () => {
    expect(
      meetingTimes(
        {
          start: { dateTime: '2026-03-09T14:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2026-03-09T14:30:00.0000000', timeZone: 'UTC' },
        },
        slot,
      ),
    ).toEqual({ start: '2026-03-09T14:00:00.000Z', end: '2026-03-09T14:30:00.000Z' });
  });

  it('reads a Windows zone (the event made in the organizer zone)', () => {
    expect(
      meetingTimes(
        {
          start: { dateTime: '2026-03-09T09:00:00.0000000', timeZone: 'Eastern Standard Time' },
          end: { dateTime: '2026-03-09T09:30:00.0000000', timeZone: 'America/New_York' },
        },
        slot,
      ),
    ).toEqual({ start: '2026-03-09T13:00:00.000Z', end: '2026-03-09T13:30:00.000Z' });
  });

  it('falls back to the requested slot when the event has no readable time', () => {
    const expected = { start: '2026-03-10T15:00:00.000Z', end: '2026-03-10T15:30:00.000Z' };
    expect(meetingTimes({ start: null, end: null }, slot)).toEqual(expected);
    expect(
      meetingTimes(
        { start: { dateTime: 'soon', timeZone: 'UTC' }, end: { dateTime: 'later', timeZone: 'Nowhere/Zone' } },
        slot,
      ),
    ).toEqual(expected);
  });
});
