// The dashboard's API paths, shared by its page (pages/dashboard/useDashboard.ts and
// useOutcomes.ts) and the tab's first script, which primes them as it opens
// the page (routes.ts): nothing here may import more than strings and times.
import { dayMs } from '../core/time.js';

/** The periods the dashboard offers, in days. */
export const periodDays = ['30', '90', '365'] as const;
export type PeriodDays = (typeof periodDays)[number];
/** The period the dashboard opens on: the tab primes it, the page asks for it. */
export const openingPeriod: PeriodDays = '90';

/** The last `days` days up to `now`. */
export function lastDays(days: PeriodDays, now = Date.now()): { from: string; to: string } {
  return { from: new Date(now - Number(days) * dayMs).toISOString(), to: new Date(now).toISOString() };
}

/**
 * The figures' path. The caller's own scope (the program for the owner, a lead's department) is asked as
 * /api/me/dashboard, which the tab primes before it knows who is signed in.
 */
export function dashboardPath(department: string | null, ownScope: boolean, period: { from: string; to: string }) {
  const query = `?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
  if (ownScope) return `/api/me/dashboard${query}`;
  return department === null
    ? `/api/program/dashboard${query}`
    : `/api/departments/${encodeURIComponent(department)}/dashboard${query}`;
}

/** The outcomes' path: without a department the server answers for the caller's own scope. */
export function outcomesPath(department: string | null, format?: 'csv'): string {
  const params = new URLSearchParams();
  if (department !== null) params.set('department', department);
  if (format) params.set('format', format);
  const text = params.toString();
  return `/api/outcomes${text ? `?${text}` : ''}`;
}
