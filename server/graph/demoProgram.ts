// The demo program for the embedded dev tenant: a program owner enrolling
// people and pairing them, with a few weeks of history (held sessions, both
// people's notes, open action items, a pair at risk). Written through the
// same program store a real tenant uses; idempotent (deterministic keys).
import { DateTime } from 'luxon';
import { actionItemId } from '../../src/core/notes/model.js';
import { dayMs, hourMs, weekMs } from '../../src/core/time.js';
import type {
  CareerStage,
  Direction,
  FocusArea,
  Pair,
  Participant,
  Session,
  SessionStatus,
} from '../../src/core/schemas.js';
import { seedDemoGrowth } from './demoGrowth.js';
import type { ProgramStore } from './programStore.js';

export interface DemoPerson {
  id: string;
  userPrincipalName: string;
  displayName: string;
  department: string;
  careerStage: CareerStage;
  timeZone: string;
  roles: string[];
}

const history: Array<{
  direction: Direction;
  focusAreas: FocusArea[];
  taught: [string, string];
  learned: [string, string];
  items: [string[], string[]];
}> = [
  {
    direction: 'reverse',
    focusAreas: ['technology-adoption'],
    taught: [
      'Showed how I use saved filters in the care-coordination platform to see every pending prior authorization at once.',
      'Shared how I decide which discharge barriers need a call rather than a message.',
    ],
    learned: [
      'How an experienced case manager triages a busy morning before opening any tool.',
      'Three filters that cut my morning review from forty minutes to ten.',
    ],
    items: [
      ['Send the filter setup steps as a short checklist'],
      ['Try the saved filters for one week and report back'],
    ],
  },
  {
    direction: 'traditional',
    focusAreas: ['ethical-reasoning', 'system-navigation'],
    taught: [
      'Walked through how I think about a family that disagrees with a discharge plan, keeping the person at the centre.',
      'Explained who to call at the community agency when a referral stalls.',
    ],
    learned: [
      'That a shared decision-making tool exists in our intranet and how to find it quickly.',
      'How to frame autonomy versus safety out loud with a team.',
    ],
    items: [['Share the agency contact list'], ['Read the ethics consult guideline before next session']],
  },
  {
    direction: 'both',
    focusAreas: ['generational-perspectives', 'work-life-balance'],
    taught: [
      'How I batch messages so I am not answering Teams pings all day.',
      'How I protected lunch breaks when I started on a busy unit.',
    ],
    learned: [
      'That we both assumed the other preferred email; we agreed on Teams chat.',
      'A quick end-of-day shutdown routine that actually sticks.',
    ],
    items: [['Block two focus hours on Thursdays'], []],
  },
];

/** Hours between two zones now: partners whose working days overlap make a demo you can schedule. */
const hoursApart = (a: string, b: string) =>
  Math.abs(DateTime.now().setZone(a).offset - DateTime.now().setZone(b).offset) / 60;

/** Picks the pairs: each department pairs early-career people with seasoned ones; one person sits in two pairs. */
export function demoPairs(people: readonly DemoPerson[]): Array<[DemoPerson, DemoPerson]> {
  const pairs: Array<[DemoPerson, DemoPerson]> = [];
  const departments = [...new Set(people.map((p) => p.department))].sort();
  for (const department of departments) {
    const inDept = people.filter((p) => p.department === department && !p.roles.includes('ProgramOwner'));
    const early = inDept.filter((p) => p.careerStage === 'early');
    const seasoned = inDept.filter((p) => p.careerStage === 'seasoned' && !p.roles.includes('DepartmentLead'));
    for (const person of early) {
      // Four pairs (eight people) per department: enough for the dashboards' minimum group of 5.
      if (pairs.filter(([a]) => a.department === department).length >= 4) break;
      const partner = seasoned
        .filter((s) => !pairs.some(([, b]) => b.id === s.id) && hoursApart(person.timeZone, s.timeZone) <= 6)
        .sort((x, y) => hoursApart(person.timeZone, x.timeZone) - hoursApart(person.timeZone, y.timeZone))[0];
      if (partner) pairs.push([person, partner]);
    }
  }
  // A cross-department, cross-time-zone pair (still with shared working hours): a mid-career person
  // not yet paired learns with a seasoned person who already has a pair, so one person sits in two pairs.
  const paired = new Set(pairs.flat().map((p) => p.id));
  const remote = pairs
    .map(([, seasoned]) => ({
      seasoned,
      partner: people.find(
        (p) =>
          p.careerStage === 'mid' &&
          p.department !== seasoned.department &&
          !p.roles.includes('ProgramOwner') &&
          !p.roles.includes('DepartmentLead') &&
          !paired.has(p.id) &&
          hoursApart(seasoned.timeZone, p.timeZone) >= 1 &&
          hoursApart(seasoned.timeZone, p.timeZone) <= 6,
      ),
    }))
    .find((c) => c.partner);
  if (remote?.partner) pairs.push([remote.partner, remote.seasoned]);
  return pairs;
}

