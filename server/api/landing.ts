// The dev landing page (embedded dev tenant only): pick a demo user, get a
// token from the dev tenant's token endpoint (password grant), open a surface.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';

const DemoDirectory = z.object({
  tenantId: z.string(),
  users: z.array(z.object({ id: z.string(), userPrincipalName: z.string(), displayName: z.string(), department: z.string(), roles: z.array(z.string()), careerStage: z.string().optional(), jobTitle: z.string().optional() })),
});
const SignIn = z.object({ userPrincipalName: z.string().min(3).max(256) });
const TokenResponse = z.object({ access_token: z.string(), expires_in: z.number() });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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

export function devLandingRouter(o: DevSignInOptions): express.Router {
  const r = express.Router();
  r.get('/', async (req: Request, res: Response) => {
    let directory: z.infer<typeof DemoDirectory>;
    try {
      directory = DemoDirectory.parse(await (await fetch(`${o.devTenantUrl}/`)).json());
    } catch {
      return void res.status(503).type('text/plain').send('The dev tenant is not answering. Start everything with `npm start`.');
    }
    const returnTo = safeReturnPath(req.query['returnTo']);
    const byDepartment = new Map<string, typeof directory.users>();
    for (const u of directory.users) byDepartment.set(u.department, [...(byDepartment.get(u.department) ?? []), u]);
    const sections = [...byDepartment.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([department, users]) => `
      <section aria-labelledby="d-${escapeHtml(department.replace(/\W/g, ''))}">
        <h2 id="d-${escapeHtml(department.replace(/\W/g, ''))}">${escapeHtml(department)}</h2>
        <ul>${users
          .map((u) => {
            const id = `u-${escapeHtml(u.id)}`;
            const roles = u.roles.filter((x) => x !== 'Participant');
            return `<li><button type="button" data-upn="${escapeHtml(u.userPrincipalName)}" aria-describedby="${id}">${escapeHtml(u.displayName)}</button>
              <span id="${id}" class="meta">${escapeHtml(u.jobTitle ?? '')} · ${escapeHtml(u.careerStage ?? '')}${roles.length ? ` · <strong>${escapeHtml(roles.join(', '))}</strong>` : ''}</span></li>`;
          })
          .join('')}</ul>
      </section>`)
      .join('');
    res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reciprocal · dev sign-in</title>
<style>
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f5f5f5; color: #242424; }
  header { background: #4f52b2; color: white; padding: 20px 32px; }
  header p { margin: 4px 0 0; opacity: .9; }
  main { padding: 16px 32px 48px; display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; }
  section { background: white; border-radius: 8px; padding: 8px 16px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
  ul { list-style: none; padding: 0; margin: 0; }
  li { padding: 4px 0; display: flex; flex-direction: column; }
  button { font: inherit; text-align: left; background: none; border: none; color: #4f52b2; padding: 2px 0; cursor: pointer; font-weight: 600; }
  button:focus-visible { outline: 2px solid #242424; outline-offset: 2px; }
  .meta { font-size: 12px; color: #616161; }
  nav a { color: white; margin-right: 16px; }
</style></head>
<body>
<header><h1>Reciprocal — dev tenant sign-in</h1>
<p>Sign in as any person of the demo case-management organization, then open a surface. Tenant ${escapeHtml(directory.tenantId)}.</p>
<nav aria-label="Surfaces"><a href="/tab">Teams tab</a><a href="/outlook">Outlook task pane</a></nav></header>
<main>${sections}</main>
<script>
  const returnTo = ${JSON.stringify(returnTo)};
  for (const button of document.querySelectorAll('button[data-upn]')) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      const response = await fetch('/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userPrincipalName: button.dataset.upn }) });
      if (!response.ok) { button.disabled = false; alert('Sign-in failed: ' + response.status); return; }
      const { accessToken } = await response.json();
      sessionStorage.setItem('reciprocal.devToken', accessToken);
      location.assign(returnTo);
    });
  }
</script>
</body></html>`);
  });

  r.post('/dev/sign-in', express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const parsed = SignIn.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: { code: 'invalid_request', message: 'body.userPrincipalName: required', field: 'body.userPrincipalName' } });
    const response = await fetch(`${o.devTenantUrl}/${o.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: o.clientId, scope: o.apiScope, username: parsed.data.userPrincipalName, password: 'dev' }),
    });
    if (!response.ok) return void res.status(401).json({ error: { code: 'unauthenticated', message: `no demo user ${parsed.data.userPrincipalName}` } });
    const token = TokenResponse.parse(await response.json());
    res.json({ accessToken: token.access_token, expiresIn: token.expires_in });
  });
  return r;
}

export function tenantLandingRouter(): express.Router {
  const r = express.Router();
  r.get('/', (_req, res) => {
    res.type('html').send('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reciprocal</title></head><body style="font-family:Segoe UI,system-ui,sans-serif;padding:32px"><h1>Reciprocal</h1><p>Reciprocal runs inside Microsoft Teams and Outlook. Ask your Microsoft 365 admin to add the Reciprocal app, then open it from Teams.</p></body></html>');
  });
  return r;
}
