// Strings the pair card adds to the tab's shared ones (../../strings.ts).
export const pairCardStrings = {
  agreementPending: 'Agreement pending',
  allSessions: 'All sessions',
  growth: 'Growth',
};
