// `reciprocal slots` on the published getSchedule response, checked by hand.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const published = path.resolve(__dirname, '../../../shared/contracts/graph/graph.getSchedule.response.json');
const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/reciprocal.mjs', 'slots', ...args], { encoding: 'utf8', cwd: path.resolve(__dirname, '../..') });

describe('reciprocal slots', () => {
  it('gives the mutual slots of the two published mailboxes in the published window', () => {
    // The window is 09:00-18:00 "Pacific Standard Time" on 15 March 2019; US DST began 10 March, so that is 16:00Z-01:00Z.
    // Adele: Windows zone, works 08-17 PDT (15:00Z-00:00Z), busy 12-14 PDT (19:00Z-21:00Z).
    // Megan: custom zone bias 480 with daylight bias -60 from the 2nd Sunday of March: also UTC-7 that day,
    //   works 08-17 (15:00Z-00:00Z); busy 08:30-09:30, 12-14, 13-14; tentative 12-13 and 16-17 PDT.
    // Shared working time inside the window: 16:00Z-00:00Z. Blocked: 15:30-16:30Z, 19:00-21:00Z, 23:00-00:00Z.
    // Free: 16:30-19:00Z and 21:00-23:00Z; 30-minute slots every 15 minutes: 9 + 7 = 16.
    const r = cli('--schedule-file', published, '--start', '2019-03-15T09:00:00-07:00', '--end', '2019-03-15T18:00:00-07:00', '--duration', '30', '--json');
    expect(r.status).toBe(0);
    const slots = JSON.parse(r.stdout) as Array<{ start: string; end: string }>;
    const starts = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(from) + i * 15 * 60_000).toISOString().replace('.000Z', 'Z'));
    expect(slots.map((s) => s.start)).toEqual([...starts('2019-03-15T16:30:00Z', 9), ...starts('2019-03-15T21:00:00Z', 7)]);
    expect(slots.every((s) => Date.parse(s.end) - Date.parse(s.start) === 30 * 60_000)).toBe(true);
  });

  it('prints [] with the reason on stderr and exits 0 when there is no common time', () => {
    const r = cli('--schedule-file', published, '--start', '2019-03-16T09:00:00-07:00', '--end', '2019-03-16T18:00:00-07:00', '--duration', '30', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/no common time this window: .* no working hours in this window/);
  });

  it.each([
    [['--start', '2019-03-15T09:00:00Z', '--end', '2019-03-15T10:00:00Z', '--duration', '30'], /--schedule-file is required/],
    [['--schedule-file', published, '--start', 'tomorrow', '--end', '2019-03-15T10:00:00Z', '--duration', '30'], /--start must be an ISO date-time/],
    [['--schedule-file', published, '--start', '2019-03-15T09:00:00Z', '--end', '2019-03-15T10:00:00Z', '--duration', 'half'], /--duration/],
    [['--schedule-file', '/no/such/file.json', '--start', '2019-03-15T09:00:00Z', '--end', '2019-03-15T10:00:00Z', '--duration', '30'], /cannot read/],
    [['--bogus'], /Unknown option/],
  ])('refuses bad arguments with a message naming them (%#)', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a file that is not a getSchedule response', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'slots-'));
    const file = path.join(dir, 'x.json');
    writeFileSync(file, JSON.stringify({ value: [{ scheduleId: 'a' }] }));
    const r = cli('--schedule-file', file, '--start', '2019-03-15T09:00:00Z', '--end', '2019-03-15T10:00:00Z', '--duration', '30');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected two schedules/);
  });
});
