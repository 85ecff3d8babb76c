// Validates the Teams app manifest and the Outlook add-in manifest: against
// the official JSON schema shipped in @microsoft/app-manifest (offline), and
// against the rules a schema cannot express (icon sizes and transparency,
// every message-extension command handled by the bot, every URL on a valid
// domain, no wildcard domains, no unfilled placeholders).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { readPngHeader } from './appIcons.js';

/** The message-extension command ids the bot engineer's handler table covers (server/bot/commands.ts). */
export const fixedCommandIds = ['searchPairs', 'scheduleSession', 'addToAgenda', 'saveAsLearningNote'] as const;

const require = createRequire(import.meta.url);
const schemaRoot = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
);
const hostedSchemaPrefix = 'https://developer.microsoft.com/json-schemas/';

/** The package's copy of a schema hosted under developer.microsoft.com/json-schemas/. */
export function localSchemaPath(schemaUrl: string): string {
  if (!schemaUrl.startsWith(hostedSchemaPrefix))
    throw new Error(`$schema ${schemaUrl} is not one of Microsoft's hosted manifest schemas`);
  const relative = schemaUrl.slice(hostedSchemaPrefix.length);
  if (relative.split('/').some((part) => part === '..' || part === ''))
    throw new Error(`$schema ${schemaUrl} is not a schema path`);
  return path.join(schemaRoot, relative);
}

function remoteRefs(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) remoteRefs(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && /^https?:/.test(value)) found.add(value.split('#')[0]!);
      else remoteRefs(value, found);
    }
  }
  return found;
}

const validators = new Map<string, ReturnType<Ajv04['compile']>>();

/** A compiled validator for the schema a manifest's `$schema` names; remote `$ref`s resolve from the package too. */
function schemaValidator(schemaUrl: string) {
  const cached = validators.get(schemaUrl);
  if (cached) return cached;
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const root = JSON.parse(readFileSync(localSchemaPath(schemaUrl), 'utf8')) as Record<string, unknown>;
  const pending = [...remoteRefs(root)];
  const added = new Set<string>([schemaUrl]);
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (added.has(url)) continue;
    const schema = JSON.parse(readFileSync(localSchemaPath(url), 'utf8')) as Record<string, unknown>;
    ajv.addSchema(schema, url);
    added.add(url);
    pending.push(...remoteRefs(schema));
  }
  const validate = ajv.compile({ ...root, id: schemaUrl });
  validators.set(schemaUrl, validate);
  return validate;
}

export const placeholderPattern = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export interface ManifestFiles {
  manifest: unknown;
  /** Files beside the manifest in the package, by name (color.png, outline.png). */
  files: ReadonlyMap<string, Buffer>;
}

export interface ValidationOptions {
  /** Command ids the bot handles; defaults to the fixed list. */
  handledCommandIds?: readonly string[];
}

const ManifestCore = z.object({
  $schema: z.string(),
  icons: z.object({ color: z.string(), outline: z.string() }),
  validDomains: z.array(z.string()).default([]),
});

/** Every string in the manifest with its JSON path. */
function strings(node: unknown, at = ''): Array<{ at: string; value: string }> {
  if (typeof node === 'string') return [{ at, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, i) => strings(item, `${at}/${i}`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, `${at}/${k}`));
  return [];
}

function iconProblems(
  files: ReadonlyMap<string, Buffer>,
  name: string,
  expected: number,
  role: 'color' | 'outline',
): string[] {
  const bytes = files.get(name);
  if (!bytes) return [`icons.${role}: ${name} is not in the package`];
  const header = readPngHeader(bytes);
  if (!header) return [`icons.${role}: ${name} is not a PNG`];
  const problems: string[] = [];
  if (header.width !== expected || header.height !== expected)
    problems.push(`icons.${role}: ${name} is ${header.width}×${header.height}, Teams requires ${expected}×${expected}`);
  if (role === 'outline') {
    const png = PNG.sync.read(bytes);
    let transparent = 0;
    let nonWhite = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3]!;
      if (alpha === 0) transparent++;
      else if (png.data[i]! < 250 || png.data[i + 1]! < 250 || png.data[i + 2]! < 250) nonWhite++;
    }
    if (transparent === 0) problems.push(`icons.outline: ${name} has no transparent background`);
    if (nonWhite > 0)
      problems.push(`icons.outline: ${name} must be white on transparent; ${nonWhite} pixel(s) are coloured`);
  }
  return problems;
}

