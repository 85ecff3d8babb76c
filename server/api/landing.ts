// The dev landing page (embedded dev tenant only): pick a demo user, get a
// token from the dev tenant's token endpoint (password grant), open a surface.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { errorCodes } from '../../src/core/api.js';

const DemoDirectory = z.object({
  tenantId: z.string(),
  users: z.array(
    z.object({
      id: z.string(),
      userPrincipalName: z.string(),
      displayName: z.string(),
      department: z.string(),
      roles: z.array(z.string()),
      careerStage: z.string().optional(),
      jobTitle: z.string().optional(),
    }),
  ),
});
const SignIn = z.object({ userPrincipalName: z.string().min(3).max(256) });
const TokenResponse = z.object({ access_token: z.string(), expires_in: z.number() });

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Only same-origin paths: `/tab`, `/outlook?x=y`; never `//host` or `https://`. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : '/tab';
}

export interface DevSignInOptions {
  devTenantUrl: string;
  tenantId: string;
  clientId: string;
  apiScope: string;
}

const careerStageLabels: Record<string, string> = { early: 'Early career', mid: 'Mid career', seasoned: 'Seasoned' };
const roleLabels: Record<string, string> = { DepartmentLead: 'Department lead', ProgramOwner: 'Program owner' };

type DemoUser = z.infer<typeof DemoDirectory>['users'][number];

function userItem(u: DemoUser): string {
  const metaId = `u-${escapeHtml(u.id)}`;
  const facts = [u.jobTitle, u.careerStage ? (careerStageLabels[u.careerStage] ?? u.careerStage) : undefined].filter(
    (x): x is string => Boolean(x),
  );
  const roles = u.roles.filter((r) => r !== 'Participant');
  return `<li><button type="button" data-upn="${escapeHtml(u.userPrincipalName)}" aria-describedby="${metaId}">${escapeHtml(u.displayName)}</button>
        <span id="${metaId}" class="meta">${escapeHtml(facts.join(' · '))}${roles.length ? ` · <strong>${escapeHtml(roles.map((r) => roleLabels[r] ?? r).join(', '))}</strong>` : ''}</span></li>`;
}

