export const attentionStrings = {
  title: 'Needs your attention',
  loading: 'Looking for sessions marked differently and partners who left…',
  nothing: 'Nothing needs you: no session was marked differently and no partner has left.',
  disagreements: (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'} marked differently by the two people`,
  partnersLeft: (n: number) => `${n} ${n === 1 ? 'pair' : 'pairs'} whose partner left`,
  left: (left: string, remaining: string, when: string) =>
    `${left} left the program on ${when}; ${remaining} has no partner.`,
  openHistory: 'Open the pair’s history',
};
