// Weekly digests, due Monday 09:00 in each recipient's zone (the first whole
// hour inside their working hours from then). `digest-lead`: the lead's
// department's figures for the week before, aggregates only, suppressed under
// 5 people (src/core/dashboard, read-only). `digest-owner`: at-risk pairs by
// name, requests for a change, sessions the two people marked differently and
// partners who left. The audience: whoever holds the app's DepartmentLead and
// ProgramOwner roles in the tenant (`tenantDigestAudience`), with what the
// owner saved layered on top.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { aggregateDepartments, type DepartmentDashboard, type Figure } from '../../../src/core/dashboard/index.js';
import { earliestDeliveryAtOrAfter } from '../../../src/core/sessions/index.js';
import { dayMs, hourMs, weekMs } from '../../../src/core/time.js';
import { appRoleHolders, departmentOf } from '../../graph/roleAssignments.js';
import { missingPermissionOf } from '../../graph/middleware/missingPermission.js';
import { grantAdvice } from '../../permissions.js';
import { partnersLeft } from '../pairEnding.js';
import { sessionDisagreements } from '../sessionLoop.js';
import { factsCard } from './cards.js';
import { clearProblem, reportProblem } from './installs.js';
import {
  holdsWholeHour,
  hoursSource,
  inWindow,
  isoOf,
  links,
  type DigestAudience,
  type PlanPorts,
  type PlannerSettings,
} from './planning.js';
import type { DueMessage, DuePlanner, TickWindow } from './types.js';

/** A request from a person to change their pair (made by the pairing rounds' "Ask for a change"). */
export interface ChangeRequest {
  pairId: string;
  fromName: string;
  when: string;
}

const Audience = z.object({
  leads: z.array(z.object({ userId: z.string(), department: z.string() })).default([]),
  owners: z.array(z.string()).default([]),
});

/** The audience the owner saved in ProgramMeta (`digestAudience`), or nobody. */
export async function savedDigestAudience(ports: Pick<PlanPorts, 'store'>): Promise<DigestAudience> {
  const item = await ports.store.findByKey('ProgramMeta', 'digestAudience');
  try {
    return Audience.parse(JSON.parse(String(item?.fields['Value'] ?? '{}')));
  } catch {
    return { leads: [], owners: [] };
  }
}

export async function saveDigestAudience(ports: Pick<PlanPorts, 'store'>, audience: DigestAudience): Promise<void> {
  await ports.store.upsert('ProgramMeta', 'digestAudience', { Value: JSON.stringify(Audience.parse(audience)) });
}

export const digestAudienceProblemId = 'digest-audience';

/** The saved entries win: a saved lead's department replaces the directory's, saved owners are added. */
function withSaved(tenant: DigestAudience, saved: DigestAudience): DigestAudience {
  const savedLeads = new Set(saved.leads.map((l) => l.userId));
  return {
    leads: [...tenant.leads.filter((l) => !savedLeads.has(l.userId)), ...saved.leads],
    owners: [...new Set([...tenant.owners, ...saved.owners])],
  };
}

/**
 * The digest audience from the tenant: each user assigned DepartmentLead
 * (directly or through a group) leads their directory department (one without
 * a department gets no lead digest), each ProgramOwner gets the owner digest;
 * the saved audience (`saveDigestAudience`) is layered on top. Without
 * Application.Read.All, Graph answers 403: the owner's operations status names
 * the permission once and the saved audience alone gets digests.
 */
export function tenantDigestAudience(appClientId: string): (ports: PlanPorts) => Promise<DigestAudience> {
  const cleared = new WeakSet<object>();
  return async (ports) => {
    const saved = await savedDigestAudience(ports);
    let holders: Map<string, Set<string>>;
    try {
      holders = await appRoleHolders(ports.graph.client, appClientId);
    } catch (err) {
      if (!(err instanceof GraphError && err.statusCode === 403)) throw err;
      cleared.delete(ports.store);
      const permission = missingPermissionOf(err);
      const message = `Reciprocal cannot read who holds its DepartmentLead and ProgramOwner roles, so weekly digests go only to the people the owner saved: ${
        permission ? grantAdvice(permission) : `Graph refused it (${err.message})`
      }`;
      await reportProblem(ports, { id: digestAudienceProblemId, permission: permission?.name ?? null, message });
      return saved;
    }
    if (!cleared.has(ports.store)) {
      await clearProblem(ports, digestAudienceProblemId);
      cleared.add(ports.store);
    }
    const tenant: DigestAudience = { leads: [], owners: [] };
    for (const [userId, roles] of holders) {
      if (roles.has('ProgramOwner')) tenant.owners.push(userId);
      const department = roles.has('DepartmentLead') ? await departmentOf(ports.graph.client, userId) : null;
      if (department) tenant.leads.push({ userId, department });
    }
    return withSaved(tenant, saved);
  };
}

/** The Monday 09:00 (recipient's zone) at or before `ms`, and the one before it. */
function recentMondays(ms: number, zone: string): number[] {
  const monday = DateTime.fromMillis(ms, { zone }).startOf('week').plus({ hours: 9 });
  return [monday.toMillis(), monday.minus({ weeks: 1 }).toMillis()];
}

