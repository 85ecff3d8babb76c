import { describe, expect, it } from 'vitest';
import type { Pair, Session } from '../../../src/core/schemas.js';
import type { PairReader } from '../../../server/bot/myPairs.js';
import { createPairSearch, maxAnswersPerPerson } from '../../../server/bot/search.js';

const viewer = '11111111-1111-4111-8111-111111111111';
const partner = '22222222-2222-4222-8222-222222222222';
const cacheMs = 5_000;

const pair = (department: string) =>
  ({
    id: 'pair-1',
    status: 'active',
    cadence: 'biweekly',
    members: [
      { userId: viewer, displayName: 'Vera Viewer', department: 'Nursing', careerStage: 'early' },
      { userId: partner, displayName: 'Pat Partner', department, careerStage: 'seasoned' },
    ],
  }) as unknown as Pair;

/** A program store whose pair reads wait until `answer()`, counting them; `department` is what the next read sees. */
function slowStore() {
  const state = { reads: 0, department: 'Social Work', waiting: [] as Array<() => void> };
  return {
    state,
    answer: async () => {
      for (const release of state.waiting.splice(0)) release();
      await new Promise((r) => setImmediate(r));
    },
    store: {
      pairsOf: () => {
        state.reads++;
        const department = state.department;
        return new Promise<Pair[]>((resolve) => state.waiting.push(() => resolve([pair(department)])));
      },
      sessionsOfPair: async () => [] as Session[],
    } as unknown as PairReader,
  };
}

const query = (text = '') => ({ commandId: 'searchPairs', parameters: [{ name: 'searchKeywords', value: text }] });
const departmentShown = (answer: { body: unknown }) =>
  JSON.stringify(answer.body).includes('Social Work') ? 'Social Work' : 'Case Management';

/** The cards a search answers for `text`, the slow store's read let through. */
function cardsOf(search: ReturnType<typeof createPairSearch>, answer: () => Promise<void>) {
  return async (text: string) => {
    const a = search.answerQuery(query(text), viewer);
    await answer();
    return ((await a).body as { composeExtension: { attachments: unknown[] } }).composeExtension.attachments;
  };
}

/** A search over a slow store whose first read has been answered; `clock.now` moves time. */
async function searchAfterFirstRead(random = 0) {
  const clock = { now: 0 };
  const slow = slowStore();
  const search = createPairSearch({
    store: slow.store,
    now: () => clock.now,
    teamsAppId: 'app',
    cacheMs,
    random: () => random,
  });
  const first = search.answerQuery(query(), viewer);
  await slow.answer();
  await first;
  return { ...slow, search, clock };
}

describe('message-extension search between keystrokes', () => {
  it('answers from the last read while a refresh runs in the background, never from a read older than the cache lifetime', async () => {
    let now = 0;
    const { state, store, answer } = slowStore();
    const search = createPairSearch({ store, now: () => now, teamsAppId: 'app', cacheMs, random: () => 0 });
    const first = search.answerQuery(query(), viewer);
    await answer();
    expect(departmentShown(await first)).toBe('Social Work');

    state.department = 'Case Management';
    now = 3_000; // past half the lifetime: answered at once from the last read, one refresh starts
    let settled = false;
    const during = search.answerQuery(query(), viewer).then((a) => ((settled = true), a));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(true);
    expect(departmentShown(await during)).toBe('Social Work');
    await search.answerQuery(query(), viewer);
    expect(state.reads).toBe(2);

    await answer();
    now = 4_000;
    expect(departmentShown(await search.answerQuery(query(), viewer))).toBe('Case Management');
    expect(state.reads).toBe(2);
  });

  it('waits for a fresh read once the last one is older than the cache lifetime', async () => {
    let now = 0;
    const { state, store, answer } = slowStore();
    const search = createPairSearch({ store, now: () => now, teamsAppId: 'app', cacheMs, random: () => 0 });
    const first = search.answerQuery(query(), viewer);
    await answer();
    await first;
    state.department = 'Case Management';
    now = cacheMs;
    const late = search.answerQuery(query(), viewer);
    await answer();
    expect(departmentShown(await late)).toBe('Case Management');
  });

  it('matches the partner by name or department, not the viewer', async () => {
    const { store, answer } = slowStore();
    const search = createPairSearch({ store, now: () => 0, teamsAppId: 'app', cacheMs });
    const cards = cardsOf(search, answer);
    expect(await cards('pat')).toHaveLength(1);
    expect(await cards('SOCIAL')).toHaveLength(1);
    expect(await cards('vera')).toHaveLength(0);
    expect(await cards('nursing')).toHaveLength(0);
  });

  it('answers a repeated query, however spaced or cased, with the answer composed once per read', async () => {
    const { state, store, answer } = slowStore();
    const search = createPairSearch({ store, now: () => 0, teamsAppId: 'app', cacheMs });
    const first = search.answerQuery(query(' Pat '), viewer);
    await answer();
    const composed = await first;
    expect(await search.answerQuery(query('pat'), viewer)).toBe(composed);
    expect(await search.answerQuery(query('PAT'), viewer)).toBe(composed);
    expect(await search.answerQuery(query('social'), viewer)).not.toBe(composed);

    state.department = 'Case Management';
    search.forget(viewer);
    const after = search.answerQuery(query('pat'), viewer);
    await answer();
    expect(await after).not.toBe(composed);
    expect(departmentShown(await after)).toBe('Case Management');
  });

  it('keeps a bounded number of composed answers per person, and still answers every query right', async () => {
    const { store, answer } = slowStore();
    const search = createPairSearch({ store, now: () => 0, teamsAppId: 'app', cacheMs });
    const cards = cardsOf(search, answer);
    const first = await cards('pat');
    for (let i = 0; i < maxAnswersPerPerson; i++) expect(await cards(`nobody ${i}`)).toEqual([]);
    const again = await cards('pat');
    expect(again).toHaveLength(1);
    expect(again).not.toBe(first);
  });

  it('after the lifetime, waits for the refresh already running instead of reading again', async () => {
    const { state, answer, search, clock } = await searchAfterFirstRead();
    state.department = 'Case Management';
    clock.now = 3_000;
    await search.answerQuery(query(), viewer); // starts the refresh, which stays slow
    expect(state.reads).toBe(2);
    clock.now = cacheMs + 500;
    const late = search.answerQuery(query(), viewer);
    expect(state.reads).toBe(2);
    await answer();
    expect(departmentShown(await late)).toBe('Case Management');
    expect(state.reads).toBe(2);
  });

  it('spreads refreshes to before half the lifetime, so people read together do not refresh together', async () => {
    const { state, search, clock } = await searchAfterFirstRead(0.99);
    clock.now = 1_500;
    await search.answerQuery(query(), viewer);
    expect(state.reads).toBe(1);
    clock.now = 1_800;
    await search.answerQuery(query(), viewer);
    expect(state.reads).toBe(2);
  });

  it('does not wait for a refresh that failed: after the lifetime, a new read answers', async () => {
    const { state, store, answer, search, clock } = await searchAfterFirstRead();
    const pairsOf = store.pairsOf.bind(store);
    store.pairsOf = () => Promise.reject(new Error('store down'));
    clock.now = 3_000;
    await search.answerQuery(query(), viewer); // its refresh fails
    await new Promise((r) => setImmediate(r));
    store.pairsOf = pairsOf;
    state.department = 'Case Management';
    clock.now = cacheMs + 500;
    const late = search.answerQuery(query(), viewer);
    await answer();
    expect(departmentShown(await late)).toBe('Case Management');
  });
});
