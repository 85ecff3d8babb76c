// Which proactive messages a person has muted: GET/PUT /api/me/notifications.
import { z } from 'zod';

/** The kinds of message the bot sends a person that the person may mute. */
export const mutableKinds = [
  'intro',
  'invitation',
  'reminder',
  'session-loop',
  'nudge',
  'partner-left',
  'pair-ended',
  'digest-lead',
  'digest-owner',
  'assessment-prompt',
] as const;
export const MutableKind = z.enum(mutableKinds);
export type MutableKind = z.infer<typeof MutableKind>;

export const NotificationSettings = z.object({
  /** Every kind a person may mute, in the order the page lists them. */
  kinds: z.array(MutableKind),
  /** The kinds this person has muted. */
  muted: z.array(MutableKind),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const UpdateNotificationSettings = z.strictObject({
  muted: z.array(MutableKind).max(mutableKinds.length),
});
export type UpdateNotificationSettings = z.infer<typeof UpdateNotificationSettings>;
