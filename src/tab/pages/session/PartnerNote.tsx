import { Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { assigneeOf } from '../../../core/notes/model.js';
import type { SharedLearningNote } from '../../../core/schemas.js';
import { uiStrings } from '../../../ui/strings.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { strings } from '../../strings.js';

const useStyles = makeStyles({
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  label: { color: tokens.colorNeutralForeground3, display: 'block', marginTop: tokens.spacingVerticalS },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  assignee: { color: tokens.colorNeutralForeground3 },
});

const { assignedTo, assignedToMe } = uiStrings.note;

/** The other person's note, read-only (each action item says who does it); text is rendered as text, never as HTML. */
export function PartnerNote({ name, note }: { name: string; note: SharedLearningNote | null }) {
  const styles = useStyles();
  return (
    <Card aria-labelledby="partner-note-title">
      <CardHeader
        image={<PersonAvatar name={name} size={32} />}
        header={
          <Text as="h2" id="partner-note-title" weight="semibold" size={500} style={{ margin: 0 }}>
            {strings.session.partnerNote(name)}
          </Text>
        }
      />
      {note ? (
        <div>
          <Text size={200} className={styles.label}>
            {strings.session.taught}
          </Text>
          <Text className={styles.body}>{note.taught}</Text>
          <Text size={200} className={styles.label}>
            {strings.session.learned}
          </Text>
          <Text className={styles.body}>{note.learned}</Text>
          {note.actionItems.length ? (
            <>
              <Text size={200} className={styles.label}>
                {strings.session.actionItems}
              </Text>
              <ul className={styles.items}>
                {note.actionItems.map((item) => (
                  <li key={item.id}>
                    <Text style={item.done ? { textDecoration: 'line-through' } : undefined}>{item.text}</Text>{' '}
                    <Text size={200} className={styles.assignee}>
                      ({assigneeOf(item, note.authorId) === note.authorId ? assignedTo(name) : assignedToMe})
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {note.focusAreas.length ? (
            <Text size={200} className={styles.label}>
              {note.focusAreas.map(strings.focusArea).join(' · ')}
            </Text>
          ) : null}
        </div>
      ) : (
        <Text>{strings.session.partnerNoteEmpty(name)}</Text>
      )}
    </Card>
  );
}
