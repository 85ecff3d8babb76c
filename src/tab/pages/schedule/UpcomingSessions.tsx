// Every upcoming session of the pair (not only the next), soonest first, each
// in the viewer's mailbox time zone with a link to the session, Rebook and Cancel.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Session } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import type { Resource } from '../../../ui/useResource.js';
import { strings } from '../../strings.js';
import { UpcomingSession } from './UpcomingSession.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

interface HistoryRow {
  session: Session;
}

/** Sessions still to come: booked, not yet over, soonest first. The next session alone until the history arrives. */
export function upcomingSessions(
  history: readonly HistoryRow[] | null,
  nextSession: Session | null,
  now = new Date(),
): Session[] {
  if (!history) return nextSession ? [nextSession] : [];
  return history
    .map((row) => row.session)
    .filter((s) => s.status === 'scheduled' && Date.parse(s.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

export function UpcomingSessions({
  sessions,
  history,
  locale,
  timeZone,
  busy,
  rebooking,
  onRebook,
  onCancel,
}: {
  sessions: Session[];
  history: Pick<Resource<unknown>, 'status' | 'error'> & { reload: () => void };
  locale: string;
  timeZone: string | null;
  busy: boolean;
  rebooking: string | null;
  onRebook: (sessionId: string) => void;
  onCancel: (sessionId: string) => void;
}) {
  const styles = useStyles();
  return (
    <>
      {sessions.length > 0 ? (
        <ul className={styles.list} aria-label={strings.schedule.upcoming}>
          {sessions.map((session) => (
            <li key={session.id}>
              <UpcomingSession
                session={session}
                locale={locale}
                timeZone={timeZone}
                busy={busy}
                rebooking={rebooking === session.id}
                onRebook={() => onRebook(session.id)}
                onCancel={() => onCancel(session.id)}
              />
            </li>
          ))}
        </ul>
      ) : history.status === 'loading' ? null : (
        <p>{strings.schedule.noUpcoming}</p>
      )}
      {history.status === 'failed' ? <ErrorMessage error={history.error} onRetry={history.reload} /> : null}
    </>
  );
}