/** When this week's digest reaches a person, for each Monday whose digest falls in the window. */
async function digestTimes(ports: PlanPorts, hoursOf: ReturnType<typeof hoursSource>, userId: string, w: TickWindow) {
  const hours = await hoursOf(ports).of(userId);
  return recentMondays(w.to, hours.zone)
    .map((monday) => ({ monday, dueAt: earliestDeliveryAtOrAfter(monday, monday + 3 * dayMs, hours, hourMs) }))
    .filter((x): x is { monday: number; dueAt: number } => x.dueAt !== null && inWindow(x.dueAt, w));
}

const shown = (f: Figure): string => (f.suppressed ? 'not shown (fewer than 5 people)' : String(f.value));

function leadFacts(d: DepartmentDashboard): Array<[string, string]> {
  return [
    ['People', shown(d.people)],
    ['Active pairs', shown(d.activePairs)],
    ['Sessions held', shown(d.sessions.held)],
    ['Cancelled', shown(d.sessions.cancelled)],
    ['No-shows', shown(d.sessions.noShow)],
    ['Cadence adherence (%)', shown(d.sessions.adherencePercent)],
    ['Pairs at risk', shown(d.pairsAtRisk.count)],
  ];
}

async function weekFigures(ports: PlanPorts, settings: PlannerSettings, monday: number, forOwner: boolean) {
  const [pairs, sessions, touchpoints] = await Promise.all([
    ports.store.allPairs(),
    ports.store.allSessions(),
    ports.store.allTouchpoints(),
  ]);
  const figures = aggregateDepartments(pairs, sessions, touchpoints, {
    period: { from: isoOf(monday - weekMs), to: isoOf(monday), timeZone: settings.orgTimeZone },
    now: isoOf(monday),
    listAtRiskPairs: forOwner,
  });
  return { figures, pairs };
}

export function digestPlanner(
  settings: PlannerSettings & { changeRequests?: (ports: PlanPorts) => Promise<ChangeRequest[]> },
): DuePlanner {
  const hoursOf = hoursSource(settings);
  const audienceOf =
    settings.digestAudience ??
    (settings.appClientId ? tenantDigestAudience(settings.appClientId) : savedDigestAudience);
  return {
    kinds: ['digest-lead', 'digest-owner'],
    async plan(ports, window) {
      if (!holdsWholeHour(window)) return [];
      const audience = await audienceOf(ports);
      const dashboard = links(ports.teamsAppId).dashboard();
      const due: DueMessage[] = [];
      for (const lead of audience.leads)
        for (const { monday, dueAt } of await digestTimes(ports, hoursOf, lead.userId, window)) {
          const { figures } = await weekFigures(ports, settings, monday, false);
          const mine = figures.find((d) => d.department === lead.department);
          const week = DateTime.fromMillis(monday - weekMs, { zone: settings.orgTimeZone }).toISODate()!;
          due.push({
            kind: 'digest-lead',
            subject: `${lead.department}|${week}`,
            recipient: lead.userId,
            dueAt: isoOf(dueAt),
            expiresAt: isoOf(monday + 3 * dayMs),
            card: factsCard(
              `${lead.department}: the week of ${week}`,
              [{ title: 'This week', facts: mine ? leadFacts(mine) : [] }],
              dashboard,
            ),
          });
        }
      for (const owner of audience.owners)
        for (const { monday, dueAt } of await digestTimes(ports, hoursOf, owner, window))
          due.push(await ownerDigest(ports, settings, owner, monday, dueAt));
      return due;
    },
  };
}

async function ownerDigest(
  ports: PlanPorts,
  settings: PlannerSettings & { changeRequests?: (ports: PlanPorts) => Promise<ChangeRequest[]> },
  owner: string,
  monday: number,
  dueAt: number,
): Promise<DueMessage> {
  const { figures, pairs } = await weekFigures(ports, settings, monday, true);
  const names = new Map(pairs.map((p) => [p.id, p.members.map((m) => m.displayName).join(' & ')]));
  const atRisk = [...new Map(figures.flatMap((d) => d.pairsAtRisk.pairs).map((p) => [p.pairId, p])).values()];
  const [disagreements, left, changes] = await Promise.all([
    sessionDisagreements(ports),
    partnersLeft(ports),
    settings.changeRequests?.(ports) ?? Promise.resolve([]),
  ]);
  const week = DateTime.fromMillis(monday - weekMs, { zone: settings.orgTimeZone }).toISODate()!;
  const reason = {
    'no-recent-session': 'no session for 30 days',
    'consecutive-cancellations': 'cancelled twice in a row',
  };
  return {
    kind: 'digest-owner',
    subject: week,
    recipient: owner,
    dueAt: isoOf(dueAt),
    expiresAt: isoOf(monday + 3 * dayMs),
    card: factsCard(
      `The program: the week of ${week}`,
      [
        { title: 'Pairs at risk', facts: atRisk.map((p) => [names.get(p.pairId) ?? p.pairId, reason[p.reason]]) },
        {
          title: 'Requests for a change',
          facts: changes.map((c) => [names.get(c.pairId) ?? c.pairId, `asked by ${c.fromName}`]),
        },
        {
          title: 'Sessions marked differently',
          facts: disagreements.map((d) => [
            names.get(d.pairId) ?? d.pairId,
            `${d.start.slice(0, 10)}: ${d.answers.map((a) => `${a.displayName} said ${a.outcome}`).join(', ')}`,
          ]),
        },
        {
          title: 'Partners who left',
          facts: left.map((l) => [l.remainingName, `${l.leftName} left on ${l.when.slice(0, 10)}`]),
        },
      ],
      links(ports.teamsAppId).admin(),
    ),
  };
}
