// `reciprocal package`: fills the ${{NAME}} placeholders of the Teams app
// manifest (appPackage/manifest.json) and the Outlook add-in manifest
// (manifest.json) from the environment, validates both, and writes the zips a
// tenant admin uploads: build/appPackage.zip (Teams admin center) and
// build/outlookAddin.zip (Microsoft 365 admin center, Integrated apps), plus
// build/outlook-manifest.json for sideloading.
import { mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import yazl from 'yazl';
import { z } from 'zod';
import { embeddedDefaults } from '../config.js';
import { drawIcon, iconFiles } from './appIcons.js';
import {
  botHandledCommandIds,
  outlookManifestProblems,
  placeholderPattern,
  teamsManifestProblems,
} from './manifestValidation.js';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const httpsOrigin = z
  .string()
  .regex(/^https:\/\/[^/?#]+$/i, 'must be an https origin without a path, e.g. https://reciprocal.contoso.com');

const PackageEnv = z.object({
  TAB_ENDPOINT: httpsOrigin,
  TAB_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be the host (and port) of TAB_ENDPOINT, without a scheme'),
  AAD_APP_CLIENT_ID: guid,
  BOT_ID: guid,
  TEAMS_APP_ID: guid,
  OUTLOOK_ADDIN_ID: guid,
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be major.minor.patch'),
  PUBLISHER_NAME: z.string().min(1).max(32),
  PRIVACY_URL: z.url({ protocol: /^https$/ }),
  TERMS_URL: z.url({ protocol: /^https$/ }),
});
export type PackageEnv = z.infer<typeof PackageEnv>;

/** Set in any real packaging; without all of them (and none set) a dev package is built from the embedded defaults. */
const tenantKeys = ['TAB_ENDPOINT', 'AAD_APP_CLIENT_ID', 'BOT_ID', 'TEAMS_APP_ID', 'OUTLOOK_ADDIN_ID'] as const;

/** Fixed ids for a dev package, so re-packaging updates the same app instead of adding another. */
const devAppIds = {
  TEAMS_APP_ID: '6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
  OUTLOOK_ADDIN_ID: 'b7c8d9e0-1f2a-4b3c-9d4e-5f6a7b8c9d0e',
} as const;

export class PackageError extends Error {
  override name = 'PackageError';
}

function version(root: string): string {
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')))
    .version;
}

/** The values to fill in, from env; in a dev run (no tenant keys set) from the embedded defaults, with the list of what was defaulted. */
export function packageSettings(env: NodeJS.ProcessEnv, root: string): { values: PackageEnv; defaulted: string[] } {
  const given = (k: string) => (env[k] ?? '').trim() !== '';
  const dev = !tenantKeys.some(given);
  const endpoint = env['TAB_ENDPOINT']?.trim() || (dev ? 'https://localhost:3978' : undefined);
  const defaults: Record<string, string | undefined> = {
    TAB_ENDPOINT: endpoint,
    TAB_DOMAIN: endpoint ? endpoint.replace(/^https:\/\//i, '').replace(/\/.*$/, '') : undefined,
    AAD_APP_CLIENT_ID: dev ? embeddedDefaults.clientId : undefined,
    BOT_ID: dev ? embeddedDefaults.botId : undefined,
    TEAMS_APP_ID: dev ? devAppIds.TEAMS_APP_ID : undefined,
    OUTLOOK_ADDIN_ID: dev ? devAppIds.OUTLOOK_ADDIN_ID : undefined,
    APP_VERSION: version(root),
    PUBLISHER_NAME: 'Reciprocal',
    PRIVACY_URL: endpoint ? `${endpoint}/privacy` : undefined,
    TERMS_URL: endpoint ? `${endpoint}/terms` : undefined,
  };
  const raw: Record<string, string | undefined> = {};
  const defaulted: string[] = [];
  for (const key of Object.keys(PackageEnv.shape)) {
    if (given(key)) raw[key] = env[key]!.trim();
    else if (defaults[key] !== undefined) {
      raw[key] = defaults[key];
      defaulted.push(key);
    }
  }
  const missing = Object.keys(PackageEnv.shape).filter((k) => raw[k] === undefined);
  if (missing.length > 0)
    throw new PackageError(`set ${missing.join(', ')} (a real package needs all of ${tenantKeys.join(', ')})`);
  const parsed = PackageEnv.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PackageError(`${String(issue.path[0])}: ${issue.message}`);
  }
  if (parsed.data.TAB_DOMAIN.toLowerCase() !== new URL(parsed.data.TAB_ENDPOINT).host.toLowerCase()) {
    throw new PackageError(
      `TAB_DOMAIN: "${parsed.data.TAB_DOMAIN}" is not the host of TAB_ENDPOINT (${new URL(parsed.data.TAB_ENDPOINT).host})`,
    );
  }
  return {
    values: parsed.data,
    defaulted: dev ? defaulted : defaulted.filter((k) => !['APP_VERSION', 'PUBLISHER_NAME'].includes(k)),
  };
}

/** The template with every ${{NAME}} replaced; refuses a placeholder it has no value for, naming it. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>, what: string): unknown {
  const unknown = new Set<string>();
  const filled = template.replace(placeholderPattern, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    // Values land inside JSON strings.
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0)
    throw new PackageError(`${what}: no value for placeholder(s) ${[...unknown].map((n) => `\${{${n}}}`).join(', ')}`);
  return JSON.parse(filled) as unknown;
}

function writeZip(file: string, entries: ReadonlyArray<{ name: string; data: Buffer }>): Promise<void> {
  const zip = new yazl.ZipFile();
  // A fixed timestamp keeps the zip byte-identical for the same input.
  const mtime = new Date('2024-01-01T00:00:00Z');
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('close', () => resolve());
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
  });
}

export interface PackageResult {
  teamsZip: string;
  outlookZip: string;
  outlookManifest: string;
  defaulted: string[];
  commandIdsFrom: 'bot' | 'fixed-list';
}

/** Builds both packages into `outDir`; throws PackageError with every problem found. */
export async function buildPackages(root: string, outDir: string, env: NodeJS.ProcessEnv): Promise<PackageResult> {
  const { values, defaulted } = packageSettings(env, root);
  const teamsManifest = fillPlaceholders(
    readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8'),
    values,
    'appPackage/manifest.json',
  );
  const outlookManifest = fillPlaceholders(
    readFileSync(path.join(root, 'manifest.json'), 'utf8'),
    values,
    'manifest.json',
  );
  const files = new Map<string, Buffer>([
    ['color.png', readFileSync(path.join(root, 'appPackage', 'color.png'))],
    ['outline.png', readFileSync(path.join(root, 'appPackage', 'outline.png'))],
  ]);
  const commands = await botHandledCommandIds();
  const problems = [
    ...teamsManifestProblems({ manifest: teamsManifest, files }, { handledCommandIds: commands.ids }).map(
      (p) => `appPackage/manifest.json ${p}`,
    ),
    ...outlookManifestProblems({ manifest: outlookManifest, files }).map((p) => `manifest.json ${p}`),
  ];
  if (problems.length > 0) throw new PackageError(`the manifests do not validate:\n  ${problems.join('\n  ')}`);
  mkdirSync(outDir, { recursive: true });
  const json = (m: unknown) => Buffer.from(JSON.stringify(m, null, 2) + '\n');
  const result: PackageResult = {
    teamsZip: path.join(outDir, 'appPackage.zip'),
    outlookZip: path.join(outDir, 'outlookAddin.zip'),
    outlookManifest: path.join(outDir, 'outlook-manifest.json'),
    defaulted,
    commandIdsFrom: commands.source,
  };
  await writeZip(result.teamsZip, [
    { name: 'manifest.json', data: json(teamsManifest) },
    ...[...files].map(([name, data]) => ({ name, data })),
  ]);
  await writeZip(result.outlookZip, [
    { name: 'manifest.json', data: json(outlookManifest) },
    ...[...files].map(([name, data]) => ({ name, data })),
  ]);
  writeFileSync(result.outlookManifest, json(outlookManifest));
  return result;
}

/** Regenerates the committed icons from the drawing in appIcons.ts. */
export function writeIcons(root: string): string[] {
  return iconFiles.map((icon) => {
    const file = path.join(root, icon.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, drawIcon(icon.size, icon.variant));
    return icon.path;
  });
}

const Args = z.object({
  out: z.string().min(1).default('build'),
  'write-icons': z.boolean().default(false),
  help: z.boolean().default(false),
});

export async function run(args: string[], env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Promise<number> {
  let options: z.infer<typeof Args>;
  try {
    const { values } = parseArgs({
      args,
      options: { out: { type: 'string' }, 'write-icons': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    options = Args.parse(values);
  } catch (error) {
    process.stderr.write(
      `reciprocal package: ${error instanceof Error ? error.message : String(error)}\nusage: reciprocal package [--out DIR] [--write-icons]\n`,
    );
    return 2;
  }
  if (options.help) {
    process.stdout.write(
      'usage: reciprocal package [--out DIR] [--write-icons]\n  env: TAB_ENDPOINT, TAB_DOMAIN, AAD_APP_CLIENT_ID, BOT_ID, TEAMS_APP_ID, OUTLOOK_ADDIN_ID, [APP_VERSION, PUBLISHER_NAME, PRIVACY_URL, TERMS_URL]\n',
    );
    return 0;
  }
  if (options['write-icons']) {
    for (const file of writeIcons(root)) process.stdout.write(`wrote ${file}\n`);
    return 0;
  }
  try {
    const result = await buildPackages(root, path.resolve(root, options.out), env);
    if (result.defaulted.length > 0) {
      process.stderr.write(
        [
          '',
          '!!! DEV PACKAGE: no tenant settings in the environment, so these were filled with the embedded dev defaults:',
          `!!!   ${result.defaulted.join(', ')}`,
          '!!! It validates, but a real tenant needs its own values (see docs/deploy.md).',
          '',
        ].join('\n') + '\n',
      );
    }
    if (result.commandIdsFrom === 'fixed-list')
      process.stderr.write('note: server/bot/commands.ts not found; command ids checked against the fixed list\n');
    process.stdout.write(
      `wrote ${path.relative(root, result.teamsZip)}\nwrote ${path.relative(root, result.outlookZip)}\nwrote ${path.relative(root, result.outlookManifest)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackageError || error instanceof SyntaxError) {
      process.stderr.write(`reciprocal package: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
