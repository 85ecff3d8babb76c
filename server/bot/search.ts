// Message-extension search: the caller's active pairs with their next session,
// as cards. Teams sends a query on every keystroke, so a person's pairs are
// shared for a few seconds (and by concurrent queries) instead of re-read.
import { z } from 'zod';
import type { Pair, Session } from '../../src/core/schemas.js';
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

type PairWithNext = { pair: Pair; next: Session | null };

export function createPairSearch(deps: PairSearchDeps): PairSearch {
  const cache = new Map<string, { at: number; value: Promise<PairWithNext[]> }>();

  function pairsWithNext(viewer: string): Promise<PairWithNext[]> {
    const hit = cache.get(viewer);
    if (hit && deps.now() - hit.at < deps.cacheMs) return hit.value;
    const value = readPairsWithNext(deps, viewer);
    value.catch(() => cache.delete(viewer));
    cache.set(viewer, { at: deps.now(), value });
    if (cache.size > maxCachedPeople) cache.delete(cache.keys().next().value!);
    return value;
  }

  async function matchingCards(viewer: string, text: string) {
    const wanted = text.trim().toLowerCase();
    const matches = (await pairsWithNext(viewer)).filter(({ pair }) => !wanted || partnerMatches(pair, viewer, wanted));
    return matches.map(({ pair, next }) => pairCard(deps.teamsAppId, pair, viewer, next));
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

async function readPairsWithNext(deps: PairSearchDeps, viewer: string): Promise<PairWithNext[]> {
  const nowIso = new Date(deps.now()).toISOString();
  const pairs = await activePairsOf(deps.store, viewer);
  return Promise.all(
    pairs.map(async (pair) => ({
      pair,
      next: nextScheduled(await deps.store.sessionsOfPair(pair.id), nowIso) ?? null,
    })),
  );
}

const partnerMatches = (pair: Pair, viewer: string, wanted: string) =>
  pair.members.some(
    (m) =>
      m.userId !== viewer &&
      (m.displayName.toLowerCase().includes(wanted) || m.department.toLowerCase().includes(wanted)),
  );
