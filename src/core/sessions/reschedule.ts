// Whether a session may move to a new time: both people inside their working
// hours and free then. The session's own meeting still shows busy at its old
// time on both calendars, so that time counts as free for the move (a second
// meeting at exactly the old time would be missed: free/busy names no events).
import { freeRanges, subtract, totalLength, type Availability, type Interval } from '../scheduling/index.js';

/** Why `slot` does not suit everyone (naming who and why), or null when it does. */
export function rescheduleRefusal(people: readonly Availability[], slot: Interval, current: Interval): string | null {
  const length = slot.end - slot.start;
  for (const person of people) {
    if (totalLength(freeRanges({ ...person, busy: [] }, slot)) < length)
      return `${person.displayName} is outside working hours${person.workingHours ? ` (${person.workingHours})` : ''} then`;
    if (totalLength(freeRanges({ ...person, busy: subtract(person.busy, [current]) }, slot)) < length)
      return `${person.displayName} is busy then`;
  }
  return null;
}
