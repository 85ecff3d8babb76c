import { describe, expect, it } from 'vitest';
import { participationRecord, type RecordPair, type RecordSession } from '../../../src/core/growth/participation.js';

const early = { userId: 'u-early', displayName: 'Ana Ruiz', careerStage: 'early' as const };
const seasoned = { userId: 'u-seasoned', displayName: 'Raj Patel', careerStage: 'seasoned' as const };
const pair: RecordPair = { id: 'pair-1', members: [seasoned, early] };
const session = (over: Partial<RecordSession>): RecordSession => ({
  pairId: 'pair-1',
  direction: 'reverse',
  focusAreas: ['technology-adoption'],
  start: '2026-03-02T15:00:00Z',
  end: '2026-03-02T16:00:00Z',
  status: 'held',
  ...over,
});
const period = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

describe('participation record', () => {
  it('counts hours as guide and as learner by focus area from the direction', () => {
    const sessions = [
      session({}),
      session({
        direction: 'traditional',
        focusAreas: ['clinical-expertise'],
        start: '2026-03-09T15:00:00Z',
        end: '2026-03-09T15:30:00Z',
      }),
      // Both ways: half each way, the newer person guiding technology, the seasoned one ethics.
      session({
        direction: 'both',
        focusAreas: ['technology-adoption', 'ethical-reasoning'],
        start: '2026-03-16T15:00:00Z',
        end: '2026-03-16T16:00:00Z',
      }),
      session({ status: 'cancelled', start: '2026-03-23T15:00:00Z', end: '2026-03-23T16:00:00Z' }),
      session({ start: '2026-04-02T15:00:00Z', end: '2026-04-02T16:00:00Z' }),
    ];
    const mine = participationRecord({ personId: early.userId, period, pairs: [pair], sessions, goalsAchieved: [] });
    expect(mine.sessionsHeld).toBe(3);
    expect(mine.hoursAsGuide).toEqual({ 'technology-adoption': 1.5 });
    expect(mine.hoursAsLearner).toEqual({ 'clinical-expertise': 0.5, 'ethical-reasoning': 0.5 });
    expect(mine.totalHoursAsGuide).toBe(1.5);
    expect(mine.partners).toEqual(['Raj Patel']);
    const theirs = participationRecord({
      personId: seasoned.userId,
      period,
      pairs: [pair],
      sessions,
      goalsAchieved: [],
    });
    expect(theirs.hoursAsGuide).toEqual({ 'clinical-expertise': 0.5, 'ethical-reasoning': 0.5 });
    expect(theirs.hoursAsLearner).toEqual({ 'technology-adoption': 1.5 });
  });

  it('keeps only goals achieved inside the period', () => {
    const record = participationRecord({
      personId: early.userId,
      period,
      pairs: [pair],
      sessions: [],
      goalsAchieved: [
        { title: 'in', achievedOn: '2026-03-05T00:00:00Z' },
        { title: 'out', achievedOn: '2026-02-05T00:00:00Z' },
      ],
    });
    expect(record.goalsAchieved.map((g) => g.title)).toEqual(['in']);
  });
});
