// How the tab shows instants: in the viewer's time zone and locale, or in a
// named person's time zone when both people's local times are compared.
import { minuteMs } from '../core/time.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options: building one costs far more than
 * using it (a page of sessions formats dozens of instants). A zone Intl does
 * not know throws here, as the constructor does, and nothing is kept.
 */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return formatter(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(new Date(iso));
}

/**
 * An instant in a person's mailbox time zone, always labelled with the zone.
 * A zone Intl does not know (a custom Exchange zone shown as "UTC-07:00")
 * falls back to the server's wall-clock text and that label.
 */
export function formatInZone(iso: string, locale: string, timeZone: string, wallClock: string): string {
  try {
    return formatDateTime(iso, locale, timeZone);
  } catch {
    return `${wallClock} (${timeZone})`;
  }
}

/**
 * A session's start and end in the viewer's mailbox time zone (Outlook's setting, from /api/me), labelled
 * with the zone; the browser's zone, still labelled, when the mailbox has none or Intl does not know it.
 */
export function formatTimeRangeInZone(
  startIso: string,
  endIso: string,
  locale: string,
  timeZone: string | null,
): string {
  const range = (zone: string | undefined) => {
    const end = formatter(locale, { hour: 'numeric', minute: '2-digit', timeZone: zone });
    const start = formatter(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
    });
    const zoneName = formatter(locale, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(new Date(startIso))
      .find((part) => part.type === 'timeZoneName')?.value;
    return `${start.format(new Date(startIso))} – ${end.format(new Date(endIso))}${zoneName ? ` ${zoneName}` : ''}`;
  };
  try {
    return range(timeZone ?? undefined);
  } catch {
    return range(undefined);
  }
}

export function formatDate(iso: string, locale: string): string {
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export function formatTimeRange(startIso: string, endIso: string, locale: string): string {
  const time = formatter(locale, { hour: 'numeric', minute: '2-digit' });
  return `${formatDateTime(startIso, locale)} – ${time.format(new Date(endIso))}`;
}

/** `YYYY-MM-DD` of today, for date inputs. */
export function todayInputValue(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * minuteMs);
  return local.toISOString().slice(0, 10);
}
