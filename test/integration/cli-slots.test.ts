// `reciprocal slots` run as a process on the published getSchedule response, checked by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const published = path.resolve(root, '../shared/contracts/graph/graph.getSchedule.response.json');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/reciprocal.mjs', 'slots', ...args], { encoding: 'utf8', cwd: root });
const dir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-slots-'));
const file = (name: string, body: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};
/** Starts every 15 minutes from `from`, `count` of them, as the CLI prints them. */
const starts = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.parse(from) + i * 15 * 60_000).toISOString().replace('.000Z', 'Z'),
  );

describe('reciprocal slots on the published getSchedule response', () => {
  // The published request asks for 2019-03-15 09:00-18:00 "Pacific Standard Time". That Windows
  // zone is America/Los_Angeles, and US DST began on Sunday 10 March 2019, so the window is
  // 09:00-18:00 PDT = 16:00Z-01:00Z (the --start/--end below carry the -07:00 offset).
  //
  // Adele: working hours 08:00-17:00 "Pacific Standard Time" = 15:00Z-00:00Z.
  //   Busy 12:00-14:00 (item times are in "Pacific Standard Time", i.e. PDT) = 19:00Z-21:00Z.
  // Megan: custom zone, bias 480 (UTC-8) with daylightBias -60 from the 2nd Sunday of March
  //   (10 March 2019) 02:00 to the 1st Sunday of November: on 15 March she is at UTC-7 too,
  //   so 08:00-17:00 local = 15:00Z-00:00Z. Items (in Pacific time, PDT):
  //   busy 08:30-09:30 = 15:30Z-16:30Z; busy 12:00-14:00 = 19:00Z-21:00Z; tentative 12:00-13:00
  //   and busy 13:00-14:00 (inside the previous); tentative 16:00-17:00 = 23:00Z-00:00Z.
  // Both working: 15:00Z-00:00Z; inside the window: 16:00Z-00:00Z.
  // Minus busy: free 16:30Z-19:00Z and 21:00Z-23:00Z.
  it('gives every 30-minute slot: 16:30Z to 18:30Z and 21:00Z to 22:30Z starts, 16 in all', () => {
    const r = cli(
      '--schedule-file',
      published,
      '--start',
      '2019-03-15T09:00:00-07:00',
      '--end',
      '2019-03-15T18:00:00-07:00',
      '--duration',
      '30',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const slots = JSON.parse(r.stdout) as Array<{ start: string; end: string }>;
    expect(slots.map((s) => s.start)).toEqual([
      ...starts('2019-03-15T16:30:00Z', 9),
      ...starts('2019-03-15T21:00:00Z', 7),
    ]);
    expect(slots[0]).toEqual({ start: '2019-03-15T16:30:00Z', end: '2019-03-15T17:00:00Z' });
    expect(slots.at(-1)).toEqual({ start: '2019-03-15T22:30:00Z', end: '2019-03-15T23:00:00Z' });
  });

  it('gives every 60-minute slot (the 16:30Z-19:00Z and 21:00Z-23:00Z stretches), the same with the window in UTC', () => {
    const r = cli(
      '--schedule-file',
      published,
      '--start',
      '2019-03-15T16:00:00Z',
      '--end',
      '2019-03-16T01:00:00Z',
      '--duration',
      '60',
      '--json',
    );
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ start: string }>).map((s) => s.start)).toEqual([
      ...starts('2019-03-15T16:30:00Z', 7),
      ...starts('2019-03-15T21:00:00Z', 5),
    ]);
  });

  it('prints a readable table with both people’s local times without --json', () => {
    const r = cli(
      '--schedule-file',
      published,
      '--start',
      '2019-03-15T09:00:00-07:00',
      '--end',
      '2019-03-15T18:00:00-07:00',
      '--duration',
      '30',
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^start \(UTC\)\s+end \(UTC\)\s+adelev@contoso\.onmicrosoft\.com \(America\/Los_Angeles\)\s+meganb@contoso\.onmicrosoft\.com \(Customized Time Zone\)$/,
    );
    expect(lines[1]).toMatch(/^2019-03-15T16:30:00Z\s+2019-03-15T17:00:00Z\s+Fri 09:30\s+Fri 09:30$/);
    expect(lines.at(-1)).toBe('16 slots');
  });

  it('prints [] and the reason on stderr, exit 0, when there is no common time', () => {
    // Saturday 16 March: nobody works.
    const r = cli(
      '--schedule-file',
      published,
      '--start',
      '2019-03-16T09:00:00-07:00',
      '--end',
      '2019-03-16T18:00:00-07:00',
      '--duration',
      '30',
      '--json',
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(
      /^no common time this window: adelev@contoso\.onmicrosoft\.com 08:00–17:00 America\/Los_Angeles, meganb@contoso\.onmicrosoft\.com 08:00–17:00 Customized Time Zone have no working hours in this window\n$/,
    );
  });

  it('says when the shared free time is too short for the duration', () => {
    const r = cli(
      '--schedule-file',
      published,
      '--start',
      '2019-03-15T09:00:00-07:00',
      '--end',
      '2019-03-15T18:00:00-07:00',
      '--duration',
      '180',
      '--json',
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/the longest shared free stretch is 150 minutes, shorter than 180/);
  });
});

