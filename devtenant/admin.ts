// /_admin: what tests, benchmarks and doctor change or read beside Graph:
// faults, traffic counters, and generated people at organization scale.
import express, { type Router } from 'express';
import { z } from 'zod';
import { syntheticPeople } from './seed.js';
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

export function adminRouter(traffic: Traffic, store: DevTenantStore, now: () => Date): Router {
  const admin = express.Router();
  admin.use(express.json({ limit: '1mb' }));
  admin.post('/faults', (req, res) => {
    const parsed = FaultsPatch.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({
        error: {
          code: 'invalid_request',
          message: `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
        },
      });
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
    if (!parsed.success)
      return void res
        .status(400)
        .json({ error: { code: 'invalid_request', message: parsed.error.issues[0]!.message } });
    const { users, events } = syntheticPeople(parsed.data.count, now(), parsed.data.weeks, parsed.data.seed);
    const fresh = users.filter((u) => !store.findUser(u.id));
    store.insertUsers(fresh);
    store.insertEvents(events.filter((e) => fresh.some((u) => u.id === e.owner)));
    res.json({ users: users.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, timeZone: u.timeZone })) });
  });
  return admin;
}
