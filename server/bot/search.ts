// Message-extension search: the caller's active pairs with their next session,
// as cards. Teams sends a query on every keystroke, so a person's pairs are
// shared for a few seconds (and by concurrent queries) instead of re-read, and
// their cards are built once per read, not per query.
import { z } from 'zod';
import type { Pair } from '../../src/core/schemas.js';
import { composeResult, unknownCommand, type InvokeHandler } from './answers.js';
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

export interface PairSearchDeps {
  store: PairReader;
  now: () => number;
  teamsAppId: string;
  /** How long a person's search data is reused between keystrokes. */
  cacheMs: number;
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
  value: Promise<FoundPair[]>;
  refreshing: boolean;
}

export function createPairSearch(deps: PairSearchDeps): PairSearch {
  const cache = new Map<string, Cached>();

  function remember(viewer: string, entry: Cached): void {
    cache.set(viewer, entry);
    if (cache.size > maxCachedPeople) cache.delete(cache.keys().next().value!);
  }

  function read(viewer: string): Cached {
    const entry: Cached = { at: deps.now(), value: readFoundPairs(deps, viewer), refreshing: false };
    entry.value.catch(() => cache.get(viewer) === entry && cache.delete(viewer));
    remember(viewer, entry);
    return entry;
  }

  /**
   * Past half its lifetime, a person's entry is re-read in the background while queries keep
   * getting it: someone typing never waits on the program store, and no answer comes from a
   * read older than the lifetime. The new read replaces the entry only if nothing (a `forget`
   * after the bot changed their pairs) did so meanwhile; a failed refresh leaves it to expire.
   */
  function refresh(viewer: string, stale: Cached): void {
    stale.refreshing = true;
    const fresh: Cached = { at: deps.now(), value: readFoundPairs(deps, viewer), refreshing: false };
    fresh.value.then(
      () => cache.get(viewer) === stale && remember(viewer, fresh),
      () => undefined,
    );
  }

  function foundPairs(viewer: string): Promise<FoundPair[]> {
    const hit = cache.get(viewer);
    const age = hit ? deps.now() - hit.at : Number.POSITIVE_INFINITY;
    if (!hit || age >= deps.cacheMs) return read(viewer).value;
    if (age >= deps.cacheMs / 2 && !hit.refreshing) refresh(viewer, hit);
    return hit.value;
  }

  async function matchingCards(viewer: string, text: string) {
    const wanted = text.trim().toLowerCase();
    const found = await foundPairs(viewer);
    return (wanted ? found.filter((f) => f.partners.some((p) => p.includes(wanted))) : found).map((f) => f.card);
  }

  return {
    answerQuery: async (value, viewer) => {
      const query = QueryInvoke.parse(value);
      if (query.commandId !== commandIds.search) return unknownCommand(query.commandId);
      const text = String(query.parameters.find((p) => p.name !== 'initialRun')?.value ?? '');
      return composeResult(await matchingCards(viewer, text));
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
