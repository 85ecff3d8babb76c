// Growth over HTTP: both people accept the pair agreement (pending until then),
// goals pass the PHI guard and only their person changes them, self-assessments
// stay private, outcomes are suppressed under 5 people and carry no goal or note
// text, and the participation record PDF has the right hours and no note text.
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import type { Pair } from '../../src/core/schemas.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let pair: Pair;
const sentinel = 'SENTINEL-GROWTH-5c1d';

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  pair = (await app.app.services.store.allPairs()).find((p) => p.id === 'pair-demo-1')!;
}, 60_000);
afterAll(() => app?.close());

const upn = (userId: string) => app.users.find((u) => u.id === userId)!.userPrincipalName;

describe('pair agreement', () => {
  it('stays pending until both people accept, and records who accepted when', async () => {
    const [a, b] = pair.members.map((m) => upn(m.userId));
    const path = `/api/pairs/${pair.id}/agreement`;
    const first = await app.request(`${path}/acceptance`, { as: a, method: 'POST' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ pending: true, acceptedByMe: true });
    const again = await app.request(`${path}/acceptance`, { as: a, method: 'POST' });
    expect(again.body.acceptances).toEqual(first.body.acceptances);
    const listed = await app.request('/api/me/agreements', { as: b });
    expect(listed.body.agreements.find((x: { pairId: string }) => x.pairId === pair.id)).toMatchObject({
      pending: true,
      acceptedByMe: false,
    });
    const second = await app.request(`${path}/acceptance`, { as: b, method: 'POST' });
    expect(second.body.pending).toBe(false);
    expect(second.body.acceptances.map((x: { userId: string }) => x.userId).sort()).toEqual(
      pair.members.map((m) => m.userId).sort(),
    );
  });

  it("answers 404 for someone else's pair and 400 for an id that is not a pair id", async () => {
    const outsider = app.users.find((u) => !pair.members.some((m) => m.userId === u.id) && u.roles.length === 1)!;
    expect(
      (
        await app.request(`/api/pairs/${pair.id}/agreement/acceptance`, {
          as: outsider.userPrincipalName,
          method: 'POST',
        })
      ).status,
    ).toBe(404);
    const bad = await app.request(`/api/pairs/x'y/agreement`, { as: upn(pair.members[0].userId) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('params.id');
  });

  it('lets only the owner edit the template, with the PHI guard on each section', async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
    const current = (await app.request('/api/program/agreement-template', { as: owner })).body.template;
    const participant = upn(pair.members[0].userId);
    expect(
      (
        await app.request('/api/program/agreement-template', {
          as: participant,
          method: 'PUT',
          body: { template: current },
        })
      ).status,
    ).toBe(403);
    const withMrn = { ...current, boundaries: 'Never discuss MRN 12345678 outside the session.' };
    const refused = await app.request('/api/program/agreement-template', {
      as: owner,
      method: 'PUT',
      body: { template: withMrn },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.field).toBe('body.template.boundaries');
    const empty = await app.request('/api/program/agreement-template', {
      as: owner,
      method: 'PUT',
      body: { template: { ...current, cadence: '' } },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('body.template.cadence');
    const edited = { ...current, cadence: 'Every second Tuesday.' };
    expect(
      (await app.request('/api/program/agreement-template', { as: owner, method: 'PUT', body: { template: edited } }))
        .status,
    ).toBe(200);
    expect((await app.request(`/api/pairs/${pair.id}/agreement`, { as: participant })).body.template.cadence).toBe(
      'Every second Tuesday.',
    );
  });
});

describe('goals', () => {
  it('adds a goal, records dated progress, and refuses patient identifiers naming the field', async () => {
    const me = upn(pair.members[0].userId);
    const created = await app.request('/api/me/goals', {
      as: me,
      method: 'POST',
      body: { kind: 'learn', focusArea: 'technology-adoption', title: 'Use saved filters every morning' },
    });
    expect(created.status).toBe(201);
    const goal = created.body.goal;
    expect(goal).toMatchObject({ progress: 'not-started', updates: [] });
    const updated = await app.request(`/api/me/goals/${goal.id}`, {
      as: me,
      method: 'PATCH',
      body: { progress: 'under-way', update: 'Tried it three mornings' },
    });
    expect(updated.body.goal.progress).toBe('under-way');
    expect(updated.body.goal.updates[0]).toMatchObject({ text: 'Tried it three mornings', progress: 'under-way' });
    const phi = await app.request('/api/me/goals', {
      as: me,
      method: 'POST',
      body: { kind: 'learn', focusArea: 'clinical-expertise', title: 'Review MRN 12345678 with Raj' },
    });
    expect(phi.status).toBe(422);
    expect(phi.body.error.field).toBe('body.title');
    const phiUpdate = await app.request(`/api/me/goals/${goal.id}`, {
      as: me,
      method: 'PATCH',
      body: { update: 'Patient DOB 03/04/1950' },
    });
    expect(phiUpdate.status).toBe(422);
    expect(phiUpdate.body.error.field).toBe('body.update');
    const badProgress = await app.request(`/api/me/goals/${goal.id}`, {
      as: me,
      method: 'PATCH',
      body: { progress: 'done' },
    });
    expect(badProgress.status).toBe(400);
    expect(badProgress.body.error.field).toBe('body.progress');
    // Nothing already saved was lost by the refused writes.
    const mine = (await app.request('/api/me/growth', { as: me })).body.goals;
    expect(mine.find((g: { id: string }) => g.id === goal.id).progress).toBe('under-way');
    // The partner cannot change it, and learns nothing about whether it exists.
    const partner = upn(pair.members[1].userId);
    expect(
      (await app.request(`/api/me/goals/${goal.id}`, { as: partner, method: 'PATCH', body: { progress: 'achieved' } }))
        .status,
    ).toBe(404);
  });
});

describe('self-assessments and outcomes', () => {
  it('keeps a self-assessment private to its person', async () => {
    const me = upn(pair.members[0].userId);
    const saved = await app.request('/api/me/assessments', {
      as: me,
      method: 'POST',
      body: { ratings: { leadership: 3 } },
    });
    expect(saved.status).toBe(201);
    const bad = await app.request('/api/me/assessments', {
      as: me,
      method: 'POST',
      body: { ratings: { leadership: 6 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.ratings.leadership');
    const partner = upn(pair.members[1].userId);
    const theirs = (await app.request('/api/me/growth', { as: partner })).body.assessments;
    expect(theirs.some((a: { id: string }) => a.id === saved.body.assessment.id)).toBe(false);
  });

  it('shows the owner outcomes without goal or note text, refuses participants and another department for a lead', async () => {
    const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
    const me = upn(pair.members[0].userId);
    await app.request('/api/me/goals', {
      as: me,
      method: 'POST',
      body: { kind: 'teach', focusArea: 'leadership', title: sentinel },
    });
    const json = await app.request('/api/outcomes', { as: owner });
    expect(json.status).toBe(200);
    expect(json.body.outcomes[0].scope).toBe('program');
    // The demo seed has two rounds of self-assessments: the program's change shows past suppression.
    const tech = json.body.outcomes[0].confidenceChange.find(
      (c: { focusArea: string }) => c.focusArea === 'technology-adoption',
    );
    expect(tech.byStage.seasoned.suppressed).toBe(false);
    expect(tech.byStage.seasoned.value).toBeGreaterThan(0);
    expect(json.body.outcomes[0].goals.achieved.suppressed).toBe(false);
    expect(json.text).not.toContain(sentinel);
    const csv = await app.request('/api/outcomes?format=csv', { as: owner });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).not.toContain(sentinel);
    expect(csv.text.split('\r\n')[0]).toBe('scope,metric,careerStage,focusArea,value,suppressed');
    const participant = app.users.find((u) => u.roles.length === 1)!.userPrincipalName;
    expect((await app.request('/api/outcomes', { as: participant })).status).toBe(403);
    const lead = app.users.find((u) => u.roles.includes('DepartmentLead'))!;
    const other = app.users.find((u) => u.department !== lead.department)!.department;
    expect(
      (await app.request(`/api/outcomes?department=${encodeURIComponent(other)}`, { as: lead.userPrincipalName }))
        .status,
    ).toBe(403);
    const own = await app.request('/api/outcomes', { as: lead.userPrincipalName });
    expect(own.body.outcomes.map((o: { scope: string }) => o.scope)).toEqual([lead.department]);
    expect((await app.request('/api/outcomes?format=xml', { as: owner })).body.error.field).toBe('query.format');
  });
});

describe('participation record', () => {
  it('is a PDF with the hours as guide and as learner and no note text', async () => {
    const store = app.app.services.store;
    const early = pair.members.find((m) => m.careerStage === 'early')!;
    const session = {
      id: `${pair.id}~2025-01-07`,
      pairId: pair.id,
      occurrence: '2025-01-07',
      eventId: null,
      iCalUId: null,
      organizerId: pair.members[0].userId,
      direction: 'reverse' as const,
      focusAreas: ['technology-adoption' as const],
      start: '2025-01-07T15:00:00Z',
      end: '2025-01-07T16:30:00Z',
      status: 'held' as const,
      joinUrl: null,
    };
    await store.recordSession(session);
    const stamp = '2025-01-07T17:00:00Z';
    const note = {
      sessionId: session.id,
      pairId: pair.id,
      authorId: early.userId,
      taught: sentinel,
      learned: sentinel,
      actionItems: [],
      focusAreas: [],
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
      phiConfirmations: [],
    };
    await store.saveNote(note, null);
    const token = await app.userToken(upn(early.userId));
    const response = await fetch(`${app.url}/api/me/participation-record.pdf?from=2025-01-01&to=2025-01-31`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain('Sessions held: 1');
    expect(text).toContain('Hours as guide: 1.5 h');
    expect(text).toContain('Technology adoption: 1.5 h');
    expect(text).toContain('Hours as learner: 0 h');
    expect(text).toContain('Period: 2025-01-01 to 2025-01-31');
    expect(text).not.toContain(sentinel);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const r = await app.request('/api/me/participation-record.pdf?from=2025-02-01&to=2025-01-01', {
      as: upn(pair.members[0].userId),
    });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('query.to');
  });
});
