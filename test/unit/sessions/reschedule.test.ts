import { describe, expect, it } from 'vitest';
import { rescheduleRefusal } from '../../../src/core/sessions/index.js';

const h = 3_600_000;
const person = (displayName: string, busy: Array<[number, number]> = []) => ({
  displayName,
  working: [{ start: 9 * h, end: 17 * h }],
  busy: busy.map(([s, e]) => ({ start: s * h, end: e * h })),
  workingHours: '09:00–17:00 UTC',
});
const current = { start: 10 * h, end: 10.5 * h };

describe('rescheduleRefusal', () => {
  it.each([
    { name: 'free for both', people: [person('Ana'), person('Raj')], slot: [13, 13.5], refusal: null },
    {
      name: 'one is busy',
      people: [person('Ana'), person('Raj', [[13, 14]])],
      slot: [13, 13.5],
      refusal: 'Raj is busy then',
    },
    {
      name: 'outside working hours',
      people: [person('Ana'), person('Raj')],
      slot: [16.75, 17.25],
      refusal: 'Ana is outside working hours (09:00–17:00 UTC) then',
    },
    {
      name: "overlapping the session's own old time",
      people: [person('Ana', [[10, 10.5]]), person('Raj', [[10, 10.5]])],
      slot: [10.25, 10.75],
      refusal: null,
    },
    {
      name: 'another meeting right after the old time',
      people: [person('Ana', [[10, 11]]), person('Raj')],
      slot: [10.25, 10.75],
      refusal: 'Ana is busy then',
    },
  ])('$name', ({ people, slot, refusal }) => {
    expect(rescheduleRefusal(people, { start: slot[0]! * h, end: slot[1]! * h }, current)).toBe(refusal);
  });
});
