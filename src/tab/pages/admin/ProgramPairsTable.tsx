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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PairSummary } from '../../../core/api.js';
import { formatDateTime } from '../../dates.js';
import { strings } from '../../strings.js';

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
  const [ending, setEnding] = useState<PairSummary | null>(null);
  const titleId = `table-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Card aria-labelledby={titleId}>
      <Text as="h2" id={titleId} size={500} weight="semibold" style={{ margin: 0 }}>
        {title}
      </Text>
      {pairs.length === 0 && emptyText ? <Text>{emptyText}</Text> : null}
      {pairs.length ? (
        // Narrow screens (Teams mobile) scroll the table inside the card; cells keep room and never overlap.
        <div style={{ overflowX: 'auto', maxWidth: '100%' }} tabIndex={0} role="region" aria-labelledby={titleId}>
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
              {pairs.map((s) => (
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
