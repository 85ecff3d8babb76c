// What a department run placed (or, previewed, would place): each pair with
// its time in both people's own zones, then the pairs left out and why.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { DepartmentJob } from '../../../client/api.js';
import type { PairSummary } from '../../../core/api.js';
import { formatDateTime } from '../../dates.js';
import { strings } from '../../strings.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXS },
  times: { color: tokens.colorNeutralForeground2 },
});

function inZone(iso: string, locale: string, timeZone: string): string {
  try {
    return formatDateTime(iso, locale, timeZone);
  } catch {
    return `${formatDateTime(iso, locale)} (${timeZone})`;
  }
}

export function DepartmentPlan({
  job,
  pairs,
  locale,
}: {
  job: DepartmentJob;
  pairs: readonly PairSummary[];
  locale: string;
}) {
  const styles = useStyles();
  const byId = new Map(pairs.map((s) => [s.pair.id, s.pair]));
  const names = (pairId: string) => {
    const pair = byId.get(pairId);
    return pair ? strings.admin.pairNames(pair.members[0].displayName, pair.members[1].displayName) : pairId;
  };
  const placed = job.result?.scheduled ?? [];
  const left = job.result?.notScheduled ?? job.failed;
  return (
    <>
      {placed.length ? (
        <section aria-labelledby="plan-placed">
          <Text as="h3" id="plan-placed" weight="semibold" block>
            {job.dryRun ? strings.admin.proposedTimes : strings.admin.bookedTimes}
          </Text>
          <ul className={styles.list} aria-labelledby="plan-placed">
            {placed.map((p) => (
              <li key={p.pairId}>
                <Text block>{names(p.pairId)}</Text>
                <Text size={200} className={styles.times}>
                  {(byId.get(p.pairId)?.members ?? [])
                    .map((m) => `${m.displayName}: ${inZone(p.start, locale, m.timeZone)}`)
                    .join(' · ') || formatDateTime(p.start, locale)}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {left.length ? (
        <section aria-labelledby="plan-left">
          <Text as="h3" id="plan-left" weight="semibold" block>
            {strings.admin.notScheduled}
          </Text>
          <ul className={styles.list} aria-labelledby="plan-left">
            {left.map((f) => (
              <li key={f.pairId}>
                <Text>{strings.admin.notPlaced(names(f.pairId), f.reason)}</Text>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
