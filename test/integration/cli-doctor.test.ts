// `reciprocal doctor` against the dev tenant and the app as `npm start` runs
// them: all ok exits 0; a removed permission exits 1 naming it in the fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../server/cli/doctor.js';
import { graphPermissions, permissionsOfType } from '../../server/permissions.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startTestDevTenant } from '../support/devtenant.js';

const optional = new Set(graphPermissions.filter((p) => p.optional).map((p) => p.name));
const allPermissions = [...permissionsOfType('application'), ...permissionsOfType('delegated')];
const documented = {
  applicationPermissions: permissionsOfType('application'),
  delegatedPermissions: permissionsOfType('delegated'),
  accessTokenAcceptedVersion: 2 as const,
};
let app: TestApp;

async function doctor(env: NodeJS.ProcessEnv = {}): Promise<{
  code: number;
  checks: Array<{ id: string; ok: boolean; message: string; fix: string }>;
}> {
  let text = '';
  const code = await run(['--json'], { config: app.config, appUrl: app.url, env, out: (t) => (text += t) });
  return {
    code,
    checks: (JSON.parse(text) as { checks: Array<{ id: string; ok: boolean; message: string; fix: string }> }).checks,
  };
}
async function grant(change: object): Promise<void> {
  await fetch(`${app.devTenantUrl}/_admin/app-registration`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
}

beforeAll(async () => {
  app = await startTestApp({ devTenant: await startTestDevTenant({ appRegistration: documented }) });
}, 90_000);
afterAll(async () => {
  await app?.close();
  await app?.devTenant.close();
});

describe('reciprocal doctor', () => {
  it('passes every check, in order, against the dev tenant as configured', async () => {
    const { code, checks } = await doctor();
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(code).toBe(0);
    expect(checks.map((c) => c.id)).toEqual([
      'config',
      'app-token',
      ...permissionsOfType('application').map((p) => `permission:${p}`),
      ...permissionsOfType('delegated').map((p) => `permission:${p}`),
      'token-version',
      'program-site',
      'bot-token',
      'healthz',
      'manifests',
      'clock',
    ]);
  });

  async function doctorWithout(name: string) {
    await grant({
      applicationPermissions: documented.applicationPermissions.filter((p) => p !== name),
      delegatedPermissions: documented.delegatedPermissions.filter((p) => p !== name),
    });
    try {
      const { code, checks } = await doctor();
      return { code, check: checks.find((c) => c.id === `permission:${name}`)! };
    } finally {
      await grant(documented);
    }
  }

  it.each(allPermissions.filter((p) => !optional.has(p)))(
    'fails, naming %s in the fix, once that permission is removed',
    async (name) => {
      const { code, check } = await doctorWithout(name);
      expect(code).toBe(1);
      expect(check.ok).toBe(false);
      expect(check.fix).toContain(name);
    },
  );

  it.each(allPermissions.filter((p) => optional.has(p)))(
    'passes without the optional %s, saying which feature stays off and how to turn it on',
    async (name) => {
      const { code, check } = await doctorWithout(name);
      expect(code).toBe(0);
      expect(check.ok).toBe(true);
      expect(check.message).toContain(`${name} (optional) not granted`);
      expect(check.message).toMatch(/stay off\. To turn on: /);
    },
  );

  it('reports a server running another build than this checkout, with the fix', async () => {
    const { code, checks } = await doctor({ RECIPROCAL_BUILD: 'some-other-build' });
    expect(code).toBe(1);
    const healthz = checks.find((c) => c.id === 'healthz')!;
    expect(healthz).toMatchObject({ ok: false });
    expect(healthz.message).toContain('this checkout is build some-other-build');
    expect(healthz.fix).toMatch(/deploy this build/);
  });

  it('reports an incomplete tenant configuration as a problem, not a stack trace', async () => {
    let text = '';
    const code = await run(['--json'], { env: { TENANT_ID: 'x' }, out: (t) => (text += t) });
    expect(code).toBe(1);
    const [check] = (JSON.parse(text) as { checks: Array<{ id: string; ok: boolean; fix: string }> }).checks;
    expect(check).toMatchObject({ id: 'config', ok: false });
  });

  it('refuses an unknown argument with usage', async () => {
    expect(await run(['--jsn'], { out: () => {} })).toBe(2);
  });
});
