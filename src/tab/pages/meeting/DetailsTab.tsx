// The meeting details tab. Before the meeting: the agenda (either person edits it), the action items
// carried over from earlier sessions (tick them off), and my note to prepare.
// After it: both notes side by side and whether the session was held.
import { Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { MyNote } from '../../../ui/note/MyNote.js';
import { JoinLink } from '../../components/JoinLink.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { formatTimeRange } from '../../dates.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { CarriedOverItems } from '../session/CarriedOverItems.js';
import { PartnerNote } from '../session/PartnerNote.js';
import { useSessionNotes } from '../session/useSessionNotes.js';
import { AgendaEditor } from './AgendaEditor.js';
import { useNow } from './MeetingClock.js';
import { SessionLoop } from './SessionLoop.js';
import { meetingStrings as s } from './strings.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function DetailsTab({ sessionId }: { sessionId: string }) {
  const styles = useStyles();
  const { context } = useTabRuntime();
  const now = useNow(60_000);
  const n = useSessionNotes(sessionId);
  if (!n.detail.data || !n.note.note) {
    return n.detail.status === 'failed' ? (
      <ErrorMessage error={n.detail.error} onRetry={n.detail.reload} />
    ) : (
      <PageSkeleton rows={2} />
    );
  }
  const detail = n.detail.data;
  const { session, pair, partnerNote } = detail;
  const partner = pair.members.find((m) => m.userId !== n.me.id) ?? pair.members[1];
  const nameOf = (userId: string) => pair.members.find((m) => m.userId === userId)?.displayName ?? '';
  const after = now >= Date.parse(session.end);
  const myNote = (
    <Card aria-labelledby="details-my-note">
      <Text as="h2" id="details-my-note" weight="semibold" size={500} style={{ margin: 0 }}>
        {s.myNote}
      </Text>
      <MyNote state={n.note} renderError={(error) => <ErrorMessage error={error} />} />
    </Card>
  );
  return (
    <div className={styles.page} data-testid="meeting-details">
      <div>
        <Text as="h1" size={600} weight="semibold" block style={{ margin: 0 }}>
          {formatTimeRange(session.start, session.end, context.locale)}
        </Text>
        <Text>{s.with(pair.members.map((m) => m.displayName).join(' & '))}</Text>
        <JoinLink url={session.joinUrl} />
      </div>
      {after ? (
        <>
          <SessionLoop session={session} onChanged={(next) => n.detail.set({ ...detail, session: next })} />
          <div className={styles.columns} aria-label={s.notes} role="group">
            {myNote}
            <PartnerNote name={partner.displayName} note={partnerNote} />
          </div>
        </>
      ) : (
        <div className={styles.columns}>
          <div className={styles.column}>
            <Card aria-labelledby="details-agenda">
              <Text as="h2" id="details-agenda" weight="semibold" size={500} style={{ margin: 0 }}>
                {s.agenda}
              </Text>
              <AgendaEditor sessionId={session.id} onSaved={n.detail.reload} />
            </Card>
            <CarriedOverItems
              items={n.carried}
              authorName={nameOf}
              onToggle={(item, done) => void n.setCarriedDone(item, done)}
              error={n.carriedError}
            />
          </div>
          <div className={styles.column}>{myNote}</div>
        </div>
      )}
    </div>
  );
}