function participant(p: DemoPerson): Participant {
  return {
    userId: p.id,
    displayName: p.displayName,
    mail: p.userPrincipalName,
    department: p.department,
    careerStage: p.careerStage,
    timeZone: p.timeZone,
  };
}

/** Seeds the program once: does nothing when the store already has pairs. */
export async function seedDemoProgram(
  store: ProgramStore,
  people: readonly DemoPerson[],
  now: number,
): Promise<{ pairs: number; sessions: number }> {
  await store.provision();
  if ((await store.allPairs()).length > 0) return { pairs: 0, sessions: 0 };
  // Midnight UTC of this week's Monday: sessions then start at 15:00 UTC (morning across US zones), not at now's time of day.
  const monday = now - (now % dayMs) - ((new Date(now).getUTCDay() + 6) % 7) * dayMs;
  const startedOn = new Date(monday - 6 * weekMs).toISOString();
  let sessions = 0;
  const pairs = demoPairs(people);
  const created: Pair[] = [];
  for (const [index, [a, b]] of pairs.entries()) {
    const members = [participant(a), participant(b)].sort((x, y) => x.userId.localeCompare(y.userId)) as [
      Participant,
      Participant,
    ];
    for (const m of members) await store.upsertParticipant(m);
    const pair: Pair = {
      id: `pair-demo-${index + 1}`,
      members,
      cadence: index % 3 === 2 ? 'biweekly' : 'weekly',
      durationMinutes: 45,
      status: 'active',
      startedOn,
      endedOn: null,
    };
    await store.createPair(pair);
    created.push(pair);
    const atRisk = index === pairs.length - 2;
    const weeks = atRisk ? [5, 4] : [3, 2, 1];
    for (const [n, weeksAgo] of weeks.entries()) {
      const start = new Date(monday - weeksAgo * weekMs + 2 * dayMs + 15 * hourMs);
      const occurrence = start.toISOString().slice(0, 10);
      const h = history[(index + n) % history.length]!;
      const status: SessionStatus = atRisk ? 'cancelled' : 'held';
      const session: Session = {
        id: `${pair.id}~${occurrence}`,
        pairId: pair.id,
        occurrence,
        eventId: null,
        iCalUId: null,
        organizerId: members[0].userId,
        direction: h.direction,
        focusAreas: h.focusAreas,
        start: start.toISOString(),
        end: new Date(start.getTime() + 45 * 60_000).toISOString(),
        status,
        joinUrl: null,
      };
      await store.recordSession(session);
      sessions++;
      if (status !== 'held') continue;
      const isLast = n === weeks.length - 1;
      for (const [who, author] of members.entries()) {
        const stamp = new Date(start.getTime() + 60 * 60_000).toISOString();
        const items = h.items[who]!.map((text) => ({
          id: actionItemId(session.id, author.userId, text),
          text,
          done: !isLast,
        }));
        await store.saveNote(
          {
            sessionId: session.id,
            pairId: pair.id,
            authorId: author.userId,
            taught: h.taught[who]!,
            learned: h.learned[who]!,
            actionItems: items,
            focusAreas: h.focusAreas,
            createdAt: stamp,
            updatedAt: stamp,
            version: 1,
            phiConfirmations: [],
          },
          null,
        );
      }
    }
    if (index % 2 === 0) {
      await store.addTouchpoint({
        id: `${pair.id}~tp~demo`,
        pairId: pair.id,
        loggedBy: members[0].userId,
        kind: 'technology-troubleshooting',
        date: new Date(monday - 2 * dayMs).toISOString(),
        minutes: 15,
        focusAreas: ['technology-adoption'],
      });
    }
  }
  await seedDemoGrowth(store, created, now);
  return { pairs: pairs.length, sessions };
}
