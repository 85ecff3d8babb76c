// Reaching a person (or a meeting chat) the bot has no conversation with yet:
// install the app there through Graph, after which Teams tells the bot where
// it can post (a conversationUpdate, saved by server/bot/install.ts). Without
// the permission the message stays queued and the product says which
// permission, once: in the log and in the owner's operations status.
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { installAppForUser, installAppInChat } from '../../graph/teamsApps.js';
import { grantAdvice, permissionFor } from '../../permissions.js';
import type { ProgramPorts } from '../ports.js';
import type { SendOutcome } from './scheduler.js';

type InstallPorts = Pick<ProgramPorts, 'store' | 'graph' | 'now' | 'teamsAppId'>;

const minute = 60_000;
const problemPrefix = 'problem:';

export interface OperationsProblem {
  id: string;
  /** The Graph permission to grant, when that is the problem. */
  permission: string | null;
  message: string;
  since: string;
}

/** The conversation-reference key the bot saves a recipient's conversation under (server/bot/install.ts). */
export const referenceKeyOf = (recipient: string): string =>
  recipient.startsWith('chat:') ? recipient.slice('chat:'.length) : `user:${recipient}`;

/** Records a problem for the owner's view; logs it the first time only. */
export async function reportProblem(
  ports: Pick<ProgramPorts, 'store' | 'now'>,
  problem: Omit<OperationsProblem, 'since'>,
  log?: Pick<Logger, 'warn'>,
): Promise<void> {
  const since = new Date(ports.now()).toISOString();
  const { created } = await ports.store.createOnce('SchedulerState', `${problemPrefix}${problem.id}`, {
    Value: JSON.stringify({ ...problem, since }),
  });
  if (created) log?.warn({ operations: { problem } }, problem.message);
}

export async function clearProblem(ports: Pick<ProgramPorts, 'store'>, id: string): Promise<void> {
  const item = await ports.store.findByKey('SchedulerState', `${problemPrefix}${id}`);
  if (item) await ports.store.remove('SchedulerState', item.id);
}

export async function operationsProblems(ports: Pick<ProgramPorts, 'store'>): Promise<OperationsProblem[]> {
  const out: OperationsProblem[] = [];
  for (const item of await ports.store.all('SchedulerState')) {
    if (!String(item.fields['Key']).startsWith(problemPrefix)) continue;
    try {
      out.push(JSON.parse(String(item.fields['Value'])) as OperationsProblem);
    } catch {
      // A record that no longer parses is left out of the view rather than failing it.
    }
  }
  return out;
}

/**
 * Installs the app where the recipient is, so the next attempt finds a
 * conversation. The message waits (`later`) either way: Teams sends the
 * conversationUpdate asynchronously.
 */
export async function installForRecipient(
  ports: InstallPorts,
  recipient: string,
  log?: Pick<Logger, 'warn'>,
): Promise<SendOutcome> {
  const now = ports.now();
  const chat = recipient.startsWith('chat:');
  const target = referenceKeyOf(recipient);
  const path = chat ? `/chats/${target}/installedApps` : `/users/${recipient}/teamwork/installedApps`;
  try {
    const result = chat
      ? await installAppInChat(ports.graph.client, target, ports.teamsAppId)
      : await installAppForUser(ports.graph.client, recipient, ports.teamsAppId);
    await clearProblem(ports, `install:${chat ? 'chat' : 'user'}`);
    return result === 'installed'
      ? {
          kind: 'later',
          retryAt: now + minute,
          problem: 'the app was just installed; waiting for Teams to tell the bot',
        }
      : {
          kind: 'later',
          retryAt: now + 10 * minute,
          problem: 'the app is installed but Teams has not told the bot where to reach the recipient yet',
        };
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 403) {
      const permission = permissionFor('POST', path);
      const message = permission
        ? `Reciprocal cannot install its Teams app ${chat ? 'in meeting chats' : 'for people'}, so proactive messages wait: ${grantAdvice(permission)}`
        : `Installing the Teams app was refused: ${err.message}`;
      await reportProblem(
        ports,
        { id: `install:${chat ? 'chat' : 'user'}`, permission: permission?.name ?? null, message },
        log,
      );
      return { kind: 'later', retryAt: now + 60 * minute, problem: message };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'later', retryAt: now + 5 * minute, problem: `installing the Teams app failed: ${message}` };
  }
}