/** Host (with port) of a URL-like string, for the valid-domain rule; null if it is not one. */
function hostOf(value: string): string | null {
  const match = /^(?:https|api|brk-multihub):\/\/([^/?#]+)/i.exec(value);
  return match ? match[1]!.toLowerCase() : null;
}

/** Paths whose URLs may point anywhere (the publisher's pages, the schema). */
const urlRuleExempt = [/^\/\$schema$/, /^\/developer\//];

/** Problems common to both manifests: schema, placeholders, valid domains, icons. */
export function manifestProblems({ manifest, files }: ManifestFiles): string[] {
  const problems: string[] = [];
  for (const { at, value } of strings(manifest)) {
    for (const m of value.matchAll(placeholderPattern))
      problems.push(`${at || '/'}: unfilled placeholder \${{${m[1]}}}`);
  }
  const core = ManifestCore.safeParse(manifest);
  if (!core.success)
    return [...problems, ...core.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`)];
  const validate = schemaValidator(core.data.$schema);
  if (!validate(manifest)) {
    for (const e of validate.errors ?? []) {
      const params = e.params as { allowedValues?: unknown[]; additionalProperty?: string };
      const detail = params.allowedValues
        ? ` (${params.allowedValues.join(', ')})`
        : params.additionalProperty
          ? `: "${params.additionalProperty}"`
          : '';
      problems.push(`${e.instancePath || '/'}: ${e.message ?? 'is invalid'}${detail}`);
    }
  }
  const domains = core.data.validDomains.map((d) => d.toLowerCase());
  for (const d of domains) {
    if (d.includes('*')) problems.push(`validDomains: "${d}" has a wildcard; list each host`);
    if (/[/:]\/|\//.test(d)) problems.push(`validDomains: "${d}" must be a host (and port), without a scheme or path`);
  }
  for (const { at, value } of strings(manifest)) {
    if (urlRuleExempt.some((r) => r.test(at))) continue;
    const host = hostOf(value);
    if (host && !domains.includes(host))
      problems.push(`${at}: ${value} is not on a valid domain (${domains.join(', ') || 'none listed'})`);
  }
  problems.push(...iconProblems(files, core.data.icons.color, 192, 'color'));
  problems.push(...iconProblems(files, core.data.icons.outline, 32, 'outline'));
  return problems;
}

const ComposeCommands = z.object({
  composeExtensions: z
    .array(z.object({ botId: z.string().optional(), commands: z.array(z.object({ id: z.string() })).default([]) }))
    .default([]),
  bots: z.array(z.object({ botId: z.string() })).default([]),
});

/** The Teams app manifest: the common rules, plus every command handled by our bot. */
export function teamsManifestProblems(input: ManifestFiles, options: ValidationOptions = {}): string[] {
  const problems = manifestProblems(input);
  const parsed = ComposeCommands.safeParse(input.manifest);
  if (!parsed.success) return problems;
  const handled = new Set(options.handledCommandIds ?? fixedCommandIds);
  const botIds = new Set(parsed.data.bots.map((b) => b.botId));
  parsed.data.composeExtensions.forEach((extension, i) => {
    if (extension.botId && !botIds.has(extension.botId))
      problems.push(
        `/composeExtensions/${i}/botId: ${extension.botId} is not the app's bot, so no handler of ours would answer`,
      );
    for (const command of extension.commands) {
      if (!handled.has(command.id))
        problems.push(
          `/composeExtensions/${i}/commands: "${command.id}" has no handler in the bot (handled: ${[...handled].join(', ')})`,
        );
    }
  });
  return problems;
}

// Schema v1.17 is the first manifest version with Outlook add-ins (the `extensions` property): "Added support
// for creation of Outlook add-ins with the unified manifest for Microsoft 365"
// (https://github.com/OfficeDev/microsoft-teams-app-schema/releases, Schema v1.17). The overview
// (https://learn.microsoft.com/office/dev/add-ins/develop/unified-manifest-overview) names no upper bound; a
// version the @microsoft/app-manifest package ships is checked against its schema by manifestProblems.
export const firstOutlookManifestVersion = [1, 17] as const;

const atLeast = (version: string, [major, minor]: readonly [number, number]) => {
  const m = /^(\d+)\.(\d+)$/.exec(version);
  return m !== null && (Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor));
};

