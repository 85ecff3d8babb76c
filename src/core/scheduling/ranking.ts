// Ranks slots for people: a score and the reasons a person would give for it,
// with each person's local time (fairness across time zones is visible).
import type { Interval } from './intervals.js';
import type { ZoneRule } from './timeZones.js';

export interface RankedPerson {
  userId: string;
  displayName: string;
  zone: ZoneRule;
  busy: Interval[];
}

export interface Preferences {
  avoidLunch?: boolean;
  preferMornings?: boolean;
  avoidMondayFriday?: boolean;
}

export interface RankedSlot extends Interval {
  score: number;
  reasons: string[];
  localTimes: Array<{ userId: string; displayName: string; timeZone: string; local: string }>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const weekdayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const city = (zone: string) => zone.split('/').pop()!.replace(/_/g, ' ');
const backToBackMs = 5 * 60_000;

function touchesMeeting(busy: readonly Interval[], slot: Interval): boolean {
  return busy.some((b) => Math.abs(b.end - slot.start) <= backToBackMs || Math.abs(slot.end - b.start) <= backToBackMs);
}

export function rankSlots(slots: readonly Interval[], people: readonly RankedPerson[], preferences: Preferences = {}, limit = 10): RankedSlot[] {
  const ranked = slots.map((slot) => {
    let score = 100;
    const reasons = ['inside both working hours'];
    const locals = people.map((p) => ({ p, w: p.zone.toWallClock(slot.start), e: p.zone.toWallClock(slot.end) }));
    if (people.every((p) => !touchesMeeting(p.busy, slot))) reasons.push('no back-to-back meeting');
    else score -= 10;
    if (preferences.avoidLunch) {
      const overlapsLunch = locals.some(({ w, e }) => w.hour * 60 + w.minute < 13 * 60 && e.hour * 60 + e.minute > 12 * 60 && w.day === e.day);
      if (overlapsLunch) score -= 25;
      else reasons.push('clear of lunch (12:00–13:00)');
    }
    if (preferences.preferMornings) {
      if (locals.every(({ w }) => w.hour < 12)) {
        score += 15;
        reasons.push('morning for both');
      }
    }
    if (preferences.avoidMondayFriday) {
      if (locals.some(({ w }) => w.weekday === 1 || w.weekday === 5)) score -= 20;
      else reasons.push('not a Monday or Friday');
    }
    // Fairness: the further from mid-day either person is, the less fair the slot.
    const distances = locals.map(({ w }) => Math.abs(w.hour + w.minute / 60 - 12.5));
    score -= Math.max(...distances) * 2;
    const zones = new Set(people.map((p) => p.zone.label));
    if (zones.size > 1) {
      reasons.push(locals.map(({ p, w }) => `${pad(w.hour)}:${pad(w.minute)} for ${p.displayName.split(' ')[0]} in ${city(p.zone.label)}`).join(', '));
    }
    return {
      start: slot.start,
      end: slot.end,
      score: Math.round(score * 10) / 10,
      reasons,
      localTimes: locals.map(({ p, w }) => ({ userId: p.userId, displayName: p.displayName, timeZone: p.zone.label, local: `${weekdayNames[w.weekday]} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}` })),
    };
  });
  return ranked.sort((a, b) => b.score - a.score || a.start - b.start).slice(0, limit);
}
