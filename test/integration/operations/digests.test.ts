// Who gets the weekly digests: the people the tenant assigns the app's
// DepartmentLead and ProgramOwner roles (the service principal's
// appRoleAssignedTo), each lead for their directory department, with no list
// saved; someone without the role gets none. Without Application.Read.All the
// owner's status names the permission once and the saved audience alone gets them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programPorts } from '../../../server/api/index.js';
import { embeddedDefaults } from '../../../server/config.js';
import { digestPlanner, saveDigestAudience } from '../../../server/program/operations/digests.js';
import { operationsProblems } from '../../../server/program/operations/installs.js';
import { defaultPlannerSettings } from '../../../server/program/operations/planning.js';
import type { TickWindow } from '../../../server/program/operations/types.js';
import { defaultDeliveryHours } from '../../../src/core/sessions/index.js';
import { startTestApp, type TestApp } from '../../support/app.js';
import { documented, documentedWithout, grant } from './grants.js';

const minute = 60_000;
const monday9 = Date.parse('2026-03-02T09:00:00Z');
const around = (ms: number): TickWindow => ({ from: ms - minute, to: ms + minute });

let app: TestApp;
const settings = {
  ...defaultPlannerSettings,
  appClientId: embeddedDefaults.clientId,
  recipientHours: () => ({ of: async () => defaultDeliveryHours('UTC') }),
};
const plan = (window: TickWindow) =>
  digestPlanner(settings).plan({ ...programPorts(app.app.services), now: () => window.to }, window);

beforeAll(async () => {
  app = await startTestApp();
  await app.app.scheduler?.stop();
}, 90_000);
afterAll(() => app?.close());

describe('the digest audience from the tenant’s role assignments', () => {
  it('sends each assigned lead their department’s digest and each owner the owner digest, with no saved list', async () => {
    const leads = app.users.filter((u) => u.roles.includes('DepartmentLead'));
    const owners = app.users.filter((u) => u.roles.includes('ProgramOwner'));
    const participant = app.users.find((u) => u.roles.length === 1 && u.roles[0] === 'Participant')!;
    expect(leads.length).toBeGreaterThan(0);
    const due = await plan(around(monday9));
    for (const lead of leads)
      expect(due.filter((m) => m.kind === 'digest-lead' && m.recipient === lead.id).map((m) => m.subject)).toEqual([
        `${lead.department}|2026-02-23`,
      ]);
    expect(
      due
        .filter((m) => m.kind === 'digest-owner')
        .map((m) => m.recipient)
        .sort(),
    ).toEqual(owners.map((o) => o.id).sort());
    expect(due.filter((m) => m.recipient === participant.id)).toEqual([]);
  });

  it('without Application.Read.All names the permission once and falls back to the saved audience', async () => {
    await grant(app, documentedWithout('Application.Read.All'));
    try {
      const tenantLead = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
      const savedLead = app.users.find((u) => u.roles.length === 1 && u.roles[0] === 'Participant')!;
      const ports = programPorts(app.app.services);
      await saveDigestAudience(ports, {
        leads: [{ userId: savedLead.id, department: 'Care Coordination' }],
        owners: [],
      });
      const first = await plan(around(monday9 + 7 * 24 * 60 * minute));
      const second = await plan(around(monday9 + 14 * 24 * 60 * minute));
      for (const due of [first, second]) {
        expect(due.map((m) => m.recipient)).toEqual([savedLead.id]);
        expect(due[0]!.subject).toMatch(/^Care Coordination\|/);
      }
      expect(first.some((m) => m.recipient === tenantLead.id)).toBe(false);
      const problems = (await operationsProblems(ports)).filter((p) => p.id === 'digest-audience');
      expect(problems).toEqual([expect.objectContaining({ permission: 'Application.Read.All' })]);
    } finally {
      await saveDigestAudience(programPorts(app.app.services), { leads: [], owners: [] });
      await grant(app, documented);
    }
  });
});
