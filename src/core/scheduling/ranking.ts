// Ranks slots for people: a score and the reasons a person would give for it,
// with each person's local time (fairness across time zones is visible).
import type { SlotSuggestion } from '../api.js';
import type { Interval } from './intervals.js';
import { formatOffset, type ZoneRule } from './timeZones.js';

export interface RankedPerson {
  userId: string;
  displayName: string;
  zone: ZoneRule;
  /** Busy ranges, used to spot back-to-back meetings. */
  busy: Interval[];
}

export interface Preferences {
  /** Keep clear of 12:00-13:00 in everyone's own time (on unless the request says `false`). */
  avoidLunch?: boolean;
  preferMornings?: boolean;
  avoidMondayFriday?: boolean;
  /** Spread the top suggestions over distinct days (on unless the request says `false`). */
  spreadOverDays?: boolean;
}

/** What people would choose when they do not say: clear of lunch, spread over days (GitHub issue 14, item 3). */
export const defaultPreferences = { avoidLunch: true, spreadOverDays: true } as const satisfies Preferences;

export interface RankedSlot extends Interval {
  score: number;
  reasons: string[];
  localTimes: Array<{ userId: string; displayName: string; timeZone: string; local: string }>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const weekdayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Meetings closer than this count as back-to-back. */
const backToBackMs = 5 * 60_000;
const lunch = { from: 12 * 60, to: 13 * 60 };
/** The time of day (minutes) suggestions lean toward for everyone: a shared mid-morning. */
const midMorning = 10 * 60;
/** A lunch-hour slot still ranks, but after every slot clear of lunch (penalty when asked to avoid lunch). */
const lunchPenalty = { avoid: 60, otherwise: 12 };
/** Each earlier pick on the same local day costs a slot this much, so the top suggestions spread over days. */
const sameDayPenalty = 20;

/** "Chicago" for America/Chicago; a custom zone by its offset at the time, e.g. "UTC-07:00". */
function place(zone: ZoneRule, at: number): string {
  if (zone.label.includes('/')) return zone.label.split('/').pop()!.replace(/_/g, ' ');
  if (zone.label === 'UTC') return 'UTC';
  return formatOffset(zone.offsetAt(at));
}

/** A preference left undefined takes its default (a request's `undefined` is "not said"). */
const withoutUndefined = (p: Preferences): Preferences =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Preferences;

const firstName = (displayName: string) => displayName.trim().split(/\s+/)[0] ?? displayName;

/** Whether a meeting ends just before the slot or starts just after it. Busy ranges are sorted. */
function backToBack(busy: readonly Interval[], slot: Interval): boolean {
  // Binary search for the first range ending at or after slot.start - margin.
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (busy[mid]!.end < slot.start - backToBackMs) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < busy.length && busy[i]!.start <= slot.end + backToBackMs; i++) {
    const b = busy[i]!;
    if (
      (b.end <= slot.start && b.end >= slot.start - backToBackMs) ||
      (b.start >= slot.end && b.start <= slot.end + backToBackMs)
    )
      return true;
  }
  return false;
}

export function rankSlots(
  slots: readonly Interval[],
  people: readonly RankedPerson[],
  preferences: Preferences = {},
  limit = 10,
): RankedSlot[] {
  const { avoidLunch, spreadOverDays } = { ...defaultPreferences, ...withoutUndefined(preferences) };
  const sortedBusy = people.map((p) => [...p.busy].sort((a, b) => a.start - b.start));
  const crossZone = new Set(people.map((p) => `${p.zone.offsetAt(slots[0]?.start ?? 0)}|${p.zone.label}`)).size > 1;
  const everyone = people.length === 2 ? 'both' : 'everyone';
  const ranked = slots.map((slot): RankedSlot => {
    let score = 100;
    const reasons = [people.length === 2 ? 'inside both working hours' : "inside everyone's working hours"];
    const locals = people.map((p) => {
      const w = p.zone.toWallClock(slot.start);
      return { p, w, from: w.hour * 60 + w.minute, to: w.hour * 60 + w.minute + (slot.end - slot.start) / 60_000 };
    });

    if (sortedBusy.every((busy) => !backToBack(busy, slot))) reasons.push('no back-to-back meeting');
    else score -= 10;

    if (locals.some(({ from, to }) => from < lunch.to && to > lunch.from))
      score -= avoidLunch ? lunchPenalty.avoid : lunchPenalty.otherwise;
    else if (avoidLunch) reasons.push('clear of lunch (12:00–13:00)');
    if (preferences.preferMornings && locals.every(({ from }) => from < 12 * 60)) {
      score += 15;
      reasons.push(`morning for ${everyone}`);
    }
    if (preferences.avoidMondayFriday) {
      if (locals.some(({ w }) => w.weekday === 1 || w.weekday === 5)) score -= 20;
      else reasons.push('not a Monday or Friday');
    }

    // Fairness: nobody far from mid-morning, measured for whoever is furthest from it.
    score -= Math.max(...locals.map(({ from }) => Math.abs(from - midMorning) / 60)) * 2;
    if (crossZone)
      reasons.push(
        locals
          .map(
            ({ p, w }) =>
              `${pad(w.hour)}:${pad(w.minute)} for ${firstName(p.displayName)} in ${place(p.zone, slot.start)}`,
          )
          .join(', '),
      );

    return {
      start: slot.start,
      end: slot.end,
      score: Math.round(score * 10) / 10,
      reasons,
      localTimes: locals.map(({ p, w }) => ({
        userId: p.userId,
        displayName: p.displayName,
        timeZone: p.zone.label,
        local: `${weekdayNames[w.weekday]} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`,
      })),
    };
  });
  // Highest score first; the earlier slot wins a tie.
  ranked.sort((a, b) => b.score - a.score || a.start - b.start);
  return spreadOverDays ? spreadOverDistinctDays(ranked, limit) : ranked.slice(0, limit);
}

/**
 * The best `limit` slots, picked one at a time, each pick counting against
 * other slots on the same local day (the first person's), so eight
 * suggestions do not all fall on one or two days. `ranked` is best first.
 */
function spreadOverDistinctDays(ranked: RankedSlot[], limit: number): RankedSlot[] {
  const dayOf = (slot: RankedSlot) => slot.localTimes[0]?.local.slice(0, 14) ?? '';
  const picksPerDay = new Map<string, number>();
  const left = [...ranked];
  const picked: RankedSlot[] = [];
  while (picked.length < limit && left.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < left.length; i++) {
      // Scores only fall from here on, so nothing further down can beat the best found so far.
      if (left[i]!.score <= bestScore) break;
      const effective = left[i]!.score - sameDayPenalty * (picksPerDay.get(dayOf(left[i]!)) ?? 0);
      if (effective > bestScore) {
        best = i;
        bestScore = effective;
      }
    }
    const [slot] = left.splice(best, 1);
    picked.push(slot!);
    picksPerDay.set(dayOf(slot!), (picksPerDay.get(dayOf(slot!)) ?? 0) + 1);
  }
  return picked;
}

const isoInstant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Ranked slots in the REST contract's shape (`SlotSuggestion`, UTC ISO instants). */
export function rankSuggestions(
  slots: readonly Interval[],
  people: readonly RankedPerson[],
  preferences: Preferences = {},
  limit = 10,
): SlotSuggestion[] {
  return rankSlots(slots, people, preferences, limit).map((r) => ({
    start: isoInstant(r.start),
    end: isoInstant(r.end),
    score: r.score,
    reasons: r.reasons,
    localTimes: r.localTimes,
  }));
}
