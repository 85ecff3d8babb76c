// A pair's history: every past and upcoming session with its status, whether
// each note was written (the two notes on request), what each person said
// happened, and the action items. Ended pairs stay readable to their two
// people. The program owner sees statuses and, where the two people answered
// differently, both answers (notes stay with the pair).
import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { ApiError } from '../../../client/api.js';
import { errorCodes } from '../../../core/api.js';
import { OwnerAttention, PairHistory, type HistorySession } from '../../../core/sessions/feedback.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useResource } from '../../../ui/useResource.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { SessionRow } from './SessionRow.js';
import { historyStrings as s } from './strings.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  link: { color: tokens.colorBrandForegroundLink },
  heading: { margin: 0, overflowWrap: 'anywhere' },
});

function Page({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <RouterLink to="/tab" className={styles.link}>
        {s.back}
      </RouterLink>
      <Text as="h1" size={600} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {children}
    </div>
  );
}

/** A pair id that is not one (400) or not the viewer's (404) is said plainly, with no retry that cannot help. */
function HistoryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const plain =
    error instanceof ApiError && error.code === errorCodes.notFound
      ? s.notFound
      : error instanceof ApiError && error.code === errorCodes.invalidRequest
        ? s.badId
        : null;
  return (
    <Page title={s.titleUnknown}>
      {plain ? (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>{plain}</MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorMessage error={error} onRetry={onRetry} />
      )}
    </Page>
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
  const owner = me.roles.includes('ProgramOwner');
  const attention = useResource(
    async () => (owner ? api.json(OwnerAttention, 'GET', '/api/session-loop/attention') : null),
    [api, owner],
  );
  if (!history.data)
    return history.status === 'failed' ? (
      <HistoryError error={history.error} onRetry={history.reload} />
    ) : (
      <PageSkeleton rows={3} />
    );
  const { pair, sessions } = history.data;
  const member = pair.members.some((m) => m.userId === me.id);
  const partner = pair.members.find((m) => m.userId !== me.id) ?? pair.members[1];
  const disagreements = member ? [] : (attention.data?.disagreements ?? []).filter((d) => d.pairId === pair.id);
  const now = new Date().toISOString();
  const ahead = sessions.filter((r) => r.session.start >= now);
  const upcoming = ahead.filter((r) => r.session.status !== 'cancelled');
  const cancelled = ahead.filter((r) => r.session.status === 'cancelled');
  const past = sessions.filter((r) => r.session.start < now).reverse();
  const section = (title: string, id: string, rows: HistorySession[]) =>
    rows.length ? (
      <section aria-labelledby={id}>
        <Text as="h2" id={id} size={500} weight="semibold">
          {title}
        </Text>
        <ul className={styles.list}>
          {rows.map((row) => (
            <SessionRow
              key={row.session.id}
              row={row}
              partnerName={partner.displayName}
              locale={context.locale}
              member={member}
              ownerDisagreement={disagreements.find((d) => d.sessionId === row.session.id)}
            />
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <Page title={s.title(pair.members.map((m) => m.displayName).join(' & '))}>
      {pair.status === 'ended' ? <Text>{member ? s.ended : s.endedOwner}</Text> : null}
      {sessions.length === 0 ? <Text>{s.empty}</Text> : null}
      {attention.status === 'failed' ? <ErrorMessage error={attention.error} onRetry={attention.reload} /> : null}
      {section(s.upcoming, 'history-upcoming', upcoming)}
      {section(s.past, 'history-past', past)}
      {section(s.cancelled, 'history-cancelled', cancelled)}
    </Page>
  );
}