describe('reciprocal slots refuses bad input with a message naming it (exit 2, no stack trace)', () => {
  const window = ['--start', '2019-03-15T09:00:00Z', '--end', '2019-03-15T10:00:00Z'];
  const schedule = JSON.parse(readFileSync(published, 'utf8')) as { value: Array<Record<string, unknown>> };
  it.each([
    ['no --schedule-file', [...window, '--duration', '30'], /--schedule-file is required/],
    [
      'no --start',
      ['--schedule-file', published, '--end', '2019-03-15T10:00:00Z', '--duration', '30'],
      /--start is required/,
    ],
    [
      'a --start that is not ISO',
      ['--schedule-file', published, '--start', 'tomorrow', '--end', '2019-03-15T10:00:00Z', '--duration', '30'],
      /--start must be an ISO date-time.*"tomorrow"/,
    ],
    [
      'an --end before --start',
      [
        '--schedule-file',
        published,
        '--start',
        '2019-03-15T10:00:00Z',
        '--end',
        '2019-03-15T09:00:00Z',
        '--duration',
        '30',
      ],
      /--end must be after --start/,
    ],
    [
      'a --duration that is not minutes',
      ['--schedule-file', published, ...window, '--duration', 'half'],
      /--duration must be a whole number of minutes/,
    ],
    [
      'a --duration of zero',
      ['--schedule-file', published, ...window, '--duration', '0'],
      /--duration must be at least 1 minute/,
    ],
    ['no --duration', ['--schedule-file', published, ...window], /--duration is required/],
    [
      'a missing file',
      ['--schedule-file', '/no/such/file.json', ...window, '--duration', '30'],
      /--schedule-file: cannot read \/no\/such\/file\.json: ENOENT/,
    ],
    [
      'a file that is not JSON',
      ['--schedule-file', file('broken.json', '{"value": ['), ...window, '--duration', '30'],
      /--schedule-file: .* is not valid JSON/,
    ],
    [
      'a file that is not a getSchedule response',
      ['--schedule-file', file('other.json', { users: [] }), ...window, '--duration', '30'],
      /--schedule-file: not a getSchedule response \(value: /,
    ],
    [
      'one schedule instead of two',
      ['--schedule-file', file('one.json', { value: [schedule.value[0]] }), ...window, '--duration', '30'],
      /expected two schedules, found 1/,
    ],
    [
      'a bad field inside a schedule',
      [
        '--schedule-file',
        file('status.json', {
          value: [
            schedule.value[0],
            {
              ...schedule.value[1],
              scheduleItems: [
                {
                  status: 'maybe',
                  start: { dateTime: '2019-03-15T08:00:00', timeZone: 'UTC' },
                  end: { dateTime: '2019-03-15T09:00:00', timeZone: 'UTC' },
                },
              ],
            },
          ],
        }),
        ...window,
        '--duration',
        '30',
      ],
      /value\.1\.scheduleItems\.0\.status/,
    ],
    [
      'a mailbox Graph could not read',
      [
        '--schedule-file',
        file('error.json', {
          value: [
            schedule.value[0],
            { scheduleId: 'gone@contoso.com', error: { message: 'The mailbox was not found.' } },
          ],
        }),
        ...window,
        '--duration',
        '30',
      ],
      /gone@contoso\.com: The mailbox was not found/,
    ],
    ['an unknown option', ['--bogus'], /Unknown option '--bogus'/],
  ] as Array<[string, string[], RegExp]>)('%s', (_name, args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(
      /usage: reciprocal slots --schedule-file F --start ISO --end ISO --duration MIN \[--json\]/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
