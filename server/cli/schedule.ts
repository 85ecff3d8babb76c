// `reciprocal schedule --department NAME [--dry-run]`: schedule the next
// session for every active pair in a department against the configured tenant
// (embedded: the running dev tenant; otherwise Microsoft 365), and print a table.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GraphError } from '@microsoft/microsoft-graph-client';
import pino from 'pino';
import { z } from 'zod';
import { createTokenSource, graphDefaultScope } from '../auth/tokens.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { programAgendaSource } from '../program/agenda.js';
import { scheduleDepartment, type DepartmentSchedule } from '../program/schedulingJobs.js';
import { createGraphClient } from '../graph/client.js';
import { ProgramStore } from '../graph/programStore.js';
import { createLogger } from '../logging.js';
import { openGoalsForAgenda } from '../program/growth/goals.js';

const usage = 'usage: reciprocal schedule --department NAME [--dry-run] [--json]';

const Args = z.object({
  department: z
    .string({ error: '--department is required' })
    .trim()
    .min(1, '--department must not be empty')
    .max(128, '--department is at most 128 characters'),
  'dry-run': z.boolean().default(false),
  json: z.boolean().default(false),
});

/** A fixed-width table: one row per pair. */
export function scheduleTable(r: DepartmentSchedule): string {
  const rows: string[][] = [
    ['PAIR', 'START (UTC)', 'END (UTC)', 'STATUS'],
    ...r.scheduled.map((s) => [
      s.pairId,
      s.start.replace(/:00\.000Z$/, 'Z'),
      s.end.replace(/:00\.000Z$/, 'Z'),
      r.dryRun ? 'would book' : s.alreadyBooked ? 'already booked' : 'booked',
    ]),
    ...r.notScheduled.map((n) => [n.pairId, '-', '-', `not scheduled: ${n.reason}`]),
  ];
  const widths = rows[0]!.slice(0, 3).map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    [...row.slice(0, 3).map((c, i) => c.padEnd(widths[i]!)), row[3]].join('  ').trimEnd(),
  );
  const summary =
    `${r.department}: ${r.scheduled.length} scheduled, ${r.notScheduled.length} not scheduled` +
    ` (window ${r.window.start.slice(0, 10)} to ${r.window.end.slice(0, 10)}, ${r.people} people, ${r.freeBusyRequests} free/busy request(s)${r.dryRun ? ', dry run: nothing booked' : ''})`;
  return [...lines, '', summary].join('\n');
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(3_000) });
    return true;
  } catch {
    return false;
  }
}

async function runWith(config: Config, args: z.infer<typeof Args>): Promise<number> {
  if (config.devTenant && !(await reachable(`${config.devTenant.url}/`))) {
    process.stderr.write(
      `reciprocal schedule: the dev tenant is not reachable at ${config.devTenant.url}. Start it with \`npm start\` (or point DEV_TENANT_PORT at the running one).\n`,
    );
    return 1;
  }
  // Logs go to stderr: stdout is the table.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2));
  const tokens = createTokenSource(config);
  const ca =
    config.identity.extraCaFile && existsSync(config.identity.extraCaFile)
      ? readFileSync(config.identity.extraCaFile, 'utf8')
      : null;
  const graph = createGraphClient({
    baseUrl: config.graph.baseUrl,
    getAccessToken: () => tokens.appToken(graphDefaultScope),
    logger: log,
    trustedCaPem: ca,
  });
  const store = new ProgramStore(graph.client, config.programSite);
  const report = await scheduleDepartment(
    {
      graph,
      pairs: store,
      sessions: store,
      agenda: programAgendaSource(store, (pair) => openGoalsForAgenda({ store }, pair)),
      now: Date.now,
      log,
    },
    args.department,
    { dryRun: args['dry-run'] },
  );
  process.stdout.write(
    args.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${report.scheduled.length + report.notScheduled.length === 0 ? `No active pairs in ${args.department}.` : scheduleTable(report)}\n`,
  );
  return report.notScheduled.length > 0 ? 3 : 0;
}

export async function run(argv: string[]): Promise<number> {
  let args: z.infer<typeof Args>;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { department: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    const parsed = Args.safeParse(values);
    if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
    args = parsed.data;
  } catch (err) {
    process.stderr.write(`reciprocal schedule: ${(err as Error).message}\n${usage}\n`);
    return 2;
  }
  try {
    return await runWith(loadConfig(), args);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`reciprocal: configuration error: ${err.message}\n`);
      return 1;
    }
    if (err instanceof GraphError) {
      process.stderr.write(
        `reciprocal schedule: Microsoft 365 answered ${err.statusCode}${err.code ? ` ${err.code}` : ''}: ${err.message}\n`,
      );
      return 1;
    }
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    if (err instanceof TypeError && cause) {
      process.stderr.write(
        `reciprocal schedule: the tenant is not reachable (${cause}). Check GRAPH_BASE_URL and the network.\n`,
      );
      return 1;
    }
    throw err;
  }
}
