import { describe, expect, it } from 'vitest';
import type { Pair, Session } from '../../../src/core/schemas.js';
import type { PairReader } from '../../../server/bot/myPairs.js';
import { createPairSearch } from '../../../server/bot/search.js';

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

describe('message-extension search between keystrokes', () => {
  it('answers from the last read while a refresh runs in the background, never from a read older than the cache lifetime', async () => {
    let now = 0;
    const { state, store, answer } = slowStore();
    const search = createPairSearch({ store, now: () => now, teamsAppId: 'app', cacheMs });
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
    const search = createPairSearch({ store, now: () => now, teamsAppId: 'app', cacheMs });
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
    const cards = async (text: string) => {
      const a = search.answerQuery(query(text), viewer);
      await answer();
      return ((await a).body as { composeExtension: { attachments: unknown[] } }).composeExtension.attachments.length;
    };
    expect(await cards('pat')).toBe(1);
    expect(await cards('SOCIAL')).toBe(1);
    expect(await cards('vera')).toBe(0);
    expect(await cards('nursing')).toBe(0);
  });
});
