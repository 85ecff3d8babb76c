// The simulated Teams host (teamsHost.ts) opening the tab in a Teams meeting,
// as Teams does: `app.getContext()` carries `meeting.id`, `chat.id` (the
// meeting chat's thread id) and `page.frameContext` (`sidePanel` during the
// meeting, `content` for the details tab and the meeting chat tab,
// `meetingStage` when shared to the stage). Field names follow the legacy
// context teams-js maps to `app.Context` (meetingId -> meeting.id, chatId ->
// chat.id, frameContext -> page.frameContext), see @microsoft/teams-js `app.getContext`.
import type { BrowserContext, Route } from 'playwright-core';
import type { DemoUser } from '../../support/devtenant.js';
import { installTeamsHost, type LegacyTeamsContext } from './teamsHost.js';

export type MeetingFrame = 'sidePanel' | 'content' | 'meetingStage';

export interface MeetingHostOptions {
  appUrl: string;
  user: Pick<DemoUser, 'id' | 'userPrincipalName'>;
  /** The meeting chat's thread id, e.g. 19:meeting_…@thread.v2. */
  chatId: string;
  frame: MeetingFrame;
  theme: 'default' | 'dark' | 'contrast';
  getAuthToken: () => Promise<string>;
  serveApp: (route: Route) => Promise<void>;
}

/**
 * Teams' meeting id is an opaque, encoded id (not the join URL); this one has the shape seen from
 * Teams clients, base64 of `0#{thread id}#0`, and the app must not read anything into it.
 */
export const meetingIdOf = (chatId: string): string => Buffer.from(`0#${chatId}#0`).toString('base64');

export function meetingContext(
  options: Omit<MeetingHostOptions, 'getAuthToken' | 'serveApp' | 'appUrl'>,
): LegacyTeamsContext {
  return {
    locale: 'en-US',
    theme: options.theme,
    hostName: 'Teams',
    hostClientType: 'web',
    frameContext: options.frame,
    entityId: 'reciprocal-meeting',
    userObjectId: options.user.id,
    userPrincipalName: options.user.userPrincipalName,
    loginHint: options.user.userPrincipalName,
    meetingId: meetingIdOf(options.chatId),
    chatId: options.chatId,
  };
}

export async function installMeetingHost(context: BrowserContext, options: MeetingHostOptions): Promise<void> {
  await installTeamsHost(context, {
    appUrl: options.appUrl,
    context: meetingContext(options),
    getAuthToken: options.getAuthToken,
    serveApp: options.serveApp,
  });
}
