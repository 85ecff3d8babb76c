// REST routes for growth: the pair agreement (and its owner-edited template),
// each person's goals and self-assessments, the outcomes dashboard (JSON or
// CSV) and the participation record (PDF). Thin, over server/program/growth/.
import { z } from 'zod';
import { csvCell, periodBoundary } from '../../src/core/dashboard/index.js';
import {
  AgreementTemplate,
  CreateGoalRequest,
  SaveAssessmentRequest,
  UpdateGoalRequest,
} from '../../src/core/growth/model.js';
import { outcomesToCsv } from '../../src/core/growth/outcomes.js';
import { dayMs } from '../../src/core/time.js';
import {
  acceptAgreement,
  agreementsOfPairs,
  currentAgreementTemplate,
  memberPair,
  pairAgreement,
  updateAgreementTemplate,
} from '../program/growth/agreements.js';
import { myAssessments, takeAssessment } from '../program/growth/assessments.js';
import { addGoal, myGoals, updateGoal } from '../program/growth/goals.js';
import { programOutcomes } from '../program/growth/outcomes.js';
import { myParticipationRecord, participationRecordPdf } from '../program/growth/participationRecord.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

const Confirmations = z.array(z.object({ kind: z.string().max(64), text: z.string().max(256) })).max(50);
const TemplateBody = z.object({ template: AgreementTemplate, phiConfirmations: Confirmations.default([]) });
const OutcomesQuery = z.object({
  department: z.string().min(1).max(128).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
/** Whole days (UTC): `from` inclusive, `to` inclusive too, as a person reads "1 Jan to 31 Mar". */
const recordQuery = (now: () => number) =>
  z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }).transform((q, ctx) => {
    const to = q.to ? periodBoundary(q.to, 'UTC') + dayMs : now();
    const from = q.from ? periodBoundary(q.from, 'UTC') : to - 365 * dayMs;
    if (to <= from) ctx.addIssue({ code: 'custom', message: 'must not be before from', path: ['to'] });
    if (to - from > 5 * 366 * dayMs)
      ctx.addIssue({ code: 'custom', message: 'a record covers at most 5 years', path: ['to'] });
    return { from, to };
  });

function agreementRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/me/agreements',
      access: 'Participant',
      summary: "The agreement of each of the caller's pairs: who accepted when, pending or not",
      async handle({ caller }) {
        const pairs = await ports.store.pairsOf(caller.userId);
        return { body: { agreements: await agreementsOfPairs(ports, pairs, caller.userId) } };
      },
    },
    {
      method: 'get',
      path: '/api/pairs/:id/agreement',
      access: 'Participant',
      summary: "One of the caller's pairs' agreement",
      async handle({ caller, params }) {
        const pair = await memberPair(ports, caller.userId, params.id, 'params.id');
        return { body: await pairAgreement(ports, pair, caller.userId) };
      },
    },
    {
      method: 'post',
      path: '/api/pairs/:id/agreement/acceptance',
      access: 'Participant',
      summary: "The caller accepts their pair's agreement (again: keeps the first time)",
      async handle({ caller, params }) {
        return { body: await acceptAgreement(ports, caller.userId, params.id, 'params.id') };
      },
    },
    {
      method: 'get',
      path: '/api/program/agreement-template',
      access: 'ProgramOwner',
      summary: 'The agreement template pairs accept',
      async handle() {
        return { body: { template: await currentAgreementTemplate(ports) } };
      },
    },
    {
      method: 'put',
      path: '/api/program/agreement-template',
      access: 'ProgramOwner',
      summary: 'Edit the agreement template (PHI guard on every section)',
      async handle({ body }) {
        const { template, phiConfirmations } = parseInput(TemplateBody, body);
        return { body: { template: await updateAgreementTemplate(ports, template, phiConfirmations) } };
      },
    },
  ];
}

function personalRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/me/growth',
      access: 'Participant',
      summary: "The caller's agreements, goals and self-assessments (their own only)",
      async handle({ caller }) {
        const pairs = await ports.store.pairsOf(caller.userId);
        const [agreements, goals, assessments] = await Promise.all([
          agreementsOfPairs(ports, pairs, caller.userId),
          myGoals(ports, caller.userId),
          myAssessments(ports, caller.userId),
        ]);
        return { body: { agreements, goals, assessments } };
      },
    },
    {
      method: 'post',
      path: '/api/me/goals',
      access: 'Participant',
      summary: 'Add a goal to learn or to teach (PHI guard on its text)',
      async handle({ caller, body }) {
        return {
          status: 201,
          body: { goal: await addGoal(ports, caller.userId, parseInput(CreateGoalRequest, body)) },
        };
      },
    },
    {
      method: 'patch',
      path: '/api/me/goals/:id',
      access: 'Participant',
      summary: "A goal's progress and a dated one-line update",
      async handle({ caller, params, body }) {
        const request = parseInput(UpdateGoalRequest, body);
        return { body: { goal: await updateGoal(ports, caller.userId, params.id, request) } };
      },
    },
    {
      method: 'post',
      path: '/api/me/assessments',
      access: 'Participant',
      summary: 'A self-assessment: confidence per focus area, 1 to 5 (private to the caller)',
      async handle({ caller, body }) {
        const request = parseInput(SaveAssessmentRequest, body);
        return { status: 201, body: { assessment: await takeAssessment(ports, caller.userId, request) } };
      },
    },
    {
      method: 'get',
      path: '/api/me/participation-record.pdf',
      access: 'Participant',
      summary: "The caller's participation record as a PDF (never note text)",
      async handle({ caller, query }) {
        const period = parseInput(recordQuery(ports.now), { from: query.from, to: query.to }, 'query');
        const record = await myParticipationRecord(ports, caller.userId, period);
        return {
          body: await participationRecordPdf(record, caller.displayName),
          contentType: 'application/pdf',
          headers: { 'Content-Disposition': 'attachment; filename="reciprocal-participation-record.pdf"' },
        };
      },
    },
  ];
}

export function growthRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    ...agreementRoutes(ports),
    ...personalRoutes(ports),
    {
      method: 'get',
      path: '/api/outcomes',
      // A lead (their own department) or the program owner (everything); checked against the directory.
      access: 'signed-in',
      summary:
        'Outcomes: change in self-rated confidence by career stage, goals, usefulness (groups under 5 suppressed)',
      async handle({ caller, query }) {
        const q = parseInput(OutcomesQuery, query, 'query');
        const outcomes = await programOutcomes(ports, caller, q.department);
        if (q.format === 'json') return { body: { outcomes } };
        return {
          body: outcomesToCsv(outcomes, csvCell),
          contentType: 'text/csv; charset=utf-8',
          headers: { 'Content-Disposition': 'attachment; filename="reciprocal-outcomes.csv"' },
        };
      },
    },
  ];
}
