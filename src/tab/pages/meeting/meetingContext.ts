// The meeting the tab is opened in, from teams-js `app.getContext()`: `chat.id`
// (the meeting chat's thread id), `meeting.id` and `page.frameContext`
// (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/access-teams-context).
import type { TabRuntime } from '../../host/startTab.js';

/** Where Teams shows the tab in a meeting: side panel during it, content (details tab / chat tab) around it. */
export type MeetingFrame = 'sidePanel' | 'content' | 'meetingStage';

export interface MeetingContext {
  meetingId: string;
  chatId: string | null;
  frame: MeetingFrame;
}

export function meetingFrameOf(frameContext: string | undefined | null): MeetingFrame {
  if (frameContext === 'sidePanel' || frameContext === 'meetingStage') return frameContext;
  return 'content';
}

/** Null outside a meeting (personal tab, channel, group chat, plain browser). */
export function meetingContextOf(runtime: Pick<TabRuntime, 'host' | 'context'>): MeetingContext | null {
  if (!runtime.context.meetingId) return null;
  const frameContext = runtime.host.kind === 'microsoft365' ? runtime.host.context.page.frameContext : null;
  return { meetingId: runtime.context.meetingId, chatId: runtime.context.chatId, frame: meetingFrameOf(frameContext) };
}
