import {
  Badge,
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { PairSummary } from '../../../core/api.js';
import { formatDateTime } from '../../dates.js';
import { strings } from '../../strings.js';

/**
 * Rows shown at first and added by each "Show more": a program's pairs can run
 * to thousands, and each row is a dozen Fluent components to render.
 */
const pairsPageSize = 10;

const useStyles = makeStyles({
  more: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Newest first: a pair just created is on the first page. */
const newestFirst = (a: PairSummary, b: PairSummary) => b.pair.startedOn.localeCompare(a.pair.startedOn);

export function ProgramPairsTable({
  title,
  pairs,
  locale,
  onEnd,
  emptyText,
}: {
  title: string;
  pairs: PairSummary[];
  locale: string;
  onEnd?: (pairId: string) => Promise<void>;
  emptyText?: string;
}) {
  const styles = useStyles();
  const [ending, setEnding] = useState<PairSummary | null>(null);
  const [shown, setShown] = useState(pairsPageSize);
  const region = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => [...pairs].sort(newestFirst), [pairs]);
  const titleId = `table-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const left = sorted.length - shown;
  const showMore = () => {
    setShown((n) => n + pairsPageSize);
    // The button goes with the last page: focus stays in the table rather than falling to the page.
    if (left <= pairsPageSize) region.current?.focus();
  };
  return (
    <Card aria-labelledby={titleId}>
      <Text as="h2" id={titleId} size={500} weight="semibold" style={{ margin: 0 }}>
        {title}
      </Text>
      {pairs.length === 0 && emptyText ? <Text>{emptyText}</Text> : null}
      {pairs.length ? (
        // Narrow screens (Teams mobile) scroll the table inside the card; cells keep room and never overlap.
        <div
          ref={region}
          style={{ overflowX: 'auto', maxWidth: '100%' }}
          tabIndex={0}
          role="region"
          aria-labelledby={titleId}
        >
          <Table aria-labelledby={titleId} size="small" style={{ minWidth: '640px' }}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.admin.member}</TableHeaderCell>
                <TableHeaderCell>{strings.admin.department}</TableHeaderCell>
                <TableHeaderCell>{strings.admin.cadence}</TableHeaderCell>
                <TableHeaderCell>{strings.admin.status}</TableHeaderCell>
                <TableHeaderCell>{strings.admin.next}</TableHeaderCell>
                {onEnd ? <TableHeaderCell /> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {sorted.slice(0, shown).map((s) => (
                <TableRow key={s.pair.id}>
                  <TableCell>
                    {s.pair.members.map((m) => `${m.displayName} (${strings.careerStage[m.careerStage]})`).join(' & ')}
                  </TableCell>
                  <TableCell>{[...new Set(s.pair.members.map((m) => m.department))].join(' / ')}</TableCell>
                  <TableCell>{strings.pairs.cadence[s.pair.cadence]}</TableCell>
                  <TableCell>
                    <Badge
                      appearance="tint"
                      color={s.pair.status === 'active' ? 'success' : s.pair.status === 'paused' ? 'warning' : 'subtle'}
                    >
                      {strings.pairs.status[s.pair.status]}
                    </Badge>
                  </TableCell>
                  <TableCell>{s.nextSession ? formatDateTime(s.nextSession.start, locale) : '—'}</TableCell>
                  {onEnd ? (
                    <TableCell>
                      {s.pair.status !== 'ended' ? (
                        <Button
                          size="small"
                          onClick={() => setEnding(s)}
                          aria-label={`${strings.admin.endPair}: ${s.pair.members.map((m) => m.displayName).join(' & ')}`}
                        >
                          {strings.admin.endPair}
                        </Button>
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {left > 0 ? (
        <div className={styles.more}>
          <Text>{strings.admin.shownOf(shown, sorted.length)}</Text>
          <Button onClick={showMore}>{strings.admin.showMore(Math.min(left, pairsPageSize))}</Button>
        </div>
      ) : null}
      {ending && onEnd ? (
        <Dialog open onOpenChange={(_, d) => !d.open && setEnding(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{strings.admin.endPair}</DialogTitle>
              <DialogContent>
                {strings.admin.confirmEnd(ending.pair.members[0].displayName, ending.pair.members[1].displayName)}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => setEnding(null)}>{strings.schedule.keep}</Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    const id = ending.pair.id;
                    setEnding(null);
                    void onEnd(id);
                  }}
                >
                  {strings.admin.endPair}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </Card>
  );
}
