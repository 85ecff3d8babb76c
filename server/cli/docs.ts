// `reciprocal docs [--write]`: the README's and docs/deploy.md's permission
// table and list of client ids to pre-authorize, generated from the one list
// (server/permissions.ts) between marker comments. Without --write it only
// reports a region that differs (exit 1), which is what the test runs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { graphPermissions, preAuthorizedClients } from '../permissions.js';

export const generatedDocs = ['README.md', 'docs/deploy.md'] as const;

export function permissionTable(): string {
  const rows = graphPermissions.map(
    (p) =>
      `| \`${p.name}\` | ${p.type === 'application' ? 'Application' : 'Delegated (on-behalf-of)'} | ${p.why} | ${p.features.join(', ')} |`,
  );
  return [
    '| Permission | Type | Why | Features |',
    '|---|---|---|---|',
    ...rows,
    '',
    'Each is the least privileged permission its Microsoft Graph reference page lists for the call Reciprocal makes; `reciprocal doctor` checks every one.',
  ].join('\n');
}

export function clientIdList(): string {
  return preAuthorizedClients.map((c) => `- \`${c.id}\` ${c.client}`).join('\n');
}

const regions: Record<string, () => string> = { permissions: permissionTable, 'client-ids': clientIdList };

/** The document with every generated region it has replaced by its current text. */
export function regenerate(text: string): string {
  let result = text;
  for (const [name, render] of Object.entries(regions)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`, 'g');
    result = result.replace(pattern, (_whole, start: string, end: string) => `${start}\n${render()}\n${end}`);
  }
  return result;
}

export async function run(args: string[], root = process.cwd()): Promise<number> {
  const write = args.includes('--write');
  const unknown = args.filter((a) => a !== '--write');
  if (unknown.length > 0) {
    process.stderr.write(`reciprocal docs: unknown argument "${unknown[0]}"\nusage: reciprocal docs [--write]\n`);
    return 2;
  }
  let stale = 0;
  for (const doc of generatedDocs) {
    const file = path.join(root, doc);
    const text = readFileSync(file, 'utf8');
    const next = regenerate(text);
    if (next === text) continue;
    if (write) writeFileSync(file, next);
    else stale++;
    process.stdout.write(`${write ? 'rewrote' : 'out of date'}: ${doc}\n`);
  }
  if (stale > 0) process.stdout.write('run `npx reciprocal docs --write` to regenerate from server/permissions.ts\n');
  return stale > 0 ? 1 : 0;
}
