// Every planner of what the bot says first, for the scheduler
// (./scheduler.ts) to run each tick. `createDuePlanners` takes the settings
// from the composition root; `duePlanners` uses the defaults (24 h reminders,
// 30-day nudges, UTC for people whose mailbox names no zone).
import { assessmentPromptPlanner } from './assessmentPrompts.js';
import { digestPlanner, type ChangeRequest } from './digests.js';
import { meetingChatPlanner } from './meetingChat.js';
import { nudgePlanner, pairEventPlanner } from './nudges.js';
import { defaultPlannerSettings, type PlannerSettings, type PlanPorts } from './planning.js';
import { reminderPlanner } from './reminders.js';
import { sessionLoopPlanner } from './sessionLoop.js';
import type { DuePlanner } from './types.js';

export type { DigestAudience, PlannerSettings } from './planning.js';

export function createDuePlanners(
  settings: Partial<PlannerSettings> & { changeRequests?: (ports: PlanPorts) => Promise<ChangeRequest[]> } = {},
): DuePlanner[] {
  const s = { ...defaultPlannerSettings, ...settings };
  return [
    sessionLoopPlanner(s),
    reminderPlanner(s),
    nudgePlanner(s),
    pairEventPlanner,
    digestPlanner(s),
    meetingChatPlanner(s.sessionsRefreshMs),
    assessmentPromptPlanner(s),
  ];
}

export const duePlanners: DuePlanner[] = createDuePlanners();
