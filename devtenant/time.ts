// Durations and timestamp shapes the dev tenant's calendars and lists share.
export const minuteMs = 60_000;
export const dayMs = 24 * 60 * minuteMs;

/** ISO 8601 in UTC without fractional seconds, as SharePoint and Entra print them. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}
