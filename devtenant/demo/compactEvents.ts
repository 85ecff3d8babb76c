// Seeded events kept small in SQLite: a 16,000-mailbox tenant is half a million
// events, so each stores only its own fields and is read back whole.
import { seededEventDefaults } from './calendars.js';

/** Marks a seeded event stored without the fields it shares with every seeded event. */
const compactMark = '@seeded';

/** The seeded event's own fields only (the shared ones are the same objects as the defaults'). */
export function compactBody(body: Record<string, unknown>): string {
  const own: Record<string, unknown> = { [compactMark]: 1 };
  for (const [k, v] of Object.entries(body)) if (seededEventDefaults[k] !== v) own[k] = v;
  return JSON.stringify(own);
}

export function parseEventBody(json: string): Record<string, unknown> {
  const body = JSON.parse(json) as Record<string, unknown>;
  if (!(compactMark in body)) return body;
  delete body[compactMark];
  // A fresh copy of the defaults each time: callers may change the body they read.
  const defaults: Record<string, unknown> = { ...seededEventDefaults };
  for (const [k, v] of Object.entries(defaults))
    if (typeof v === 'object' && v !== null) defaults[k] = structuredClone(v);
  return Object.assign(defaults, body);
}
