// Agenda templates are data: a program owner edits them (they live in the
// tenant's AgendaTemplates list); these are the defaults.
import { z } from 'zod';
import { focusAreas, type FocusArea } from '../schemas.js';

export const AgendaTemplates = z.object({
  version: z.number().int().min(1),
  checkIn: z.object({ title: z.string().min(1).max(120), prompts: z.array(z.string().min(1).max(400)).min(1).max(10) }),
  focusPrompts: z.record(z.enum(focusAreas), z.array(z.string().min(1).max(400)).min(1).max(10)),
  ethics: z.object({
    title: z.string().min(1).max(120),
    reminders: z.array(z.string().min(1).max(400)).min(1).max(10),
  }),
  actionItems: z.object({ title: z.string().min(1).max(120) }),
  close: z.object({ title: z.string().min(1).max(120), prompts: z.array(z.string().min(1).max(400)).min(1).max(10) }),
});
export type AgendaTemplates = z.infer<typeof AgendaTemplates>;

const prompts: Record<FocusArea, string[]> = {
  'technology-adoption': [
    'Walk through one tool you use daily (care-coordination platform, Teams, the portal) and one shortcut that saves time.',
    'Pick one task the other finds slow and try it together now.',
  ],
  'cultural-competence': [
    'Share a recent moment where culture or language shaped a care conversation. What helped?',
    'Which resources (interpreters, community partners) do you each rely on?',
  ],
  'generational-perspectives': [
    'What does each of you assume about how the other generation works? Check one assumption together.',
    'How do you each prefer to get feedback and updates?',
  ],
  'work-life-balance': [
    'How do you protect focus time and recover after a hard day?',
    'One boundary each of you will try this week.',
  ],
  'clinical-expertise': [
    'Talk through a de-identified case pattern: what signals did experience teach you to notice?',
    'Which clinical judgement call would you explain differently today?',
  ],
  'ethical-reasoning': [
    'Discuss a dilemma (autonomy vs. safety, resource limits) in general terms: how did you reason it through?',
    'Which principle (autonomy, justice, beneficence, nonmaleficence) was hardest to hold?',
  ],
  leadership: [
    'How do you influence a decision you do not own?',
    'One moment this month where you could lead from where you are.',
  ],
  'system-navigation': [
    'Map a hard transition (discharge, authorization, referral): where does it stall and who unblocks it?',
    'Share one contact or workaround that actually works.',
  ],
};

export const defaultAgendaTemplates: AgendaTemplates = {
  version: 1,
  checkIn: { title: 'Check-in', prompts: ['How is each of you doing this week?', 'What do you each want from today?'] },
  focusPrompts: prompts,
  ethics: {
    title: 'Keep in view',
    reminders: [
      'Reciprocity: both of you teach and both of you learn.',
      'Respect and boundaries: share what you are comfortable sharing.',
      'Avoid generational and professional stereotypes.',
      'Case reviews stay de-identified: no patient names, dates, numbers or places in notes.',
    ],
  },
  actionItems: { title: 'Carried over from last time' },
  close: {
    title: 'Close and next steps',
    prompts: ['What did each of you learn?', 'Agree on action items and who owns each.', 'Confirm the next session.'],
  },
};
