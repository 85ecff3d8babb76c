// The bot's note writes go through the note use cases REST uses, and each is
// idempotent: Teams retries an invoke it got no timely answer to, and the
// retried activity must find its write already done, not make a second one.
// Set up as test/integration/bot.test.ts is (channel tokens from the dev tenant).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDefaults } from '../../server/config.js';
import type { TestApp } from '../support/app.js';
import { channelToken, postToBot } from '../support/channel.js';
import { startAppWithDemoProgram } from '../support/demoProgram.js';

const contracts = path.resolve(__dirname, '../../../shared/contracts/teams');
const published = (name: string) => JSON.parse(readFileSync(path.join(contracts, name), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let app: TestApp;
let member: { id: string; userPrincipalName: string };

beforeAll(async () => {
  const started = await startAppWithDemoProgram();
  app = started.app;
  member = app.users.find((u) => u.id === started.pairs[0]!.pair.members[0]!.userId)!;
}, 60_000);
afterAll(() => app?.close());

/** A published invoke, sent by our member from our tenant. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function ours(activity: Record<string, any>, extra: Record<string, any> = {}) {
  return {
    ...activity,
    type: 'invoke',
    channelId: 'msteams',
    serviceUrl: activity.serviceUrl ?? 'https://smba.trafficmanager.net/amer/',
    from: { ...(activity.from ?? { id: '29:test' }), aadObjectId: member.id },
    recipient: activity.recipient ?? { id: `28:${embeddedDefaults.botId}`, name: 'Reciprocal' },
    conversation: { ...(activity.conversation ?? { id: '19:conversation' }), tenantId: embeddedDefaults.tenantId },
    channelData: { ...(activity.channelData ?? {}), tenant: { id: embeddedDefaults.tenantId } },
    ...extra,
  };
}

/** As Teams sends it: with a channel token for the activity's own serviceUrl. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const post = async (activity: Record<string, any>) =>
  postToBot(app.url, activity, await channelToken(app.devTenantUrl, activity.serviceUrl));

async function myNote(sessionId: string) {
  return (await app.request(`/api/sessions/${encodeURIComponent(sessionId)}`, { as: member.userPrincipalName })).body
    .myNote?.note as { learned: string; actionItems: Array<{ id: string; text: string }> } | undefined;
}

/** The session "Add to agenda" and "Save as learning note" write to: the member's nearest one. */
async function nearestSessionId(): Promise<string> {
  const store = app.app.services.store;
  const sessions = (await Promise.all((await store.pairsOf(member.id)).map((p) => store.sessionsOfPair(p.id)))).flat();
  const now = Date.now();
  const upcoming = sessions.filter((s) => s.status === 'scheduled' && Date.parse(s.end) > now);
  const pool = upcoming.length ? upcoming : sessions;
  return pool.sort((a, b) => Math.abs(Date.parse(a.start) - now) - Math.abs(Date.parse(b.start) - now))[0]!.id;
}

describe('bot writes are idempotent', () => {
  it('adds an agenda card action item once when Teams retries the same activity', async () => {
    const pairs = (await app.request('/api/pairs', { as: member.userPrincipalName })).body as Array<{
      lastSession: { id: string } | null;
    }>;
    const sessionId = pairs.find((p) => p.lastSession)!.lastSession!.id;
    const text = 'Pair on the discharge-planning dashboard';
    const execute = ours(
      { type: 'invoke', name: 'adaptiveCard/action', id: 'activity-retry-1' },
      {
        value: {
          action: { type: 'Action.Execute', verb: 'addActionItem', data: { sessionId, actionItemText: text } },
        },
      },
    );
    const first = await post(execute);
    const retry = await post(execute);
    expect(first.body.value).toMatch(/Added to your action items/);
    expect(retry.body.value).toMatch(/Added to your action items/);
    expect((await myNote(sessionId))!.actionItems.filter((i) => i.text === text)).toHaveLength(1);
  });

  it("answers a card naming a session that is not the caller's, or a malformed id, as before", async () => {
    for (const sessionId of ['pair-nope~2026-01-05', "x' or '1"]) {
      const r = await post(
        ours(
          { type: 'invoke', name: 'adaptiveCard/action', id: 'activity-other' },
          {
            value: {
              action: { type: 'Action.Execute', verb: 'addActionItem', data: { sessionId, actionItemText: 'Hello' } },
            },
          },
        ),
      );
      expect(r.body.value).toBe('That session is not one of yours.');
    }
  });

  it('adds a message to the agenda once, and saves it as a learning note once, when the activity is retried', async () => {
    const sessionId = await nearestSessionId();
    const submit = (commandId: string, text: string) =>
      ours(published('teams.composeExtension.submitAction.invoke.json'), {
        id: `activity-${commandId}`,
        value: { commandId, commandContext: 'message', data: { text } },
      });
    const agenda = 'Walk through the prior-auth queue filters';
    for (let i = 0; i < 2; i++) {
      const r = await post(submit('addToAgenda', agenda));
      expect(r.body.composeExtension.text).toMatch(/Added to the agenda/);
    }
    const learned = 'Keyboard shortcuts for the census view save minutes a day.';
    for (let i = 0; i < 2; i++) {
      const r = await post(submit('saveAsLearningNote', learned));
      expect(r.body.composeExtension.text).toMatch(/Saved to your learning note/);
    }
    const note = (await myNote(sessionId))!;
    expect(note.actionItems.filter((i) => i.text === agenda)).toHaveLength(1);
    expect(note.learned.split('\n').filter((line) => line === learned)).toHaveLength(1);
  });
});
