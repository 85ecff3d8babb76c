// Graph's dateTimeTimeZone: Windows or IANA zone names in, instants (UTC
// milliseconds) inside, and the caller's preferred zone out.
import { DateTime } from 'luxon';
import { findIana } from 'windows-iana';
import { z } from 'zod';
import { GraphError, badRequest } from '../../graphErrors.js';
import type { GraphRequest } from '../dispatch.js';

/** Windows or IANA name -> IANA zone; Graph accepts both. */
export function ianaZone(name: string): string {
  if (name === 'UTC' || name === 'tzone://Microsoft/Utc') return 'UTC';
  const fromWindows = findIana(name)?.[0];
  const zone = fromWindows ?? name;
  if (!DateTime.now().setZone(zone).isValid)
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
    );
  return zone;
}

export const DateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1).default('UTC') });
type DateTimeTimeZone = z.infer<typeof DateTimeTimeZone>;

export function instant(dt: DateTimeTimeZone): number {
  const zone = ianaZone(dt.timeZone);
  const hasOffset = /(Z|[+-]\d\d:\d\d)$/.test(dt.dateTime);
  const parsed = DateTime.fromISO(dt.dateTime, hasOffset ? { setZone: true } : { zone });
  if (!parsed.isValid)
    throw badRequest(`Cannot convert the literal '${dt.dateTime}' to the expected type 'Edm.DateTimeOffset'.`);
  return parsed.toMillis();
}

export function render(ms: number, timeZoneName: string): { dateTime: string; timeZone: string } {
  const local = DateTime.fromMillis(ms, { zone: ianaZone(timeZoneName) });
  return { dateTime: `${local.toFormat("yyyy-LL-dd'T'HH:mm:ss")}.0000000`, timeZone: timeZoneName };
}

/** `Prefer: outlook.timezone="Pacific Standard Time"`, else UTC. */
export function preferredZone(req: GraphRequest): string {
  const m = /outlook\.timezone="([^"]+)"/i.exec(req.headers['prefer'] ?? '');
  return m?.[1] ?? 'UTC';
}
