// The grammar of each id the program mints, so an id from outside (a path, a
// card, a note body) is checked before it reaches a query. Every id is ours:
// anything that does not match what we generate is refused, whatever it holds
// (quotes, `#`, `&`, `%`, `/` and spaces never match).
import { z } from 'zod';

/** Lower-case base 36 words joined by `-`: what `fnv1aId` and our prefixes produce. */
const words = '[0-9a-z]+(?:-[0-9a-z]+)*';

/** `pair-<base36>` (server/program/pairs.ts), or a seeded `pair-demo-<n>`. */
export const pairIdPattern = new RegExp(`^pair-${words}$`);
/** An occurrence key: a planned date (`2026-03-02`), `linked-<hex>` or another word list. */
export const occurrencePattern = /^[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*$/;

export const PairId = z.string().max(64).regex(pairIdPattern, 'not a pair id');

/** `<pairId>~<occurrence>` (booking.ts `sessionIdFor`). */
export const SessionId = z
  .string()
  .max(128)
  .refine((id) => {
    const [pairId, occurrence, ...rest] = id.split('~');
    return (
      rest.length === 0 &&
      PairId.safeParse(pairId).success &&
      occurrence !== undefined &&
      occurrence.length <= 32 &&
      occurrencePattern.test(occurrence)
    );
  }, 'not a session id');

/** What the tab mints for a new row (`crypto.randomUUID`). */
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/**
 * `ai-<base36>` (notes/model.ts `actionItemId`, the bot), a UUID or
 * `item-<base36>-<base36>` (the tab's ActionItemsField). An id is never free
 * text: it is stored as it comes, so it may hold nothing else.
 */
export const actionItemIdPattern = new RegExp(`^(?:(?:ai|item)-${words}|${uuid})$`);
export const ActionItemId = z.string().min(1).max(64).regex(actionItemIdPattern, 'not an action item id');

/** `<pairId>~tp~<base36>` (server/program/notes.ts `logTouchpoint`). */
export const TouchpointId = z
  .string()
  .max(128)
  .refine((id) => {
    const [pairId, tp, key, ...rest] = id.split('~');
    return rest.length === 0 && tp === 'tp' && PairId.safeParse(pairId).success && /^[0-9a-z]+$/.test(key ?? '');
  }, 'not a touchpoint id');

/**
 * An id Microsoft 365 gives an item (an Exchange event id, an iCalUId, a chat
 * thread id): printable ASCII only, as Exchange and Teams mint them. Anything
 * else (spaces, control or non-ASCII characters, lone surrogates) is refused
 * before it reaches a Graph URL.
 */
export const GraphItemId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'not a Microsoft 365 item id (printable ASCII only)');
