// The strings of the session loop (after a session: did it happen, how useful, one line learned).
export const loopStrings = {
  heading: 'How did it go?',
  outcome: 'Did it happen?',
  outcomes: { held: 'We met', 'no-show': 'It did not happen', moved: 'We moved it' },
  usefulness: 'How useful was it? (1 = not at all, 5 = very)',
  learned: 'One line: what did you learn?',
  learnedHint: 'No patient details: this line is about your own learning.',
  flagged: (kinds: string) =>
    `What you learned looks like it holds a patient identifier (${kinds}). Rephrase it to save; your saved answer is kept.`,
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  status: (status: string) => `The session is marked ${status}.`,
  partnerSaid: (what: string) => `Your partner said: ${what}.`,
  disagreement: 'You and your partner answered differently; the program owner sees both answers.',
  statusName: { scheduled: 'scheduled', held: 'held', 'no-show': 'no-show', cancelled: 'cancelled' } as Record<
    string,
    string
  >,
} as const;