function landingPage(directory: z.infer<typeof DemoDirectory>, returnTo: string | null): string {
  const byDepartment = new Map<string, DemoUser[]>();
  for (const u of directory.users) byDepartment.set(u.department, [...(byDepartment.get(u.department) ?? []), u]);
  const sections = [...byDepartment.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([department, users], i) => `
    <section aria-labelledby="dept-${i}">
      <h2 id="dept-${i}">${escapeHtml(department)} <span class="count">(${users.length})</span></h2>
      <ul>${users
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map(userItem)
        .join('')}</ul>
    </section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reciprocal · dev sign-in</title>
<link rel="icon" href="/favicon.ico">
<style>
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #242424; }
  header { background: #4f52b2; color: white; padding: 20px 32px; }
  header p { margin: 4px 0 0; }
  header a { color: white; font-weight: 600; margin-right: 16px; }
  #status { margin: 12px 32px 0; min-height: 1.5em; }
  #status[data-state="error"] { color: #b10e1c; }
  main { padding: 16px 32px 48px; display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; }
  section { background: white; border-radius: 8px; padding: 8px 16px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
  h2 { font-size: 18px; } .count { font-weight: normal; color: #616161; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { padding: 4px 0; display: flex; flex-direction: column; }
  button { font: inherit; text-align: left; background: none; border: none; color: #4f52b2; padding: 2px 0; cursor: pointer; font-weight: 600; }
  button:focus-visible, a:focus-visible { outline: 2px solid #242424; outline-offset: 2px; }
  .meta { font-size: 12px; color: #616161; }
</style></head>
<body>
<header>
  <h1>Reciprocal: dev tenant sign-in</h1>
  <p>Sign in as any person of the demo case-management organization (tenant ${escapeHtml(directory.tenantId)}), then open a surface.</p>
  <nav aria-label="Surfaces"><a href="/tab">Teams tab</a><a href="/outlook">Outlook task pane</a></nav>
</header>
<p id="status" role="status" aria-live="polite"></p>
<main>${sections}</main>
<script>
  const returnTo = ${JSON.stringify(returnTo)};
  const status = document.getElementById('status');
  for (const button of document.querySelectorAll('button[data-upn]')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.dataset.state = '';
      status.textContent = 'Signing in as ' + button.textContent + '…';
      try {
        const response = await fetch('/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName: button.dataset.upn }) });
        const body = await response.json();
        if (!response.ok) throw new Error(body.error ? body.error.message : 'HTTP ' + response.status);
        sessionStorage.setItem('reciprocal.devToken', body.accessToken);
        // A name is a way in: with no page to return to, open the Teams tab.
        return location.assign(returnTo || '/tab');
      } catch (err) {
        status.dataset.state = 'error';
        status.textContent = 'Sign-in failed: ' + err.message;
      } finally {
        button.disabled = false;
      }
    });
  }
</script>
</body></html>`;
}

export function devLandingRouter(signIn: DevSignInOptions): express.Router {
  const r = express.Router();
  r.get('/', async (req: Request, res: Response) => {
    let directory: z.infer<typeof DemoDirectory>;
    try {
      directory = DemoDirectory.parse(await (await fetch(`${signIn.devTenantUrl}/`)).json());
    } catch {
      return void res
        .status(503)
        .type('html')
        .send(
          simplePage(
            'Reciprocal',
            `The dev tenant at ${escapeHtml(signIn.devTenantUrl)} is not answering. Start everything with <code>npm start</code>.`,
          ),
        );
    }
    const returnTo = req.query['returnTo'] === undefined ? null : safeReturnPath(req.query['returnTo']);
    res.setHeader('Cache-Control', 'no-store').type('html').send(landingPage(directory, returnTo));
  });

  r.post('/dev/sign-in', express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const parsed = SignIn.safeParse(req.body);
    if (!parsed.success)
      return void res.status(400).json({
        error: {
          code: errorCodes.invalidRequest,
          message: "body.userPrincipalName: a demo user's sign-in name is required",
          field: 'body.userPrincipalName',
        },
      });
    let response: globalThis.Response;
    try {
      response = await fetch(`${signIn.devTenantUrl}/${signIn.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: signIn.clientId,
          scope: signIn.apiScope,
          username: parsed.data.userPrincipalName,
          password: 'dev',
        }),
      });
    } catch {
      return void res
        .status(503)
        .json({ error: { code: errorCodes.upstreamUnavailable, message: 'the dev tenant is not answering' } });
    }
    const token = TokenResponse.safeParse(await response.json().catch(() => null));
    if (!response.ok || !token.success)
      return void res.status(401).json({
        error: {
          code: errorCodes.unauthenticated,
          message: `no demo user ${parsed.data.userPrincipalName}`,
          field: 'body.userPrincipalName',
        },
      });
    res
      .setHeader('Cache-Control', 'no-store')
      .json({ accessToken: token.data.access_token, expiresIn: token.data.expires_in });
  });
  // The JSON parser's own failures (malformed or oversized body) as JSON errors.
  r.use('/dev/sign-in', (err: { type?: string }, _req: Request, res: Response, next: express.NextFunction) => {
    if (err.type === 'entity.parse.failed' || err.type === 'entity.too.large')
      return void res.status(err.type === 'entity.too.large' ? 413 : 400).json({
        error: {
          code: errorCodes.invalidRequest,
          message: 'the request body is not a small JSON object',
          field: 'body',
        },
      });
    next(err);
  });
  return r;
}

function simplePage(title: string, htmlMessage: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:'Segoe UI',system-ui,sans-serif;padding:32px;max-width:40em"><h1>${escapeHtml(title)}</h1><p>${htmlMessage}</p></body></html>`;
}

/** What /tab or /outlook shows when the browser bundles were not built. */
export function missingBundlePage(surface: string): string {
  return simplePage(
    'Reciprocal',
    `The ${escapeHtml(surface)} page is not built yet. Run <code>npm run build:web</code> (<code>npm start</code> does it for you), then reload.`,
  );
}

export function tenantLandingRouter(): express.Router {
  const r = express.Router();
  r.get('/', (_req, res) => {
    res
      .type('html')
      .send(
        simplePage(
          'Reciprocal',
          'Reciprocal runs inside Microsoft Teams and Outlook. Ask your Microsoft 365 admin to add the Reciprocal app, then open it from Teams or from a meeting in Outlook.',
        ),
      );
  });
  return r;
}
