// `reciprocal match` run as a process: pairs with reasons, the unmatched with why, and exit 2
// naming the field when the input is malformed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/reciprocal.mjs', 'match', ...args], { encoding: 'utf8', cwd: root });
const dir = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-match-'));
const file = (name: string, body: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
};

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const profile = (id: string, extra: Record<string, unknown>) => ({
  id,
  careerStage: 'mid',
  department: 'Care Transitions',
  managerId: null,
  timeZone: 'America/Chicago',
  workingHours: { start: '08:00', end: '17:00', days: weekdays },
  canTeach: [],
  wantsToLearn: [],
  maxPairs: 1,
  ...extra,
});
const round = {
  people: [
    profile('ana', { careerStage: 'early', canTeach: ['technology-adoption'], wantsToLearn: ['clinical-expertise'] }),
    profile('raj', {
      careerStage: 'seasoned',
      department: 'Transplant',
      timeZone: 'America/New_York',
      canTeach: ['clinical-expertise'],
      wantsToLearn: ['technology-adoption'],
    }),
    profile('kim', {
      careerStage: 'seasoned',
      managerId: 'raj',
      canTeach: ['clinical-expertise'],
      wantsToLearn: ['technology-adoption'],
    }),
    profile('lee', {
      canTeach: ['clinical-expertise', 'technology-adoption'],
      wantsToLearn: ['clinical-expertise', 'technology-adoption'],
      timeZone: 'Asia/Kolkata',
    }),
  ],
  pastPairs: [['ana', 'kim']],
  rules: { department: 'any', allowRepeats: false },
};

describe('reciprocal match', () => {
  it('prints the pairs with their reasons and everyone unmatched with why, as JSON', () => {
    const r = cli('--input', file('round.json', round), '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      pairs: Array<{ a: string; b: string; score: number; reasons: string[] }>;
      unmatched: Array<{ id: string; reason: string }>;
    };
    expect(out.pairs).toEqual([
      {
        a: 'ana',
        b: 'raj',
        score: expect.any(Number),
        reasons: [
          'ana teaches Technology adoption, which raj wants to learn',
          'raj teaches Clinical expertise, which ana wants to learn',
          'early career with seasoned',
          '8 h shared working time on 5 days a week',
          'different departments',
        ],
      },
    ]);
    expect(out.unmatched.map((u) => u.id)).toEqual(['kim', 'lee']);
    expect(out.unmatched[0]!.reason).toContain('1 colleague already paired with them in an earlier round');
    expect(out.unmatched[1]!.reason).toBe(
      'no colleague can be paired with them: 3 colleagues with under an hour of shared working time on 3 days a week',
    );
  });

  it('prints a readable summary without --json', () => {
    const r = cli('--input', file('round-text.json', round));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ana + raj (score');
    expect(r.stdout).toContain('  - early career with seasoned');
  });

  it('exits 2 naming the field when the input is malformed', () => {
    const bad = { ...round, people: [round.people[0], { ...round.people[1], careerStage: 'senior' }] };
    const r = cli('--input', file('bad.json', bad), '--json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('people[1].careerStage');
    const badRules = cli('--input', file('bad-rules.json', { ...round, rules: { department: 'some' } }));
    expect(badRules.status).toBe(2);
    expect(badRules.stderr).toContain('rules.department');
  });

  it('exits 2 when the file is missing, not JSON, or --input is absent', () => {
    expect(cli('--input', path.join(dir, 'nope.json')).status).toBe(2);
    const notJson = cli('--input', file('not.json', '{"people": ['));
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('as JSON');
    const none = cli('--json');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--input is required');
  });
});
