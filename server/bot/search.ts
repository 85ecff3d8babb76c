// Message-extension search: the caller's active pairs with their next session,
// as cards. Teams sends a query on every keystroke, so a person's pairs are
// shared for a few seconds (and by concurrent queries) instead of re-read,
// their cards are built once per read, and the answer to each query text once
// per read, not per query.
import { z } from 'zod';
import type { Pair } from '../../src/core/schemas.js';
import { composeResult, unknownCommand, type InvokeAnswer, type InvokeHandler } from './answers.js';
import { pairCard } from './cards.js';
import { commandIds } from './commands.js';
import { activePairsOf, nextScheduled, type PairReader } from './myPairs.js';

const QueryInvoke = z.object({
  commandId: z.string(),
  parameters: z.array(z.object({ name: z.string(), value: z.unknown() })).default([]),
  queryOptions: z.object({ skip: z.number().optional(), count: z.number().optional() }).optional(),
});

/** Bounds the cache when many people search within one cache lifetime. */
const maxCachedPeople = 5_000;
/** Bounds the composed answers kept per person and read (one per query text typed within the cache lifetime). */
export const maxAnswersPerPerson = 32;

export interface PairSearchDeps {
  store: PairReader;
  now: () => number;
  teamsAppId: string;
  /** How long a person's search data is reused between keystrokes. */
  cacheMs: number;
  /** Spreads when entries are refreshed, between 35% and 50% of the lifetime (default Math.random). */
  random?: () => number;
}

export interface PairSearch {
  /** Answers `composeExtension/query`. */
  answerQuery: InvokeHandler;
  /** Drops a person's cached pairs, after the bot changed something of theirs. */
  forget(viewer: string): void;
}

/** A pair as search shows it: its card, built once per read, and what a query is matched against. */
type FoundPair = { card: ReturnType<typeof pairCard>; partners: string[] };

interface Cached {
  /** When the read behind `value` started: the age that counts against the cache lifetime. */
  at: number;
  /** When a query finding this entry starts its refresh. */
  refreshAt: number;
  value: Promise<FoundPair[]>;
  /** The refresh under way, once one started. */
  refreshing: Cached | null;
  /** Its read failed: nothing waits for it. */
  failed: boolean;
  /** The answer per normalised query text, composed from `value`: never changed once sent, so shared. */
  answers: Map<string, InvokeAnswer>;
}

export function createPairSearch(deps: PairSearchDeps): PairSearch {
  const cache = new Map<string, Cached>();
  const random = deps.random ?? Math.random;

  /**
   * An entry is refreshed from a little before half its lifetime on (never later, which would
   * shorten the time its refresh has to finish): people whose first searches came together
   * (everyone, after a restart) do not all refresh together, which made a burst of
   * program-store reads every half-lifetime that searches queued behind.
   */
  const entryReading = (viewer: string): Cached => {
    const at = deps.now();
    return {
      at,
      refreshAt: at + deps.cacheMs * (0.5 - 0.15 * random()),
      value: readFoundPairs(deps, viewer),
      refreshing: null,
      failed: false,
      answers: new Map(),
    };
  };

  function remember(viewer: string, entry: Cached): void {
    cache.set(viewer, entry);
    if (cache.size > maxCachedPeople) cache.delete(cache.keys().next().value!);
  }

  function read(viewer: string): Cached {
    const entry = entryReading(viewer);
    entry.value.catch(() => cache.get(viewer) === entry && cache.delete(viewer));
    remember(viewer, entry);
    return entry;
  }

  /**
   * From about half its lifetime (`refreshAt`), a person's entry is re-read in the background while queries keep
   * getting it: someone typing never waits on the program store, and no answer comes from a
   * read older than the lifetime. The new read replaces the entry only if nothing (a `forget`
   * after the bot changed their pairs) did so meanwhile; a failed refresh leaves it to expire.
   */
  function refresh(viewer: string, stale: Cached): void {
    const fresh = (stale.refreshing = entryReading(viewer));
    fresh.value.then(
      () => cache.get(viewer) === stale && remember(viewer, fresh),
      () => {
        fresh.failed = true;
        if (cache.get(viewer) === fresh) cache.delete(viewer);
      },
    );
  }

  function foundPairs(viewer: string): Cached {
    const hit = cache.get(viewer);
    const now = deps.now();
    if (!hit) return read(viewer);
    if (now - hit.at >= deps.cacheMs) {
      // A refresh still under way is younger than the lifetime: waiting for it beats a second read.
      const pending = hit.refreshing;
      if (!pending || pending.failed || now - pending.at >= deps.cacheMs) return read(viewer);
      remember(viewer, pending);
      return pending;
    }
    if (now >= hit.refreshAt && !hit.refreshing) refresh(viewer, hit);
    return hit;
  }

  async function answerFor(viewer: string, text: string): Promise<InvokeAnswer> {
    const wanted = text.trim().toLowerCase();
    const entry = foundPairs(viewer);
    const found = await entry.value;
    const known = entry.answers.get(wanted);
    if (known) return known;
    const cards = (wanted ? found.filter((f) => f.partners.some((p) => p.includes(wanted))) : found).map((f) => f.card);
    const composed = composeResult(cards);
    if (entry.answers.size >= maxAnswersPerPerson) entry.answers.delete(entry.answers.keys().next().value!);
    entry.answers.set(wanted, composed);
    return composed;
  }

  return {
    answerQuery: async (value, viewer) => {
      const query = QueryInvoke.parse(value);
      if (query.commandId !== commandIds.search) return unknownCommand(query.commandId);
      const text = String(query.parameters.find((p) => p.name !== 'initialRun')?.value ?? '');
      return answerFor(viewer, text);
    },
    forget: (viewer) => void cache.delete(viewer),
  };
}

/** The viewer's active pairs with their next session, as cards; Teams asks again on every keystroke. */
async function readFoundPairs(deps: PairSearchDeps, viewer: string): Promise<FoundPair[]> {
  const nowIso = new Date(deps.now()).toISOString();
  const pairs = await activePairsOf(deps.store, viewer);
  return Promise.all(
    pairs.map(async (pair) => {
      const next = nextScheduled(await deps.store.sessionsOfPair(pair.id), nowIso) ?? null;
      return { card: pairCard(deps.teamsAppId, pair, viewer, next), partners: partnerText(pair, viewer) };
    }),
  );
}

/** What a query matches: the partners' names and departments, lower-cased. */
const partnerText = (pair: Pair, viewer: string) =>
  pair.members.filter((m) => m.userId !== viewer).flatMap((m) => [m.displayName, m.department].map(lower));

const lower = (text: string) => text.toLowerCase();