const AddinShape = z.object({
  manifestVersion: z
    .string()
    .refine(
      (v) => atLeast(v, firstOutlookManifestVersion),
      `Outlook add-ins need manifest version ${firstOutlookManifestVersion.join('.')} or later`,
    ),
  extensions: z
    .array(
      z.object({
        runtimes: z
          .array(z.object({ id: z.string(), actions: z.array(z.object({ id: z.string() })).default([]) }))
          .default([]),
        ribbons: z
          .array(z.object({ contexts: z.array(z.string()).default([]), tabs: z.array(z.unknown()) }))
          .default([]),
        // Without alternateIcons no add-in only (XML) manifest is generated when the admin center deploys the
        // package, so Outlook on Mac, on mobile and older Windows builds cannot install the add-in.
        // https://learn.microsoft.com/office/dev/add-ins/develop/add-in-manifests
        alternates: z
          .array(
            z.object({ alternateIcons: z.object({ icon: z.unknown(), highResolutionIcon: z.unknown() }).optional() }),
          )
          .default([])
          .refine(
            (alternates) => alternates.some((a) => a.alternateIcons),
            'alternates[].alternateIcons is needed for Outlook clients without unified-manifest support',
          ),
      }),
    )
    .length(1, 'an Outlook add-in has exactly one extension'),
});

/** The Outlook add-in manifest: the common rules, ribbons for organizer and attendee, and every button wired to an action. */
export function outlookManifestProblems(input: ManifestFiles): string[] {
  const problems = manifestProblems(input);
  const parsed = AddinShape.safeParse(input.manifest);
  if (!parsed.success) return [...problems, ...parsed.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`)];
  const extension = parsed.data.extensions[0]!;
  const contexts = new Set(extension.ribbons.flatMap((r) => r.contexts));
  for (const needed of ['meetingDetailsOrganizer', 'meetingDetailsAttendee']) {
    if (!contexts.has(needed)) problems.push(`/extensions/0/ribbons: no ribbon for the ${needed} context`);
  }
  const actions = new Set(extension.runtimes.flatMap((r) => r.actions.map((a) => a.id)));
  for (const { at, value } of strings(extension.ribbons, '/extensions/0/ribbons')) {
    if (at.endsWith('/actionId') && !actions.has(value))
      problems.push(`${at}: "${value}" is not an action of any runtime`);
  }
  return problems;
}

/**
 * The bot's handler table when server/bot/commands.ts exists (it exports
 * `handledCommandIds`); the fixed list of the message-extension issue until then.
 */
export async function botHandledCommandIds(): Promise<{ ids: readonly string[]; source: 'bot' | 'fixed-list' }> {
  const modulePath = '../bot/commands.js';
  try {
    const loaded = (await import(/* @vite-ignore */ modulePath)) as { handledCommandIds?: unknown };
    const exported = loaded.handledCommandIds instanceof Set ? [...loaded.handledCommandIds] : loaded.handledCommandIds;
    const ids = z.array(z.string()).safeParse(exported);
    if (ids.success) return { ids: ids.data, source: 'bot' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && !/Cannot find module|Failed to load url/.test(String(error))) throw error;
  }
  return { ids: fixedCommandIds, source: 'fixed-list' };
}
