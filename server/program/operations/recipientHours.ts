// A recipient's zone and working hours, from their mailbox settings through
// Graph (MailboxSettings.Read, https://learn.microsoft.com/graph/api/user-get-mailboxsettings),
// kept per instance for a while: a planner asks for the same people every
// tick. Unreadable settings fall back to the organization's zone on weekdays 09:00-17:00.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ianaName } from '../../../src/core/scheduling/index.js';
import { defaultDeliveryHours, type DeliveryHours } from '../../../src/core/sessions/index.js';
import type { ProgramPorts } from '../ports.js';

const MailboxSettings = z.object({
  timeZone: z.string().nullable().optional(),
  workingHours: z
    .object({
      daysOfWeek: z.array(z.string()),
      startTime: z.string(),
      endTime: z.string(),
      timeZone: z.object({ name: z.string() }).nullable().optional(),
    })
    .nullable()
    .optional(),
});

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const minuteOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The IANA name of a Windows or IANA zone name, or null when it is unset or unknown. */
function knownZone(name: string | null): string | null {
  if (!name) return null;
  try {
    return ianaName(name);
  } catch {
    return null;
  }
}

/** Mailbox settings as delivery hours; the organization's zone and weekdays 09:00-17:00 for what they leave out. */
export function deliveryHoursOf(settings: unknown, fallbackZone: string): DeliveryHours {
  const parsed = MailboxSettings.safeParse(settings);
  if (!parsed.success) return defaultDeliveryHours(fallbackZone);
  const { timeZone, workingHours } = parsed.data;
  const zone = knownZone(workingHours?.timeZone?.name ?? timeZone ?? null) ?? fallbackZone;
  if (!workingHours) return defaultDeliveryHours(zone);
  const days = workingHours.daysOfWeek.map((d) => weekdays.indexOf(d.toLowerCase()) + 1).filter((d) => d > 0);
  const startMinute = minuteOf(workingHours.startTime);
  const endMinute = minuteOf(workingHours.endTime);
  return endMinute > startMinute && days.length > 0
    ? { zone, days, startMinute, endMinute }
    : defaultDeliveryHours(zone);
}

export interface RecipientHours {
  of(userId: string): Promise<DeliveryHours>;
}

/** Reads each person's mailbox settings once per `keepMs` (default 12 h). */
export function mailboxRecipientHours(
  ports: Pick<ProgramPorts, 'graph' | 'now'>,
  orgTimeZone: string,
  keepMs = 12 * 3_600_000,
): RecipientHours {
  const kept = new Map<string, { hours: DeliveryHours; until: number }>();
  return {
    async of(userId) {
      const hit = kept.get(userId);
      if (hit && hit.until > ports.now()) return hit.hours;
      let hours: DeliveryHours;
      try {
        const settings: unknown = await ports.graph.client
          .api(`/users/${encodeURIComponent(userId)}/mailboxSettings`)
          .get();
        hours = deliveryHoursOf(settings, orgTimeZone);
      } catch (err) {
        // Busy or down: the tick retries later. Anything else (no mailbox, no permission): the org's hours.
        if (err instanceof GraphError && (err.statusCode === 429 || err.statusCode >= 500)) throw err;
        hours = defaultDeliveryHours(orgTimeZone);
      }
      kept.set(userId, { hours, until: ports.now() + keepMs });
      return hours;
    },
  };
}
