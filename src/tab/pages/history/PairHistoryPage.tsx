// A pair's history: every past and upcoming session with its status, whether
// each note was written, what I said happened, and the action items. Ended
// pairs stay readable to their two people.
import { Badge, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link as RouterLink, useParams } from 'react-router';
import { PairHistory, type HistorySession } from '../../../core/sessions/index.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useResource } from '../../../ui/useResource.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { formatTimeRange } from '../../dates.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { historyStrings as s } from './strings.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  link: { color: tokens.colorBrandForegroundLink },
});

const badgeColor = { scheduled: 'brand', held: 'success', 'no-show': 'warning', cancelled: 'subtle' } as const;

function SessionRow({ row, partnerName, locale }: { row: HistorySession; partnerName: string; locale: string }) {
  const styles = useStyles();
  const { session } = row;
  return (
    <li>
      <Card>
        <div className={styles.row}>
          <Text weight="semibold">{formatTimeRange(session.start, session.end, locale)}</Text>
          <Badge appearance="tint" color={badgeColor[session.status]}>
            {s.status[session.status] ?? session.status}
          </Badge>
          <RouterLink className={styles.link} to={`/tab/sessions/${encodeURIComponent(session.id)}`}>
            {s.open}
          </RouterLink>
        </div>
        <Text size={200}>{s.notes(row.myNote, row.partnerNote, partnerName)}</Text>
        {row.myOutcome ? <Text size={200}>{s.said(s.outcomes[row.myOutcome] ?? row.myOutcome)}</Text> : null}
        {row.actionItems.length ? (
          <>
            <Text size={200} weight="semibold">
              {s.actionItems}
            </Text>
            <ul className={styles.items}>
              {row.actionItems.map((i) => (
                <li key={`${i.authorId}|${i.id}`}>
                  <Text style={i.done ? { textDecoration: 'line-through' } : undefined}>{i.text}</Text>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
    </li>
  );
}

export default function PairHistoryPage() {
  const styles = useStyles();
  const { pairId = '' } = useParams();
  const { api, me, context } = useTabRuntime();
  const history = useResource(
    () => api.json(PairHistory, 'GET', `/api/pairs/${encodeURIComponent(pairId)}/history`),
    [api, pairId],
  );
  if (!history.data)
    return history.status === 'failed' ? (
      <ErrorMessage error={history.error} onRetry={history.reload} />
    ) : (
      <PageSkeleton rows={3} />
    );
  const { pair, sessions } = history.data;
  const partner = pair.members.find((m) => m.userId !== me.id) ?? pair.members[1];
  const now = new Date().toISOString();
  const upcoming = sessions.filter((r) => r.session.start >= now);
  const past = sessions.filter((r) => r.session.start < now).reverse();
  const section = (title: string, rows: HistorySession[]) =>
    rows.length ? (
      <section aria-label={title}>
        <Text as="h2" size={500} weight="semibold">
          {title}
        </Text>
        <ul className={styles.list}>
          {rows.map((row) => (
            <SessionRow key={row.session.id} row={row} partnerName={partner.displayName} locale={context.locale} />
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <div className={styles.page}>
      <RouterLink to="/tab" className={styles.link}>
        {s.back}
      </RouterLink>
      <Text as="h1" size={600} weight="semibold" style={{ margin: 0 }}>
        {s.title(pair.members.map((m) => m.displayName).join(' & '))}
      </Text>
      {pair.status === 'ended' ? <Text>{s.ended}</Text> : null}
      {sessions.length === 0 ? <Text>{s.empty}</Text> : null}
      {section(s.upcoming, upcoming)}
      {section(s.past, past)}
    </div>
  );
}
