// One session in a pair's history: when, its status, what each person said
// happened, whether each note was written (with the two notes on request,
// for the pair's own people only) and the action items.
import { Badge, Button, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { SharedLearningNote } from '../../../core/schemas.js';
import type { HistorySession, SessionDisagreement } from '../../../core/sessions/index.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useResource } from '../../../ui/useResource.js';
import { formatTimeRange } from '../../dates.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { historyStrings as s } from './strings.js';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  link: { color: tokens.colorBrandForegroundLink },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  label: { color: tokens.colorNeutralForeground3, display: 'block' },
  notes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const badgeColor = { scheduled: 'brand', held: 'success', 'no-show': 'warning', cancelled: 'subtle' } as const;
const said = (outcome: string) => s.outcomes[outcome] ?? outcome;
const disagree = (a: string | null, b: string | null) =>
  (a === 'held' && b === 'no-show') || (a === 'no-show' && b === 'held');

export interface SessionRowProps {
  row: HistorySession;
  partnerName: string;
  locale: string;
  /** The viewer is one of the pair's two people (the owner sees statuses and the two answers only). */
  member: boolean;
  /** For the program owner: the two people's answers when they differ. */
  ownerDisagreement?: SessionDisagreement | undefined;
}

function NoteText({ title, note }: { title: string; note: SharedLearningNote | null }) {
  const styles = useStyles();
  return (
    <div>
      <Text weight="semibold" size={200}>
        {title}
      </Text>
      {note ? (
        <>
          <Text size={200} className={styles.label}>
            {s.taught}
          </Text>
          <Text className={styles.text}>{note.taught}</Text>
          <Text size={200} className={styles.label}>
            {s.learned}
          </Text>
          <Text className={styles.text}>{note.learned}</Text>
        </>
      ) : (
        <Text block>{s.noNote}</Text>
      )}
    </div>
  );
}

/** The two notes of a session, loaded when asked for (the history itself carries only whether each exists). */
function SessionNotes({ sessionId, partnerName }: { sessionId: string; partnerName: string }) {
  const styles = useStyles();
  const { api } = useTabRuntime();
  const detail = useResource(() => api.session(sessionId), [api, sessionId]);
  if (detail.status === 'failed') return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Text role="status">…</Text>;
  return (
    <div className={styles.notes}>
      <NoteText title={s.myNote} note={detail.data.myNote?.note ?? null} />
      <NoteText title={s.partnerNote(partnerName)} note={detail.data.partnerNote} />
    </div>
  );
}

function Answers({ row, partnerName, ownerDisagreement }: Omit<SessionRowProps, 'locale' | 'member'>) {
  if (ownerDisagreement)
    return (
      <Text size={200} weight="semibold">
        {s.markedDifferently}:{' '}
        {ownerDisagreement.answers.map((a) => s.answer(a.displayName, said(a.outcome))).join(' · ')}
      </Text>
    );
  return (
    <>
      {row.myOutcome ? <Text size={200}>{s.said(said(row.myOutcome))}</Text> : null}
      {row.partnerOutcome ? <Text size={200}>{s.partnerSaid(partnerName, said(row.partnerOutcome))}</Text> : null}
      {disagree(row.myOutcome, row.partnerOutcome) ? (
        <Text size={200} weight="semibold">
          {s.disagreement(partnerName)}
        </Text>
      ) : null}
    </>
  );
}

export function SessionRow({ row, partnerName, locale, member, ownerDisagreement }: SessionRowProps) {
  const styles = useStyles();
  const [showNotes, setShowNotes] = useState(false);
  const { session } = row;
  const notesId = `notes-${session.id}`;
  // Before a session starts, "no note from you" is noise: notes come after.
  const notesYet = row.myNote || row.partnerNote || Date.parse(session.start) <= Date.now();
  return (
    <li>
      <Card className={styles.card}>
        <div className={styles.row}>
          <Text weight="semibold">{formatTimeRange(session.start, session.end, locale)}</Text>
          <Badge appearance="tint" color={badgeColor[session.status]}>
            {s.status[session.status] ?? session.status}
          </Badge>
          {member ? (
            <RouterLink className={styles.link} to={`/tab/sessions/${encodeURIComponent(session.id)}`}>
              {s.open}
            </RouterLink>
          ) : null}
        </div>
        <Answers row={row} partnerName={partnerName} ownerDisagreement={ownerDisagreement} />
        {member && !notesYet ? null : (
          <Text size={200}>{member ? s.notes(row.myNote, row.partnerNote, partnerName) : s.notesPrivate}</Text>
        )}
        {member && (row.myNote || row.partnerNote) ? (
          <div>
            <Button
              size="small"
              aria-expanded={showNotes}
              aria-controls={notesId}
              onClick={() => setShowNotes((v) => !v)}
            >
              {showNotes ? s.hideNotes : s.showNotes}
            </Button>
          </div>
        ) : null}
        {showNotes ? (
          <div id={notesId}>
            <SessionNotes sessionId={session.id} partnerName={partnerName} />
          </div>
        ) : null}
        {row.actionItems.length ? (
          <>
            <Text size={200} weight="semibold">
              {s.actionItems}
            </Text>
            <ul className={styles.items}>
              {row.actionItems.map((i) => (
                <li key={`${i.authorId}|${i.id}`}>
                  <Text className={styles.text} style={i.done ? { textDecoration: 'line-through' } : undefined}>
                    {i.text}
                  </Text>
                  {i.done ? <Text size={200}> {s.done}</Text> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
    </li>
  );
}
