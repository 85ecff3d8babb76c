import { Card, makeStyles, MessageBar, MessageBarBody, Text, tokens, Link } from '@fluentui/react-components';
import { Link as RouterLink, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { formatTimeRange } from '../../dates.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { strings } from '../../strings.js';
import { AgendaView } from './AgendaView.js';
import { CarriedOverItems } from './CarriedOverItems.js';
import { ConflictDialog } from './ConflictDialog.js';
import { NoteEditor } from './NoteEditor.js';
import { PartnerNote } from './PartnerNote.js';
import { noteInputOf, useSessionNotes } from './useSessionNotes.js';

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

  if (!s.detail.data || !s.note) {
    return s.detail.status === 'failed' ? (
      <ErrorMessage error={s.detail.error} onRetry={s.detail.reload} />
    ) : (
      <PageSkeleton rows={2} />
    );
  }
  const { session, pair, agenda, partnerNote } = s.detail.data;
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
        {session.joinUrl ? (
          <>
            {' · '}
            <Link href={session.joinUrl} target="_blank" rel="noreferrer">
              {strings.schedule.joinLink}
            </Link>
          </>
        ) : null}
      </div>
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
            {s.restoredDraft ? (
              <MessageBar intent="info">
                <MessageBarBody>{strings.session.draftRestored}</MessageBarBody>
              </MessageBar>
            ) : null}
            <NoteEditor
              note={s.note}
              findings={s.findings}
              onChange={s.update}
              onConfirm={s.confirm}
              onSave={() => void s.saveNote()}
              saving={s.save.status === 'saving'}
              showPhiHelp={s.save.status === 'blocked-by-phi'}
            />
            {s.save.status === 'saved' ? (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{strings.session.saved}</MessageBarBody>
              </MessageBar>
            ) : null}
            {s.save.status === 'failed' ? (
              <>
                <ErrorMessage error={s.save.error} />
                <Text size={200}>{strings.session.draftKept}</Text>
              </>
            ) : null}
          </Card>
        </div>
      </div>
      {s.save.status === 'conflict' ? (
        <ConflictDialog
          mine={s.note}
          saved={noteInputOf(s.save.saved.note)}
          onKeepMine={() => void s.resolveConflict('mine')}
          onUseSaved={() => void s.resolveConflict('theirs')}
        />
      ) : null}
    </div>
  );
}
