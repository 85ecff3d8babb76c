// The strings of the at-risk list on the dashboard page.
export const atRiskStrings = {
  programHeading: 'Pairs at risk across the program',
  showMore: 'Show more at-risk pairs',
  loading: 'Loading more at-risk pairs…',
  /** What a screen reader hears after each page, and what the list says under its heading. */
  shown: (shown: number, total: number | null) =>
    total === null ? `Showing ${shown} pairs at risk` : `Showing ${shown} of ${total} pairs at risk`,
  failed: 'The next at-risk pairs could not be loaded.',
};
