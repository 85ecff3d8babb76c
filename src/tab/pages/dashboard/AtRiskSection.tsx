// The owner's at-risk pairs, most at risk first: the dashboard's first page,
// and a button that loads the next (the count is announced, and the focus
// moves to the first pair it added).
import { Body1, Button, Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { AtRiskList } from '../../../core/dashboard/answers.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { strings } from '../../strings.js';
import { atRiskStrings } from './atRiskStrings.js';
import { panel } from './panel.js';
import { useAtRiskPages, type AtRiskScope } from './useAtRiskPages.js';

const useStyles = makeStyles({
  section: {
    ...panel,
    padding: tokens.spacingHorizontalM,
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  item: { paddingBlock: tokens.spacingVerticalXXS },
  more: { alignSelf: 'flex-start', maxWidth: '100%' },
});

const d = strings.dashboard;

export function AtRiskSection({ first, scope, heading }: { first: AtRiskList; scope: AtRiskScope; heading: string }) {
  const styles = useStyles();
  const listed = useAtRiskPages(first, scope);
  const firstNew = useRef<HTMLLIElement>(null);
  useEffect(() => firstNew.current?.focus(), [listed.firstNew]);
  const total = first.count.suppressed ? null : first.count.value;
  return (
    <section aria-label={heading} className={styles.section}>
      <Text weight="semibold" as="h2">
        {heading}
      </Text>
      {listed.pairs.length === 0 ? (
        <Body1>{first.count.suppressed ? d.suppressed : d.noneAtRisk}</Body1>
      ) : (
        <>
          <ul className={styles.list}>
            {listed.pairs.map((p, i) => (
              <li
                key={p.pairId}
                className={styles.item}
                ref={i === listed.firstNew ? firstNew : undefined}
                tabIndex={i === listed.firstNew ? -1 : undefined}
              >
                {p.members?.length ? p.members.map((m) => m.displayName).join(' and ') : p.pairId}:{' '}
                {d.atRiskReasons[p.reason]}{' '}
                <Link as="a" href={`/tab/pairs/${encodeURIComponent(p.pairId)}`}>
                  {d.schedule}
                </Link>
              </li>
            ))}
          </ul>
          <Caption1 role="status">
            {listed.status === 'loading' ? atRiskStrings.loading : atRiskStrings.shown(listed.pairs.length, total)}
          </Caption1>
        </>
      )}
      {listed.status === 'failed' ? (
        <ErrorMessage error={listed.error} title={atRiskStrings.failed} onRetry={() => void listed.showMore()} />
      ) : null}
      {listed.next !== null ? (
        <Button
          className={styles.more}
          disabledFocusable={listed.status === 'loading'}
          onClick={() => void listed.showMore()}
        >
          {atRiskStrings.showMore}
        </Button>
      ) : null}
    </section>
  );
}
