// A simulated Outlook mailbox item for the browser-hosted task pane (the dev
// landing page and browser tests): a plain object with the Office.js shape
// meetingItem.ts reads, kept in sessionStorage so a reload sees the same
// body. office-addin-mock is not used here because it requires Node-only
// packages (office-addin-manifest) and does not bundle for the browser; the
// unit tests drive the same adapter through office-addin-mock instead.
import { z } from 'zod';
import type { AsyncResultLike, MeetingRole, OfficeAppointmentLike, OfficeMailboxLike } from './meetingItem.js';

export const SimulatedItemState = z.object({
  role: z.enum(['organizer', 'attendee']),
  eventId: z.string().nullable(),
  subject: z.string(),
  categories: z.array(z.string()),
  bodyHtml: z.string(),
});
export type SimulatedItemState = z.infer<typeof SimulatedItemState>;

export const simulatedItemStorageKey = 'reciprocal.outlook.simulatedItem';

export function loadSimulatedItem(storage: Storage): SimulatedItemState | null {
  try {
    const parsed = SimulatedItemState.safeParse(JSON.parse(storage.getItem(simulatedItemStorageKey) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSimulatedItem(storage: Storage, state: SimulatedItemState | null): void {
  if (state) storage.setItem(simulatedItemStorageKey, JSON.stringify(state));
  else storage.removeItem(simulatedItemStorageKey);
}

const ok = <T>(value: T): AsyncResultLike<T> => ({ status: 'succeeded', value, error: null });

/** An Office.js-shaped mailbox around the state; every body change is written back through `persist`. */
export function simulatedMailbox(
  initial: SimulatedItemState,
  persist: (state: SimulatedItemState) => void,
): OfficeMailboxLike {
  let state = { ...initial };
  const later = (fn: () => void) => setTimeout(fn, 0);
  const role: MeetingRole = state.role;
  const item: OfficeAppointmentLike = {
    itemType: 'appointment',
    ...(role === 'attendee' && state.eventId ? { itemId: state.eventId } : {}),
    subject: role === 'attendee' ? state.subject : { getAsync: (cb) => later(() => cb(ok(state.subject))) },
    categories: {
      getAsync: (cb) => later(() => cb(ok(state.categories.map((displayName) => ({ displayName, color: 'Preset0' }))))),
    },
    body: {
      getAsync: (_type, cb) => later(() => cb(ok(state.bodyHtml))),
      ...(role === 'organizer'
        ? {
            setAsync: (data: string, _options: { coercionType: string }, cb: (r: AsyncResultLike<void>) => void) =>
              later(() => {
                state = { ...state, bodyHtml: data };
                persist(state);
                cb(ok(undefined));
              }),
          }
        : {}),
    },
    ...(role === 'organizer'
      ? {
          getItemIdAsync: (cb: (r: AsyncResultLike<string>) => void) =>
            later(() =>
              cb(
                state.eventId
                  ? ok(state.eventId)
                  : { status: 'failed', value: '', error: { message: 'The item is not saved yet.' } },
              ),
            ),
        }
      : {}),
  };
  // The dev tenant's ids are already REST ids.
  return { item, convertToRestId: (id) => id };
}
