// Request bodies the calendar accepts, parsed into typed input with Exchange's error wording.
import { z } from 'zod';
import { badRequest } from '../../graphErrors.js';
import { DateTimeTimeZone } from './dateTimes.js';

export const Attendee = z.object({
  emailAddress: z.object({ address: z.string().min(3), name: z.string().optional() }),
  type: z.enum(['required', 'optional', 'resource']).default('required'),
});
const ItemBody = z.object({
  contentType: z.enum(['html', 'text', 'HTML', 'Text']).default('html'),
  content: z.string().max(1_000_000),
});
const Location = z.object({ displayName: z.string().default('') }).passthrough();
const ExtendedProperty = z.object({ id: z.string().min(1), value: z.string() });

export const EventCreate = z.object({
  subject: z.string().max(255).default(''),
  body: ItemBody.optional(),
  start: DateTimeTimeZone,
  end: DateTimeTimeZone,
  location: Location.optional(),
  attendees: z.array(Attendee).max(500).default([]),
  isOnlineMeeting: z.boolean().default(false),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  categories: z.array(z.string().max(255)).max(50).default([]),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).default('busy'),
  isAllDay: z.boolean().default(false),
  transactionId: z.string().max(255).optional(),
  singleValueExtendedProperties: z.array(ExtendedProperty).max(20).optional(),
  allowNewTimeProposals: z.boolean().default(true),
  responseRequested: z.boolean().default(true),
  importance: z.enum(['low', 'normal', 'high']).default('normal'),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).default('normal'),
});
export type EventCreate = z.infer<typeof EventCreate>;

// Written out rather than EventCreate.partial(): zod applies defaults inside .partial(), and a PATCH must not reset what it does not name.
export const EventUpdate = z.object({
  subject: z.string().max(255).optional(),
  body: ItemBody.optional(),
  start: DateTimeTimeZone.optional(),
  end: DateTimeTimeZone.optional(),
  location: Location.optional(),
  attendees: z.array(Attendee).max(500).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.enum(['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown']).optional(),
  categories: z.array(z.string().max(255)).max(50).optional(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  isAllDay: z.boolean().optional(),
  singleValueExtendedProperties: z.array(ExtendedProperty).max(20).optional(),
  allowNewTimeProposals: z.boolean().optional(),
  responseRequested: z.boolean().optional(),
  importance: z.enum(['low', 'normal', 'high']).optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']).optional(),
  isCancelled: z.boolean().optional(),
});
export type EventUpdate = z.infer<typeof EventUpdate>;

export function parseCalendarPayload<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw badRequest(`Invalid property '${issue.path.join('.')}': ${issue.message}`, 'ErrorInvalidRequest');
}

export function endAfterStart(startMs: number, endMs: number): void {
  if (!(endMs > startMs)) throw badRequest('The end time must be after the start time.', 'ErrorInvalidRequest');
}
