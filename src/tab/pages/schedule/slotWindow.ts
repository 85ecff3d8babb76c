/** Windows offered, in days; the widest stays under Graph's 62-day getSchedule limit. */
export const windowChoices = [7, 14, 28, 56] as const;

/** The next wider window after "no common time", or null at the widest. */
export function widerWindow(days: number): number | null {
  return windowChoices.find((d) => d > days) ?? null;
}
