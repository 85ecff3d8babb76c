// The strings of a pair's history page.
export const historyStrings = {
  title: (names: string) => `Sessions of ${names}`,
  back: 'Back to my pairs',
  link: 'All sessions of this pair',
  ended: 'This pair has ended. Its history stays readable to both of you.',
  empty: 'This pair has no sessions yet.',
  upcoming: 'Upcoming',
  past: 'Past',
  status: { scheduled: 'Scheduled', held: 'Held', 'no-show': 'Did not happen', cancelled: 'Cancelled' } as Record<
    string,
    string
  >,
  notes: (mine: boolean, partner: boolean, partnerName: string) =>
    `${mine ? 'Your note written' : 'No note from you'} · ${partner ? `${partnerName}'s note written` : `No note from ${partnerName}`}`,
  said: (outcome: string) => `You said: ${outcome}`,
  outcomes: { held: 'we met', 'no-show': 'it did not happen', moved: 'we moved it' } as Record<string, string>,
  actionItems: 'Action items',
  open: 'Open session',
} as const;
