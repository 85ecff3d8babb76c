// The meeting side panel (about 280-320 px wide, during the meeting): the agenda
// as a checklist with the meeting's clock, my note with the PHI guard and its
// action items, and the partner's note once they have shared one.
import { Divider, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { MyNote } from '../../../ui/note/MyNote.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { PartnerNote } from '../session/PartnerNote.js';
import { useSessionNotes } from '../session/useSessionNotes.js';
import { AgendaChecklist } from './AgendaChecklist.js';
import { checklistSections } from './agendaSections.js';
import { meetingStrings as s } from './strings.js';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export function SidePanel({ sessionId }: { sessionId: string }) {
  const styles = useStyles();
  const n = useSessionNotes(sessionId);
  if (!n.detail.data || !n.note.note) {
    return n.detail.status === 'failed' ? (
      <ErrorMessage error={n.detail.error} onRetry={n.detail.reload} />
    ) : (
      <PageSkeleton rows={2} />
    );
  }
  const { session, pair, agenda, partnerNote } = n.detail.data;
  const partner = pair.members.find((m) => m.userId !== n.me.id) ?? pair.members[1];
  return (
    <div className={styles.panel} data-testid="meeting-side-panel">
      <section aria-labelledby="side-agenda">
        <h2 id="side-agenda" className={styles.heading}>
          {s.agenda}
        </h2>
        <AgendaChecklist sessionId={session.id} sections={checklistSections(agenda)} session={session} />
      </section>
      <Divider />
      <section aria-labelledby="side-my-note">
        <h2 id="side-my-note" className={styles.heading}>
          {s.myNote}
        </h2>
        <MyNote state={n.note} renderError={(error) => <ErrorMessage error={error} />} />
      </section>
      {partnerNote ? <PartnerNote name={partner.displayName} note={partnerNote} /> : null}
      <Text size={200}>{s.with(pair.members.map((m) => m.displayName).join(' & '))}</Text>
    </div>
  );
}
