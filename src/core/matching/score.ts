// How much a possible pair is worth: integer points, so that the matching is exact and
// ties are real ties. The weights favour a rich two-way exchange first, then the classic
// early-with-seasoned pairing, then ample shared working time.
import { sharedMinutes, type Round } from './feasibility.js';

export const scoreWeights = {
  /** Per direction, for the first focus area one teaches that the other wants. */
  exchangeFirstArea: 20,
  /** Per direction, for each further such area (up to two more). */
  exchangeFurtherArea: 5,
  exchangeFurtherAreasCounted: 2,
  earlyWithSeasoned: 30,
  midWithOther: 20,
  midWithMid: 10,
  /** Per two hours of shared working time a week, up to the cap. */
  perTwoSharedHours: 1,
  sharedTimeCap: 20,
  /** Under the "any" department rule, for colleagues from different departments (a wider view, further from the reporting line). */
  crossDepartment: 5,
} as const;

export const maximumScore =
  2 * (scoreWeights.exchangeFirstArea + scoreWeights.exchangeFurtherArea * scoreWeights.exchangeFurtherAreasCounted) +
  scoreWeights.earlyWithSeasoned +
  scoreWeights.sharedTimeCap +
  scoreWeights.crossDepartment;

const bitCount = (mask: number): number => {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
};

const directionPoints = (areas: number): number =>
  areas === 0
    ? 0
    : scoreWeights.exchangeFirstArea +
      scoreWeights.exchangeFurtherArea * Math.min(areas - 1, scoreWeights.exchangeFurtherAreasCounted);
/** Points for one direction of the exchange, by the mask of areas taught (a round scores millions of pairs). */
const directionPointsByMask = Int32Array.from({ length: 256 }, (_, mask) => directionPoints(bitCount(mask)));

export function stagePoints(x: number, y: number): number {
  if (x !== 1 && y !== 1) return scoreWeights.earlyWithSeasoned;
  return x === 1 && y === 1 ? scoreWeights.midWithMid : scoreWeights.midWithOther;
}

export const sharedTimePoints = (weeklyMinutes: number): number =>
  Math.min(scoreWeights.sharedTimeCap, scoreWeights.perTwoSharedHours * Math.floor(weeklyMinutes / 120));

/** The score of a pair the feasibility rules allow. */
export function pairScore(round: Round, i: number, j: number): number {
  const crossDepartment =
    round.rules.department === 'any' && round.department[i] !== round.department[j] ? scoreWeights.crossDepartment : 0;
  return (
    directionPointsByMask[round.teaches[i]! & round.wants[j]!]! +
    directionPointsByMask[round.teaches[j]! & round.wants[i]!]! +
    stagePoints(round.stage[i]!, round.stage[j]!) +
    sharedTimePoints(sharedMinutes(round, i, j)) +
    crossDepartment
  );
}
