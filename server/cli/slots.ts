// `reciprocal slots --schedule-file F --start ISO --end ISO --duration MIN [--json]`
// Every mutual free slot of the two schedules in a Graph getSchedule response:
// 15-minute UTC boundaries, exactly MIN long, inside both working hours, clear
// of busy, oof, tentative and workingElsewhere items. No buffers, notice or preferences.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  GetScheduleResponse,
  ScheduleUnavailableError,
  personSchedule,
  type PersonSchedule,
} from '../../src/core/scheduling/graphSchedule.js';
import type { Interval } from '../../src/core/scheduling/intervals.js';
import { mutualFreeSlots } from '../../src/core/scheduling/slots.js';
import { UnknownTimeZoneError } from '../../src/core/scheduling/timeZones.js';

const usage = 'usage: reciprocal slots --schedule-file F --start ISO --end ISO --duration MIN [--json]';
const granularityMinutes = 15;
const maxWindowDays = 366;

/** An ISO 8601 date-time; with no offset it is read as UTC. */
const isoArg = (name: string, example: string) =>
  z.string({ error: `--${name} is required` }).transform((text, ctx) => {
    const parsed = DateTime.fromISO(text, { zone: 'utc' });
    if (!parsed.isValid) {
      ctx.addIssue({ code: 'custom', message: `--${name} must be an ISO date-time, e.g. ${example} (got "${text}")` });
      return z.NEVER;
    }
    return parsed.toMillis();
  });

const Args = z
  .object({
    'schedule-file': z.string({ error: '--schedule-file is required' }).min(1, '--schedule-file is required'),
    start: isoArg('start', '2019-03-15T09:00:00-07:00'),
    end: isoArg('end', '2019-03-15T18:00:00-07:00'),
    duration: z
      .string({ error: '--duration is required (minutes)' })
      .regex(/^\d+$/, '--duration must be a whole number of minutes, e.g. 30')
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, '--duration must be at least 1 minute')
          .max(24 * 60, '--duration must be at most 1440 minutes'),
      ),
    json: z.boolean().default(false),
  })
  .refine((a) => a.end > a.start, { message: '--end must be after --start', path: ['end'] })
  .refine((a) => a.end - a.start <= maxWindowDays * 24 * 3_600_000, {
    message: `--end: the window is at most ${maxWindowDays} days`,
    path: ['end'],
  });

/** `2019-03-15T16:00:00Z`: UTC, whole seconds, no milliseconds. */
export const isoUtc = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

class UsageError extends Error {}

function readScheduleFile(file: string): GetScheduleResponse {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--schedule-file: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(`--schedule-file: ${file} is not valid JSON`);
  }
  const response = GetScheduleResponse.safeParse(body);
  if (!response.success) {
    const issue = response.error.issues[0]!;
    throw new UsageError(
      `--schedule-file: not a getSchedule response (${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message})`,
    );
  }
  if (response.data.value.length !== 2)
    throw new UsageError(`--schedule-file: expected two schedules, found ${response.data.value.length}`);
  return response.data;
}

function table(slots: Interval[], people: PersonSchedule[]): string {
  const local = (p: PersonSchedule, ms: number) => {
    const w = p.zone.toWallClock(ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][w.weekday]} ${pad(w.hour)}:${pad(w.minute)}`;
  };
  const header = ['start (UTC)', 'end (UTC)', ...people.map((p) => `${p.scheduleId} (${p.zone.label})`)];
  const rows = slots.map((s) => [isoUtc(s.start), isoUtc(s.end), ...people.map((p) => local(p, s.start))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), `${slots.length} slot${slots.length === 1 ? '' : 's'}`].join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  try {
    let raw;
    try {
      raw = parseArgs({
        args: argv,
        options: {
          'schedule-file': { type: 'string' },
          start: { type: 'string' },
          end: { type: 'string' },
          duration: { type: 'string' },
          json: { type: 'boolean' },
        },
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const args = Args.safeParse(raw);
    if (!args.success) throw new UsageError(args.error.issues[0]!.message);
    const { start, end, duration, json } = args.data;
    const window = { start, end };
    const response = readScheduleFile(args.data['schedule-file']);

    let people: PersonSchedule[];
    try {
      people = response.value.map((info) => personSchedule(info, window, { treatTentativeAsBusy: true }));
    } catch (err) {
      if (err instanceof ScheduleUnavailableError || err instanceof UnknownTimeZoneError)
        throw new UsageError(`--schedule-file: ${err.message}`);
      throw err;
    }
    const result = mutualFreeSlots(
      people.map((p) => ({
        displayName: p.scheduleId,
        working: p.working,
        busy: p.busy,
        workingHours: p.workingHours,
      })),
      { window, durationMinutes: duration, granularityMinutes },
    );
    if (result.reason) process.stderr.write(`${result.reason}\n`);
    if (json)
      process.stdout.write(
        JSON.stringify(result.slots.map((s) => ({ start: isoUtc(s.start), end: isoUtc(s.end) }))) + '\n',
      );
    else process.stdout.write(result.slots.length ? table(result.slots, people) : 'No mutual free slot.\n');
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`reciprocal slots: ${err.message}\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`reciprocal slots: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
