// The Reciprocal bot and message extension (Microsoft 365 Agents SDK): search
// pairs and sessions, schedule a session from a dialog, and turn a chat
// message into an agenda item or a learning note, with the PHI guard in front.
// Invokes answer inside a deadline well under Teams' 5 seconds.
import { AgentApplication, MemoryStorage, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { z } from 'zod';
import { actionItemId, escapeHtml, neutralizeTemplates } from '../../src/core/notes/model.js';
import { scanForPhi } from '../../src/core/notes/phi.js';
import { focusAreaLabels, type Pair, type Session } from '../../src/core/schemas.js';
import type { ProgramStore } from '../graph/programStore.js';
import { commandIds, tabDeepLink } from './commands.js';

export interface BotDeps {
  store: ProgramStore;
  log: Logger;
  teamsAppId: string;
  publicUrl: string;
  now: () => number;
  /** Invokes must answer well inside Teams' 5 s. */
  invokeDeadlineMs?: number;
  /** How long a person's search data is reused between keystrokes (default 5 s). */
  searchCacheMs?: number;
}

const QueryInvoke = z.object({
  commandId: z.string(),
  parameters: z.array(z.object({ name: z.string(), value: z.unknown() })).default([]),
  queryOptions: z.object({ skip: z.number().optional(), count: z.number().optional() }).optional(),
});
const ActionInvoke = z.object({
  commandId: z.string(),
  commandContext: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  messagePayload: z
    .object({ body: z.object({ content: z.string().default(''), contentType: z.string().optional() }).optional() })
    .optional(),
  botMessagePreviewAction: z.string().optional(),
});

/** Text for Adaptive Card TextBlocks: Markdown syntax and template expressions neutralised. */
export function cardText(text: string): string {
  return neutralizeTemplates(text).replace(/([\\`*_[\]()#>!|~])/g, '\\$1');
}

/** The visible text of a Teams message body (HTML). */
export function messageText(content: string): string {
  return content
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function card(body: unknown[], actions: unknown[] = []): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  };
}

class Deadline extends Error {}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Deadline()), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createReciprocalAgent(d: BotDeps): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ storage: new MemoryStorage(), startTypingTimer: false });
  const deadline = d.invokeDeadlineMs ?? 3000;

  const respond = (context: TurnContext, body: unknown, status = 200) =>
    context.sendActivity({ type: 'invokeResponse', value: { status, body } } as never);
  const callerId = (context: TurnContext) =>
    z.string().uuid().safeParse(context.activity.from?.aadObjectId).data ?? null;

  const sessionLink = (s: Session) => tabDeepLink(d.teamsAppId, `sessions/${s.id}`);
  const pairCard = (pair: Pair, viewer: string, next: Session | null) => {
    const partner = pair.members.find((m) => m.userId !== viewer) ?? pair.members[1];
    const when = next ? new Date(next.start).toUTCString().replace(':00 GMT', ' UTC') : 'no session scheduled';
    return {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: card(
        [
          { type: 'TextBlock', text: cardText(`Pair with ${partner.displayName}`), weight: 'Bolder', wrap: true },
          {
            type: 'TextBlock',
            text: cardText(`${partner.department} · ${partner.careerStage} · ${pair.cadence}`),
            isSubtle: true,
            wrap: true,
          },
          { type: 'TextBlock', text: cardText(`Next: ${when}`), wrap: true },
        ],
        [
          { type: 'Action.OpenUrl', title: 'Open pair', url: tabDeepLink(d.teamsAppId, `pairs/${pair.id}`) },
          ...(next ? [{ type: 'Action.OpenUrl', title: 'Open session', url: sessionLink(next) }] : []),
        ],
      ),
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: escapeHtml(partner.displayName), text: escapeHtml(`${partner.department} · next: ${when}`) },
      },
    };
  };

  /**
   * A person's active pairs and next sessions. Teams sends a query on every
   * keystroke, so answers are shared for a few seconds (and by concurrent
   * queries) instead of re-reading the lists each time.
   */
  const searchTtlMs = d.searchCacheMs ?? 5_000;
  const searchCache = new Map<string, { at: number; value: Promise<Array<{ pair: Pair; next: Session | null }>> }>();
  function pairsWithNext(viewer: string): Promise<Array<{ pair: Pair; next: Session | null }>> {
    const hit = searchCache.get(viewer);
    if (hit && d.now() - hit.at < searchTtlMs) return hit.value;
    const value = (async () => {
      const now = new Date(d.now()).toISOString();
      const pairs = (await d.store.pairsOf(viewer)).filter((p) => p.status === 'active');
      return Promise.all(
        pairs.map(async (pair) => ({
          pair,
          next: (await d.store.sessionsOfPair(pair.id)).find((s) => s.status === 'scheduled' && s.start >= now) ?? null,
        })),
      );
    })();
    value.catch(() => searchCache.delete(viewer));
    searchCache.set(viewer, { at: d.now(), value });
    if (searchCache.size > 5_000) searchCache.delete(searchCache.keys().next().value!);
    return value;
  }

  async function searchPairs(viewer: string, text: string) {
    const wanted = text.trim().toLowerCase();
    const matches = (await pairsWithNext(viewer)).filter(
      ({ pair }) =>
        !wanted ||
        pair.members.some(
          (m) =>
            m.userId !== viewer &&
            (m.displayName.toLowerCase().includes(wanted) || m.department.toLowerCase().includes(wanted)),
        ),
    );
    return matches.map(({ pair, next }) => pairCard(pair, viewer, next));
  }

  async function nextSessionOf(viewer: string): Promise<{ pair: Pair; session: Session } | null> {
    const now = new Date(d.now()).toISOString();
    const found: Array<{ pair: Pair; session: Session }> = [];
    for (const pair of (await d.store.pairsOf(viewer)).filter((p) => p.status === 'active')) {
      const sessions = await d.store.sessionsOfPair(pair.id);
      const upcoming =
        sessions.find((s) => s.status === 'scheduled' && s.start >= now) ??
        sessions.filter((s) => s.status !== 'cancelled').at(-1);
      if (upcoming) found.push({ pair, session: upcoming });
    }
    return (
      found.sort(
        (a, b) => Math.abs(Date.parse(a.session.start) - d.now()) - Math.abs(Date.parse(b.session.start) - d.now()),
      )[0] ?? null
    );
  }

  function phiDialog(commandId: string, text: string, findings: ReturnType<typeof scanForPhi>) {
    return {
      task: {
        type: 'continue',
        value: {
          title: commandId === commandIds.saveAsLearningNote ? 'Save as learning note' : 'Add to next agenda',
          height: 500,
          width: 'medium',
          card: card(
            [
              {
                type: 'TextBlock',
                text: 'This text looks like it holds patient identifiers. Notes are about professional learning: edit them out, or confirm each is not about a patient.',
                wrap: true,
                weight: 'Bolder',
              },
              ...findings.map((f) => ({
                type: 'TextBlock',
                text: cardText(`${f.kind}: "${f.text}"`),
                wrap: true,
                color: 'Attention',
              })),
              {
                type: 'Input.Text',
                id: 'text',
                isMultiline: true,
                value: neutralizeTemplates(text),
                label: 'Text to save',
              },
              {
                type: 'Input.Toggle',
                id: 'confirmed',
                title: 'I confirm none of the flagged text identifies a patient',
                value: 'false',
              },
            ],
            [{ type: 'Action.Submit', title: 'Save', data: { commandId } }],
          ),
        },
      },
    };
  }

  function scheduleDialog(pairs: Pair[], viewer: string) {
    return {
      task: {
        type: 'continue',
        value: {
          title: 'Schedule a session',
          height: 500,
          width: 'medium',
          card: card(
            [
              {
                type: 'Input.ChoiceSet',
                id: 'pairId',
                label: 'Pair',
                isRequired: true,
                choices: pairs.map((p) => ({
                  title: cardText(p.members.find((m) => m.userId !== viewer)?.displayName ?? p.id),
                  value: p.id,
                })),
              },
              {
                type: 'Input.ChoiceSet',
                id: 'durationMinutes',
                label: 'Duration',
                value: '45',
                choices: ['30', '45', '60'].map((v) => ({ title: `${v} minutes`, value: v })),
              },
              {
                type: 'Input.ChoiceSet',
                id: 'direction',
                label: 'Direction',
                value: 'both',
                choices: [
                  { title: 'Reverse (newer guides experienced)', value: 'reverse' },
                  { title: 'Traditional (experienced guides newer)', value: 'traditional' },
                  { title: 'Both ways', value: 'both' },
                ],
              },
              {
                type: 'Input.ChoiceSet',
                id: 'focusAreas',
                label: 'Focus areas',
                isMultiSelect: true,
                choices: Object.entries(focusAreaLabels).map(([value, title]) => ({ title, value })),
              },
            ],
            [{ type: 'Action.Submit', title: 'Find times in the tab', data: { commandId: commandIds.schedule } }],
          ),
        },
      },
    };
  }

  agent.onConversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (!added.some((m) => m.id === context.activity.recipient?.id)) return;
    const reference = context.activity.getConversationReference();
    await d.store.saveConversationReference(reference.conversation.id, reference);
    d.log.info(
      { bot: { event: 'installed', conversationType: context.activity.conversation?.conversationType ?? 'personal' } },
      'bot installed',
    );
  });

  agent.onActivity('invoke', async (context) => {
    const name = context.activity.name ?? '';
    const viewer = callerId(context);
    if (!viewer)
      return void (await respond(
        context,
        { error: { code: 'unauthenticated', message: 'the activity names no Microsoft Entra user' } },
        400,
      ));
    try {
      await within(deadline, handleInvoke(context, name, viewer));
    } catch (err) {
      if (err instanceof Deadline) {
        d.log.warn({ bot: { invoke: name } }, 'invoke passed its deadline');
        return void (await respond(context, {
          composeExtension: { type: 'message', text: 'Reciprocal is still working on this; try again in a moment.' },
        }));
      }
      if (err instanceof z.ZodError)
        return void (await respond(
          context,
          {
            error: {
              code: 'invalid_request',
              message: `value.${err.issues[0]!.path.join('.')}: ${err.issues[0]!.message}`,
            },
          },
          400,
        ));
      throw err;
    }
  });

  async function handleInvoke(context: TurnContext, name: string, viewer: string): Promise<void> {
    switch (name) {
      case 'composeExtension/query': {
        const q = QueryInvoke.parse(context.activity.value);
        if (q.commandId !== commandIds.search)
          return void (await respond(
            context,
            { error: { code: 'not_found', message: `unknown command ${q.commandId}` } },
            404,
          ));
        const text = String(q.parameters.find((p) => p.name !== 'initialRun')?.value ?? '');
        const attachments = await searchPairs(viewer, text);
        return void (await respond(context, {
          composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
        }));
      }
      case 'composeExtension/fetchTask': {
        const a = ActionInvoke.parse(context.activity.value);
        if (a.commandId === commandIds.schedule)
          return void (await respond(
            context,
            scheduleDialog(
              (await d.store.pairsOf(viewer)).filter((p) => p.status === 'active'),
              viewer,
            ),
          ));
        if (a.commandId === commandIds.addToAgenda || a.commandId === commandIds.saveAsLearningNote) {
          const text = messageText(a.messagePayload?.body?.content ?? '');
          const findings = scanForPhi(text);
          if (findings.length > 0) return void (await respond(context, phiDialog(a.commandId, text, findings)));
          return void (await respond(context, await saveFromMessage(a.commandId, viewer, text)));
        }
        return void (await respond(
          context,
          { error: { code: 'not_found', message: `unknown command ${a.commandId}` } },
          404,
        ));
      }
      case 'composeExtension/submitAction': {
        const a = ActionInvoke.parse(context.activity.value);
        if (a.commandId === commandIds.addToAgenda || a.commandId === commandIds.saveAsLearningNote) {
          const text = String(a.data?.['text'] ?? messageText(a.messagePayload?.body?.content ?? ''));
          const findings = scanForPhi(text);
          if (findings.length > 0 && a.data?.['confirmed'] !== 'true')
            return void (await respond(context, phiDialog(a.commandId, text, findings)));
          return void (await respond(context, await saveFromMessage(a.commandId, viewer, text, findings)));
        }
        if (a.commandId === commandIds.schedule) {
          const pairId = z.string().min(1).parse(a.data?.['pairId']);
          const pair = (await d.store.pairsOf(viewer)).find((p) => p.id === pairId);
          if (!pair)
            return void (await respond(context, {
              composeExtension: { type: 'message', text: 'That pair is not one of yours.' },
            }));
          // Picking a time needs both calendars and a person's eye: the tab's schedule page does it.
          const url = tabDeepLink(d.teamsAppId, `pairs/${pair.id}`);
          return void (await respond(context, {
            composeExtension: {
              type: 'result',
              attachmentLayout: 'list',
              attachments: [
                {
                  ...pairCard(pair, viewer, null),
                  content: card(
                    [
                      {
                        type: 'TextBlock',
                        text: cardText(
                          `Schedule a session with ${pair.members.find((m) => m.userId !== viewer)?.displayName ?? ''}`,
                        ),
                        weight: 'Bolder',
                        wrap: true,
                      },
                    ],
                    [{ type: 'Action.OpenUrl', title: 'Pick a time', url }],
                  ),
                },
              ],
            },
          }));
        }
        return void (await respond(
          context,
          { error: { code: 'not_found', message: `unknown command ${a.commandId}` } },
          404,
        ));
      }
      case 'adaptiveCard/action': {
        const action = z
          .object({
            action: z.object({
              type: z.literal('Action.Execute'),
              verb: z.string(),
              data: z.record(z.string(), z.unknown()).default({}),
            }),
          })
          .parse(context.activity.value).action;
        if (action.verb !== 'addActionItem')
          return void (await respond(context, universalMessage(`Unknown action ${action.verb}.`)));
        return void (await respond(
          context,
          universalMessage(
            await addActionItem(
              viewer,
              String(action.data['sessionId'] ?? ''),
              String(action.data['actionItemText'] ?? ''),
            ),
          ),
        ));
      }
      default:
        return void (await respond(
          context,
          { error: { code: 'not_supported', message: `invoke ${name} is not supported` } },
          501,
        ));
    }
  }

  /** The Universal Actions answer: a message shown on the card. */
  function universalMessage(text: string) {
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
  }

  /** "Add action item" on an agenda card: the caller's own note for that session gets the item, PHI guard first. */
  async function addActionItem(viewer: string, sessionId: string, text: string): Promise<string> {
    const item = text.trim().slice(0, 280);
    if (!item) return 'Type the action item in the box first.';
    const findings = scanForPhi(item);
    if (findings.length > 0)
      return `Not added: it looks like it holds a patient identifier (${findings.map((f) => f.kind).join(', ')}). Action items are about your learning; rephrase it without patient details.`;
    const session = await d.store.session(sessionId);
    const pair = session ? (await d.store.pairsOf(viewer)).find((p) => p.id === session.pairId) : undefined;
    if (!session || !pair) return 'That session is not one of yours.';
    const existing = await d.store.note(session.id, viewer);
    const stamp = new Date(d.now()).toISOString();
    const base = existing?.note ?? {
      sessionId: session.id,
      pairId: pair.id,
      authorId: viewer,
      taught: '',
      learned: '',
      actionItems: [],
      focusAreas: [],
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
      phiConfirmations: [],
    };
    if (base.actionItems.length >= 20) return 'This session already has 20 action items of yours.';
    searchCache.delete(viewer);
    await d.store.saveNote(
      {
        ...base,
        actionItems: [...base.actionItems, { id: actionItemId(session.id, viewer, item), text: item, done: false }],
        updatedAt: stamp,
      },
      existing?.etag ?? null,
    );
    return `Added to your action items for the session on ${new Date(session.start).toUTCString()}.`;
  }

  async function saveFromMessage(
    commandId: string,
    viewer: string,
    text: string,
    confirmed: ReturnType<typeof scanForPhi> = [],
  ) {
    const target = await nextSessionOf(viewer);
    if (!target)
      return {
        composeExtension: {
          type: 'message',
          text: 'You have no session to add this to yet. Schedule one from the Reciprocal tab.',
        },
      };
    const { session, pair } = target;
    const existing = await d.store.note(session.id, viewer);
    const stamp = new Date(d.now()).toISOString();
    const base = existing?.note ?? {
      sessionId: session.id,
      pairId: pair.id,
      authorId: viewer,
      taught: '',
      learned: '',
      actionItems: [],
      focusAreas: [],
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
      phiConfirmations: [],
    };
    const clipped = text.slice(0, 280);
    const note =
      commandId === commandIds.addToAgenda
        ? {
            ...base,
            actionItems: [
              ...base.actionItems,
              { id: `ai-${Date.now().toString(36)}`, text: clipped, done: false },
            ].slice(-20),
          }
        : { ...base, learned: `${base.learned}${base.learned ? '\n' : ''}${text}`.slice(0, 4000) };
    searchCache.delete(viewer);
    await d.store.saveNote(
      {
        ...note,
        updatedAt: stamp,
        phiConfirmations: [...base.phiConfirmations, ...confirmed.map((f) => ({ kind: f.kind, text: f.text }))],
      },
      existing?.etag ?? null,
    );
    const what =
      commandId === commandIds.addToAgenda
        ? 'Added to the agenda of your next session'
        : 'Saved to your learning note for the session';
    return { composeExtension: { type: 'message', text: `${what} on ${new Date(session.start).toUTCString()}.` } };
  }

  return agent;
}
