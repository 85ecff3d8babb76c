// The Teams app manifest and the Outlook add-in manifest against the official
// schemas in @microsoft/app-manifest, the rules a schema cannot express, and
// the zips `npm run package` writes.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { botCommands } from '../../server/bot/commands.js';
import { drawIcon, iconFiles, readPngHeader } from '../../server/cli/appIcons.js';
import {
  botHandledCommandIds,
  fixedCommandIds,
  localSchemaPath,
  outlookManifestProblems,
  teamsManifestProblems,
} from '../../server/cli/manifestValidation.js';
import { buildPackages, fillPlaceholders, packageSettings, PackageError } from '../../server/cli/package.js';

const root = path.resolve('.');
const run = promisify(execFile);

const tenantEnv = {
  TAB_ENDPOINT: 'https://reciprocal.contoso.com',
  TAB_DOMAIN: 'reciprocal.contoso.com',
  AAD_APP_CLIENT_ID: '0c4e2f1a-9b8d-4c6e-a1f3-5d7b9e2c4a60',
  BOT_ID: '1d5f3a2b-0c9e-4d7f-b2a4-6e8c0f3d5b71',
  TEAMS_APP_ID: '2e6a4b3c-1d0f-4e8a-83b5-7f9d1a4e6c82',
  OUTLOOK_ADDIN_ID: '3f7b5c4d-2e1a-4f9b-94c6-8a0e2b5f7d93',
  PRIVACY_URL: 'https://contoso.com/privacy',
  TERMS_URL: 'https://contoso.com/terms',
};

const icons = () =>
  new Map([
    ['color.png', readFileSync(path.join(root, 'appPackage/color.png'))],
    ['outline.png', readFileSync(path.join(root, 'appPackage/outline.png'))],
  ]);

function filled(file: string, env: Record<string, string> = tenantEnv): Record<string, unknown> {
  const { values } = packageSettings(env, root);
  return fillPlaceholders(readFileSync(path.join(root, file), 'utf8'), values, file) as Record<string, unknown>;
}

function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('Teams app manifest (appPackage/manifest.json)', () => {
  it('names a schema the @microsoft/app-manifest package ships', () => {
    const template = JSON.parse(readFileSync(path.join(root, 'appPackage/manifest.json'), 'utf8')) as {
      $schema: string;
      manifestVersion: string;
    };
    expect(() => readFileSync(localSchemaPath(template.$schema))).not.toThrow();
    expect(template.$schema).toContain(`/v${template.manifestVersion}/`);
  });

  it('validates against the official schema and our rules once filled for a tenant', () => {
    expect(teamsManifestProblems({ manifest: filled('appPackage/manifest.json'), files: icons() })).toEqual([]);
  });

  it('lists exactly the chat commands the bot answers (server/bot/commands.ts)', () => {
    const m = filled('appPackage/manifest.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const listed = m.bots[0].commandLists.flatMap((l: { commands: unknown[] }) => l.commands);
    expect(listed).toEqual(botCommands.map((c) => ({ title: c.title, description: c.description })));
  });

  it('declares the tab, channel and meeting tab, bot and the four message-extension commands', () => {
    const m = filled('appPackage/manifest.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(m.staticTabs[0]).toMatchObject({ contentUrl: 'https://reciprocal.contoso.com/tab', scopes: ['personal'] });
    expect(m.configurableTabs[0].context).toEqual(
      expect.arrayContaining(['channelTab', 'meetingSidePanel', 'meetingChatTab', 'meetingDetailsTab']),
    );
    expect(m.bots[0]).toMatchObject({ botId: tenantEnv.BOT_ID, scopes: ['personal', 'groupChat', 'team'] });
    const commands = m.composeExtensions[0].commands as Array<{
      id: string;
      type: string;
      context: string[];
      fetchTask?: boolean;
    }>;
    expect(commands.map((c) => c.id)).toEqual([...fixedCommandIds]);
    expect(commands.find((c) => c.id === 'scheduleSession')).toMatchObject({
      type: 'action',
      fetchTask: true,
      context: ['compose', 'commandBox'],
    });
    for (const id of ['addToAgenda', 'saveAsLearningNote'])
      expect(commands.find((c) => c.id === id)?.context).toEqual(['message']);
    expect(m.webApplicationInfo).toEqual({
      id: tenantEnv.AAD_APP_CLIENT_ID,
      resource: `api://reciprocal.contoso.com/${tenantEnv.AAD_APP_CLIENT_ID}`,
    });
    expect(m.validDomains).toEqual(['reciprocal.contoso.com']);
  });

  it('every message-extension command is handled by the bot (its handler table when it exists)', async () => {
    const { ids, source } = await botHandledCommandIds();
    const m = filled('appPackage/manifest.json') as { composeExtensions: Array<{ commands: Array<{ id: string }> }> };
    const declared = m.composeExtensions.flatMap((c) => c.commands.map((x) => x.id));
    for (const id of declared) expect(ids, `bot handler table (${source})`).toContain(id);
    // The bot handles exactly what the manifest declares: no handler for a command Teams never sends.
    if (source === 'bot') expect([...ids].sort()).toEqual([...declared].sort());
  });

  it('reports a command the bot does not handle, a wildcard domain, a foreign URL and a schema violation', () => {
    const m = filled('appPackage/manifest.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    m.composeExtensions[0].commands.push({
      id: 'exportEverything',
      type: 'action',
      title: 'Export',
      context: ['compose'],
      fetchTask: true,
    });
    m.validDomains = ['*.contoso.com', 'reciprocal.contoso.com'];
    m.staticTabs[0].contentUrl = 'https://elsewhere.example.org/tab';
    m.bots[0].scopes = ['everywhere'];
    const problems = teamsManifestProblems({ manifest: m, files: icons() });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('"exportEverything" has no handler in the bot'),
        expect.stringContaining('"*.contoso.com" has a wildcard'),
        expect.stringContaining('https://elsewhere.example.org/tab is not on a valid domain'),
        expect.stringMatching(/^\/bots\/0\/scopes\/0: must be equal to one of the allowed values/),
      ]),
    );
  });

  it('reports icons of the wrong size and an outline icon that is not white on transparent', () => {
    const files = new Map([
      ['color.png', drawIcon(96, 'color')],
      ['outline.png', drawIcon(32, 'ribbon')],
    ]);
    const problems = teamsManifestProblems({ manifest: filled('appPackage/manifest.json'), files });
    expect(problems).toContain('icons.color: color.png is 96×96, Teams requires 192×192');
    expect(problems.some((p) => p.startsWith('icons.outline: outline.png must be white on transparent'))).toBe(true);
  });

  it('reports a placeholder left unfilled', () => {
    const m = filled('appPackage/manifest.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    m.staticTabs[0].contentUrl = '${{TAB_ENDPOINT}}/tab';
    expect(teamsManifestProblems({ manifest: m, files: icons() })).toContain(
      '/staticTabs/0/contentUrl: unfilled placeholder ${{TAB_ENDPOINT}}',
    );
  });
});

