// REST routes for this feature: thin, over the use cases in server/program/.
// A person's notification settings (which kinds of proactive message they
// muted) and the program owner's view of proactive messaging.
import {
  mutableKinds,
  UpdateNotificationSettings,
  type NotificationSettings,
} from '../../src/core/operations/notifications.js';
import { mutedKinds, setMutedKinds } from '../program/operations/mutes.js';
import { operationsStatus } from '../program/operations/status.js';
import type { ProgramPorts } from '../program/ports.js';
import { parseInput, type RouteDeclaration } from './route.js';

const settings = (muted: NotificationSettings['muted']): NotificationSettings => ({ kinds: [...mutableKinds], muted });

export function operationsRoutes(ports: ProgramPorts): RouteDeclaration[] {
  return [
    {
      method: 'get',
      path: '/api/me/notifications',
      access: 'signed-in',
      summary: 'The kinds of message the bot sends the caller, and which of them the caller muted',
      async handle({ caller }) {
        return { body: settings(await mutedKinds(ports, caller.userId)) };
      },
    },
    {
      method: 'put',
      path: '/api/me/notifications',
      access: 'signed-in',
      summary: 'Sets which kinds of message the bot may not send the caller',
      async handle({ caller, body }) {
        const { muted } = parseInput(UpdateNotificationSettings, body);
        return { body: settings(await setMutedKinds(ports, caller.userId, muted)) };
      },
    },
    {
      method: 'get',
      path: '/api/operations/status',
      access: 'ProgramOwner',
      summary: "Proactive messaging: the scheduler's last tick, what waits, and problems such as a missing permission",
      async handle() {
        return { body: await operationsStatus(ports) };
      },
    },
  ];
}
