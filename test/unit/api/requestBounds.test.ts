// Caller dates outside what the program can plan or log are refused by the
// request schemas (a 400 naming the field), before they reach Microsoft 365 or
// a stored record: a booking at 9999-12-31T23:00Z used to make a meeting and an
// occurrence in year 10000, and touchpoints dated year 0001 were saved.
import { describe, expect, it } from 'vitest';
import { BookSessionRequest, RescheduleSessionRequest, SlotRequest, TouchpointRequest } from '../../../src/core/api.js';

const book = (start: string) => ({ start, durationMinutes: 60, direction: 'both', focusAreas: ['leadership'] });
const slots = (windowStart: string, windowEnd: string) => ({ durationMinutes: 30, windowStart, windowEnd });
const touchpoint = (date: string) => ({ kind: 'other', date, minutes: 5 });

const outOfRange = ['0000-01-01T00:00:00Z', '1000-06-01T10:00:00Z', '1999-12-31T23:59:59Z', '9999-12-31T23:00:00Z'];

describe('request dates', () => {
  it.each(outOfRange)('refuses booking, moving and slot windows at %s', (at) => {
    const issues = [
      BookSessionRequest.safeParse(book(at)),
      RescheduleSessionRequest.safeParse({ start: at }),
      SlotRequest.safeParse(slots(at, '2026-06-02T00:00:00Z')),
      SlotRequest.safeParse(slots('2026-06-01T00:00:00Z', at)),
    ].map((r) => r.error?.issues[0]?.path.join('.'));
    expect(issues).toEqual(['start', 'start', 'windowStart', 'windowEnd']);
  });

  it.each(outOfRange)('refuses a touchpoint dated %s', (at) => {
    expect(TouchpointRequest.safeParse(touchpoint(at)).error?.issues[0]?.path).toEqual(['date']);
  });

  it('accepts dates of this century, with any offset', () => {
    expect(BookSessionRequest.safeParse(book('2026-06-01T10:00:00+14:00')).success).toBe(true);
    expect(RescheduleSessionRequest.safeParse({ start: '2099-12-31T10:00:00Z' }).success).toBe(true);
    expect(SlotRequest.safeParse(slots('2026-06-01T00:00:00Z', '2026-06-08T00:00:00-05:00')).success).toBe(true);
    expect(TouchpointRequest.safeParse(touchpoint('2000-01-01T00:00:00Z')).success).toBe(true);
  });

  it('names the rule in the message', () => {
    const message = BookSessionRequest.safeParse(book('9999-12-31T23:00:00Z')).error?.issues[0]?.message;
    expect(message).toMatch(/2000.*2100/);
  });
});