describe('Outlook add-in manifest (manifest.json)', () => {
  it('validates against the official schema and our rules once filled for a tenant', () => {
    expect(outlookManifestProblems({ manifest: filled('manifest.json'), files: icons() })).toEqual([]);
  });

  it('opens the task pane page from ribbons for the organizer and the attendee, with NAA configured', () => {
    const m = filled('manifest.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const ext = m.extensions[0];
    expect(ext.requirements.capabilities[0]).toMatchObject({ name: 'Mailbox' });
    expect(ext.runtimes[0].code.page).toBe('https://reciprocal.contoso.com/outlook');
    expect(ext.ribbons.flatMap((r: { contexts: string[] }) => r.contexts)).toEqual([
      'meetingDetailsOrganizer',
      'meetingDetailsAttendee',
    ]);
    expect(m.webApplicationInfo.nestedAppAuthInfo[0]).toEqual({
      redirectUri: 'brk-multihub://reciprocal.contoso.com',
      scopes: [`api://reciprocal.contoso.com/${tenantEnv.AAD_APP_CLIENT_ID}/access_as_user`],
    });
  });

  it('needs a manifest version with Outlook add-ins (1.17 or later) and alternateIcons for older Outlook clients', () => {
    const m = filled('manifest.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(Number(m.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
    const older = { ...m, manifestVersion: '1.16' };
    expect(outlookManifestProblems({ manifest: older, files: icons() })).toContain(
      '/manifestVersion: Outlook add-ins need manifest version 1.17 or later',
    );
    const noIcons = structuredClone(m);
    delete noIcons.extensions[0].alternates;
    expect(outlookManifestProblems({ manifest: noIcons, files: icons() }).join('\n')).toMatch(
      /alternateIcons is needed/,
    );
  });

  it('reports a ribbon button wired to no action and a missing attendee ribbon', () => {
    const m = filled('manifest.json') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].actionId = 'Nowhere';
    m.extensions[0].ribbons.pop();
    const problems = outlookManifestProblems({ manifest: m, files: icons() });
    expect(problems).toContain('/extensions/0/ribbons: no ribbon for the meetingDetailsAttendee context');
    expect(problems.some((p) => p.endsWith('"Nowhere" is not an action of any runtime'))).toBe(true);
  });
});

describe('icons', () => {
  it('are real images of the required sizes, and the committed files match the drawing', () => {
    for (const icon of iconFiles) {
      const bytes = readFileSync(path.join(root, icon.path));
      expect(readPngHeader(bytes), icon.path).toMatchObject({ width: icon.size, height: icon.size, colorType: 6 });
      expect(
        bytes.equals(drawIcon(icon.size, icon.variant)),
        `${icon.path} is stale: run node bin/reciprocal.mjs package --write-icons`,
      ).toBe(true);
    }
    const colour = PNG.sync.read(readFileSync(path.join(root, 'appPackage/color.png')));
    const distinct = new Set<string>();
    for (let i = 0; i < colour.data.length; i += 4) distinct.add(colour.data.subarray(i, i + 4).toString('hex'));
    expect(distinct.size).toBeGreaterThan(2);
  });
});

describe('reciprocal package', () => {
  it('refuses a partial tenant configuration, naming what is missing', () => {
    expect(() => packageSettings({ TAB_ENDPOINT: 'https://reciprocal.contoso.com' }, root)).toThrow(
      /set AAD_APP_CLIENT_ID, BOT_ID, TEAMS_APP_ID, OUTLOOK_ADDIN_ID/,
    );
    expect(() => packageSettings({ ...tenantEnv, BOT_ID: 'not-a-guid' }, root)).toThrow(/BOT_ID: must be a GUID/);
    expect(() => packageSettings({ ...tenantEnv, TAB_DOMAIN: 'other.contoso.com' }, root)).toThrow(
      /TAB_DOMAIN: "other.contoso.com" is not the host of TAB_ENDPOINT/,
    );
    expect(() => packageSettings({ ...tenantEnv, TAB_ENDPOINT: 'http://reciprocal.contoso.com' }, root)).toThrow(
      /TAB_ENDPOINT: must be an https origin/,
    );
  });

  it('refuses a template placeholder it has no value for, naming it', () => {
    expect(() =>
      fillPlaceholders('{"a":"${{NOT_SET}}","b":"${{TAB_ENDPOINT}}"}', { TAB_ENDPOINT: 'https://x' }, 'test.json'),
    ).toThrow(PackageError);
    expect(() => fillPlaceholders('{"a":"${{NOT_SET}}"}', {}, 'test.json')).toThrow(
      'test.json: no value for placeholder(s) ${{NOT_SET}}',
    );
  });

  it('writes zips whose manifests and icons pass the same validation (CLI run into a temp dir)', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-package-'));
    const { stdout } = await run(process.execPath, ['bin/reciprocal.mjs', 'package', '--out', out], {
      cwd: root,
      env: { ...process.env, ...tenantEnv },
    });
    expect(stdout).toContain('appPackage.zip');
    const teams = await unzip(path.join(out, 'appPackage.zip'));
    expect([...teams.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const { ids } = await botHandledCommandIds();
    const teamsManifest = JSON.parse(teams.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(teamsManifestProblems({ manifest: teamsManifest, files: teams }, { handledCommandIds: ids })).toEqual([]);
    expect(teamsManifest['id']).toBe(tenantEnv.TEAMS_APP_ID);
    const outlook = await unzip(path.join(out, 'outlookAddin.zip'));
    expect(
      outlookManifestProblems({ manifest: JSON.parse(outlook.get('manifest.json')!.toString('utf8')), files: outlook }),
    ).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(out, 'outlook-manifest.json'), 'utf8'))).toEqual(
      JSON.parse(outlook.get('manifest.json')!.toString('utf8')),
    );
  });

  it('in a dev run fills from the embedded defaults and says so loudly', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-package-dev-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in tenantEnv)));
    const { stderr } = await run(process.execPath, ['bin/reciprocal.mjs', 'package', '--out', out], { cwd: root, env });
    expect(stderr).toContain('DEV PACKAGE');
    const teams = await unzip(path.join(out, 'appPackage.zip'));
    expect(
      teamsManifestProblems({ manifest: JSON.parse(teams.get('manifest.json')!.toString('utf8')), files: teams }),
    ).toEqual([]);
  });

  it('exits 1 with the variable named when the environment is incomplete', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-package-bad-'));
    const error = await run(process.execPath, ['bin/reciprocal.mjs', 'package', '--out', out], {
      cwd: root,
      env: { ...process.env, ...tenantEnv, OUTLOOK_ADDIN_ID: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain('set OUTLOOK_ADDIN_ID');
  });

  it('builds byte-identical zips for the same input', async () => {
    const a = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-package-a-'));
    const b = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-package-b-'));
    await buildPackages(root, a, tenantEnv);
    await buildPackages(root, b, tenantEnv);
    expect(readFileSync(path.join(a, 'appPackage.zip')).equals(readFileSync(path.join(b, 'appPackage.zip')))).toBe(
      true,
    );
  });
});
