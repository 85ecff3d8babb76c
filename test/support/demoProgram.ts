// An app beside its dev tenant with the demo program seeded, and the program's
// pairs as the program owner lists them: what tests of pairs, notes and the
// bot start from.
import { seedDemoProgramFor } from '../../server/cli/serve.js';
import { startTestApp, type TestApp } from './app.js';

export interface DemoPairSummary {
  pair: { id: string; members: Array<{ userId: string }> };
  lastSession: { id: string } | null;
}

export async function startAppWithDemoProgram(): Promise<{ app: TestApp; owner: string; pairs: DemoPairSummary[] }> {
  const app = await startTestApp();
  await seedDemoProgramFor(app.app, app.devTenant);
  const owner = app.users.find((u) => u.roles.includes('ProgramOwner'))!.userPrincipalName;
  const pairs = (await app.request('/api/program/pairs', { as: owner })).body as DemoPairSummary[];
  return { app, owner, pairs };
}
