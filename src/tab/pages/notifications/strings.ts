// The strings of the page where a person mutes kinds of message from the bot.
import type { MutableKind } from '../../../core/operations/notifications.js';

export const notificationStrings = {
  title: 'Messages from Reciprocal',
  intro:
    'The Reciprocal bot messages you in Teams when something needs you. Turn off the kinds you do not want; you can turn them back on at any time.',
  saving: 'Saving…',
  saved: 'Saved',
  listLabel: 'Kinds of message',
  kinds: {
    intro: { label: 'New pair introductions', hint: 'When you are paired with someone.' },
    invitation: { label: 'Invitations to join', hint: 'When the program owner invites you.' },
    reminder: { label: 'Session reminders', hint: 'A day before each session: agenda, open action items, Join.' },
    'session-loop': { label: 'After-session check-ins', hint: 'Did it happen, how useful was it, what you learned.' },
    nudge: { label: 'Nudges to meet', hint: 'When your pair has not met for a while.' },
    'partner-left': { label: 'Partner changes', hint: 'When your partner leaves the program.' },
    'pair-ended': { label: 'Pair endings', hint: 'When a pair you are in is ended.' },
    'digest-lead': { label: 'Weekly department digest', hint: 'For department leads: your department’s figures.' },
    'digest-owner': { label: 'Weekly program digest', hint: 'For the program owner: pairs at risk and requests.' },
    'assessment-prompt': { label: 'Self-assessment at round end', hint: 'Rate your confidence when a round ends.' },
  } satisfies Record<MutableKind, { label: string; hint: string }>,
};
