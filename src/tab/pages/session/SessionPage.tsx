import { Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { MyNote } from '../../../ui/note/MyNote.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { formatTimeRange } from '../../dates.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { JoinLink } from '../../components/JoinLink.js';
import { strings } from '../../strings.js';
import { historyStrings } from '../history/strings.js';
import { SessionLoop } from '../meeting/SessionLoop.js';
import { AgendaView } from './AgendaView.js';
import { CarriedOverItems } from './CarriedOverItems.js';
import { PartnerNote } from './PartnerNote.js';
import { useSessionNotes } from './useSessionNotes.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export default function SessionPage() {
  const styles = useStyles();
  const { sessionId = '' } = useParams();
  const { context } = useTabRuntime();
  const s = useSessionNotes(sessionId);

  if (!s.detail.data || !s.note.note) {
    return s.detail.status === 'failed' ? (
      <div className={styles.page}>
        <RouterLink to="/tab" style={{ color: tokens.colorBrandForegroundLink }}>
          {strings.session.back}
        </RouterLink>
        <ErrorMessage error={s.detail.error} onRetry={s.detail.reload} />
      </div>
    ) : (
      <PageSkeleton rows={2} />
    );
  }
  const detail = s.detail.data;
  const { session, pair, agenda, partnerNote } = detail;
  // The loop's answer is about what happened, so it opens once the session has started.
  const started = Date.parse(session.start) <= Date.now() && session.status !== 'cancelled';
  const partner = pair.members.find((m) => m.userId !== s.me.id) ?? pair.members[1];
  const nameOf = (userId: string) => pair.members.find((m) => m.userId === userId)?.displayName ?? '';

  return (
    <div className={styles.page}>
      <RouterLink to="/tab" style={{ color: tokens.colorBrandForegroundLink }}>
        {strings.session.back}
      </RouterLink>
      <div>
        <Text as="h1" size={600} weight="semibold" block style={{ margin: 0 }}>
          {strings.session.title(formatTimeRange(session.start, session.end, context.locale))}
        </Text>
        <Text>
          {pair.members.map((m) => m.displayName).join(' & ')} · {strings.directionShort[session.direction]} ·{' '}
          {session.focusAreas.map(strings.focusArea).join(', ')}
        </Text>
        <JoinLink url={session.joinUrl} />
        <RouterLink
          to={`/tab/pairs/${encodeURIComponent(pair.id)}/history`}
          style={{ color: tokens.colorBrandForegroundLink, display: 'block' }}
        >
          {historyStrings.link}
        </RouterLink>
      </div>
      {started ? (
        <SessionLoop session={session} onChanged={(next) => s.detail.set({ ...detail, session: next })} />
      ) : null}
      <div className={styles.columns}>
        <div className={styles.column}>
          <Card aria-labelledby="agenda-title">
            <Text as="h2" id="agenda-title" weight="semibold" size={500} style={{ margin: 0 }}>
              {strings.session.agenda}
            </Text>
            <AgendaView agenda={agenda} />
          </Card>
          <CarriedOverItems
            items={s.carried}
            authorName={nameOf}
            onToggle={(item, done) => void s.setCarriedDone(item, done)}
            error={s.carriedError}
          />
          {partner ? <PartnerNote name={partner.displayName} note={partnerNote} /> : null}
        </div>
        <div className={styles.column}>
          <Card aria-labelledby="my-note-title">
            <Text as="h2" id="my-note-title" weight="semibold" size={500} style={{ margin: 0 }}>
              {strings.session.myNote}
            </Text>
            <MyNote state={s.note} renderError={(error) => <ErrorMessage error={error} />} />
          </Card>
        </div>
      </div>
    </div>
  );
}
