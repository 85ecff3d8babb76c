// `reciprocal match --input F [--json]`: the matcher alone on a JSON instance (people,
// pastPairs, rules). Prints the proposed pairs with their reasons and everyone left
// unmatched with why. Malformed input exits 2 with the offending field's path.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { MatchingInput, proposeRound, type RoundMatch } from '../../src/core/matching/index.js';

const usage = 'usage: reciprocal match --input F [--json]';

/** `people[3].workingHours.start` */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${fieldPath(issue.path) || '(input)'}: ${issue.message}`).join('\n');

function printText(match: RoundMatch): void {
  const lines = [`${match.pairs.length} pairs, total score ${match.score}`];
  for (const pair of match.pairs) {
    lines.push(`${pair.a} + ${pair.b} (score ${pair.score})`, ...pair.reasons.map((r) => `  - ${r}`));
  }
  if (match.unmatched.length > 0) lines.push('', `${match.unmatched.length} unmatched`);
  for (const u of match.unmatched) lines.push(`${u.id}: ${u.reason}`);
  process.stdout.write(lines.join('\n') + '\n');
}

function fail(message: string): number {
  process.stderr.write(`reciprocal match: ${message}\n${usage}\n`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  let values: { input?: string; json?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: { input: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
  if (!values.input) return fail('--input is required');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(values.input, 'utf8'));
  } catch (err) {
    return fail(`cannot read ${values.input} as JSON: ${(err as Error).message}`);
  }
  const parsed = MatchingInput.safeParse(raw);
  if (!parsed.success) return fail(`malformed input\n${describeIssues(parsed.error)}`);
  const match = proposeRound(parsed.data);
  if (values.json) {
    process.stdout.write(JSON.stringify({ pairs: match.pairs, unmatched: match.unmatched }) + '\n');
  } else {
    printText(match);
  }
  return 0;
}
