// `reciprocal slots --schedule-file F --start ISO --end ISO --duration MIN [--json]`
// Every mutual free slot of the two schedules in a Graph getSchedule response:
// 15-minute UTC boundaries, exactly MIN long, inside both working hours, clear
// of busy, oof, tentative and workingElsewhere items. No buffers, notice or preferences.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { GetScheduleResponse, ScheduleUnavailableError, personSchedule } from '../../src/core/scheduling/graphSchedule.js';
import { mutualFreeSlots } from '../../src/core/scheduling/slots.js';
import { UnknownTimeZoneError } from '../../src/core/scheduling/timeZones.js';

const Args = z.object({
  'schedule-file': z.string({ error: '--schedule-file is required' }).min(1),
  start: z.string({ error: '--start is required' }).refine((s) => /T/.test(s) && !Number.isNaN(Date.parse(s)), '--start must be an ISO date-time, e.g. 2019-03-15T16:00:00Z'),
  end: z.string({ error: '--end is required' }).refine((s) => /T/.test(s) && !Number.isNaN(Date.parse(s)), '--end must be an ISO date-time, e.g. 2019-03-16T01:00:00Z'),
  duration: z.coerce.number({ error: '--duration is required' }).int('--duration must be whole minutes').min(5, '--duration must be at least 5 minutes').max(24 * 60, '--duration must be at most 1440 minutes'),
  json: z.boolean().default(false),
});

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export async function run(argv: string[]): Promise<number> {
  let raw;
  try {
    raw = parseArgs({ args: argv, options: { 'schedule-file': { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, duration: { type: 'string' }, json: { type: 'boolean' } }, strict: true }).values;
  } catch (err) {
    process.stderr.write(`reciprocal slots: ${(err as Error).message}\nusage: reciprocal slots --schedule-file F --start ISO --end ISO --duration MIN [--json]\n`);
    return 2;
  }
  const args = Args.safeParse(raw);
  if (!args.success) {
    process.stderr.write(`reciprocal slots: ${args.error.issues[0]!.message}\n`);
    return 2;
  }
  const { start, end, duration, json } = args.data;
  const window = { start: Date.parse(start), end: Date.parse(end) };
  if (!(window.end > window.start)) {
    process.stderr.write('reciprocal slots: --end must be after --start\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.data['schedule-file'], 'utf8');
  } catch (err) {
    process.stderr.write(`reciprocal slots: --schedule-file: cannot read ${args.data['schedule-file']}: ${(err as NodeJS.ErrnoException).code ?? 'error'}\n`);
    return 2;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    process.stderr.write('reciprocal slots: --schedule-file: not valid JSON\n');
    return 2;
  }
  const response = GetScheduleResponse.safeParse(body);
  if (!response.success) {
    const issue = response.error.issues[0]!;
    process.stderr.write(`reciprocal slots: --schedule-file: not a getSchedule response (${['value', ...issue.path.slice(1)].join('.')}: ${issue.message})\n`);
    return 2;
  }
  if (response.data.value.length !== 2) {
    process.stderr.write(`reciprocal slots: --schedule-file: expected two schedules, found ${response.data.value.length}\n`);
    return 2;
  }
  let people;
  try {
    people = response.data.value.map((info) => personSchedule(info, window, { treatTentativeAsBusy: true }));
  } catch (err) {
    if (err instanceof ScheduleUnavailableError || err instanceof UnknownTimeZoneError) {
      process.stderr.write(`reciprocal slots: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const result = mutualFreeSlots(people.map((p) => ({ displayName: p.scheduleId, working: p.working, busy: p.busy })), { window, durationMinutes: duration, granularityMinutes: 15 });
  const slots = result.slots.map((s) => ({ start: iso(s.start), end: iso(s.end) }));
  if (result.reason) process.stderr.write(`${result.reason}\n`);
  if (json) {
    process.stdout.write(JSON.stringify(slots) + '\n');
  } else {
    process.stdout.write(slots.length ? slots.map((s) => `${s.start}  ${s.end}`).join('\n') + `\n${slots.length} slot(s)\n` : '');
  }
  return 0;
}
