// What every calendar route needs, and the mailbox whose concurrency slots it holds.
import type { DevTenantStore } from '../../store.js';

export interface CalendarOptions {
  store: DevTenantStore;
  tenantId: string;
  now: () => Date;
}

export const calendarMailbox = (p: Record<string, string>): string | null => p.user ?? p.me ?? null;
