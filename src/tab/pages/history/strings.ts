// The strings of a pair's history page.
const outcomes = { held: 'we met', 'no-show': 'it did not happen', moved: 'we moved it' } as Record<string, string>;

export const historyStrings = {
  title: (names: string) => `Sessions of ${names}`,
  titleUnknown: 'Sessions of a pair',
  back: 'Back to my pairs',
  link: 'All sessions of this pair',
  ended: 'This pair has ended. Its history stays readable to both of you.',
  endedOwner: 'This pair has ended.',
  empty: 'This pair has no sessions yet.',
  upcoming: 'Upcoming',
  past: 'Past',
  cancelled: 'Cancelled, not yet due',
  status: { scheduled: 'Scheduled', held: 'Held', 'no-show': 'Did not happen', cancelled: 'Cancelled' } as Record<
    string,
    string
  >,
  notes: (mine: boolean, partner: boolean, partnerName: string) =>
    `${mine ? 'Your note written' : 'No note from you'} · ${partner ? `${partnerName}'s note written` : `No note from ${partnerName}`}`,
  notesPrivate: 'Notes and action items stay with the pair.',
  said: (outcome: string) => `You said: ${outcome}`,
  partnerSaid: (name: string, outcome: string) => `${name} said: ${outcome}`,
  disagreement: (name: string) => `You and ${name} answered differently; the program owner sees both answers.`,
  markedDifferently: 'Marked differently',
  answer: (name: string, outcome: string) => `${name}: ${outcome}`,
  outcomes,
  actionItems: 'Action items',
  done: '(done)',
  open: 'Open session',
  showNotes: 'Show notes',
  hideNotes: 'Hide notes',
  myNote: 'Your note',
  partnerNote: (name: string) => `${name}'s note`,
  taught: 'Taught',
  learned: 'Learned',
  noNote: 'No note.',
  notFound: 'We could not find this pair, or it is not one of yours. Open it from your pairs.',
  badId: 'This link does not name a pair. Open the pair from your pairs.',
} as const;
