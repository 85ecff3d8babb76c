// /_admin: what tests, benchmarks and doctor change or read beside Graph:
// faults, traffic counters, and generated people at organization scale.
import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import { AppRegistration, type AppRegistrationStore } from './appRegistration.js';
import { addSyntheticPeople } from './seed.js';
import type { DevTenantStore } from './store.js';
import type { Traffic } from './traffic.js';

const FaultsPatch = z.object({
  probability429: z.number().min(0).max(1).optional(),
  probability503: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  retryAfterSeconds: z.number().min(0).max(120).optional(),
  mailboxConcurrencyLimit: z.number().int().min(1).max(1000).optional(),
  randomSeed: z.number().int().optional(),
});

const SyntheticPeople = z.object({
  count: z.number().int().min(1).max(20_000),
  weeks: z.number().int().min(1).max(9).default(2),
  seed: z.number().int().min(1).max(1000).default(1),
});

export interface AdminDeps {
  traffic: Traffic;
  store: DevTenantStore;
  registration: AppRegistrationStore;
  now: () => Date;
}

const invalid = (res: Response, issue: z.core.$ZodIssue) =>
  res.status(400).json({
    error: { code: 'invalid_request', message: `${issue.path.join('.') || 'body'}: ${issue.message}` },
  });

export function adminRouter({ traffic, store, registration, now }: AdminDeps): Router {
  const admin = express.Router();
  admin.use(express.json({ limit: '1mb' }));
  admin.get('/app-registration', (_req, res) => res.json(registration.get()));
  admin.post('/app-registration', (req, res) => {
    const parsed = AppRegistration.partial().strict().safeParse(req.body);
    if (!parsed.success) return void invalid(res, parsed.error.issues[0]!);
    res.json(registration.set({ ...registration.get(), ...parsed.data }));
  });
  admin.post('/faults', (req, res) => {
    const parsed = FaultsPatch.safeParse(req.body);
    if (!parsed.success) return void invalid(res, parsed.error.issues[0]!);
    traffic.setFaults(parsed.data);
    res.json(traffic.current());
  });
  admin.get('/stats', (_req, res) => res.json(traffic.stats()));
  admin.post('/stats/reset', (_req, res) => {
    traffic.resetStats();
    res.json(traffic.stats());
  });
  admin.post('/synthetic-people', (req, res) => {
    const parsed = SyntheticPeople.safeParse(req.body);
    if (!parsed.success) return void invalid(res, parsed.error.issues[0]!);
    const users = addSyntheticPeople(store, parsed.data.count, now(), parsed.data.weeks, parsed.data.seed);
    res.json({ users: users.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, timeZone: u.timeZone })) });
  });
  return admin;
}
