import { Card, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SessionDetail } from '../../../core/api.js';
import { assigneeOf } from '../../../core/notes/model.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { uiStrings } from '../../../ui/strings.js';
import { strings } from '../../strings.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  author: { color: tokens.colorNeutralForeground3 },
});

export function CarriedOverItems({
  items,
  authorName,
  onToggle,
  error,
}: {
  items: SessionDetail['carriedOverActionItems'];
  /** The display name of either person of the pair (each item shows who does it). */
  authorName: (userId: string) => string;
  onToggle: (item: SessionDetail['carriedOverActionItems'][number], done: boolean) => void;
  error: unknown;
}) {
  const styles = useStyles();
  return (
    <Card aria-labelledby="carried-title">
      <Text as="h2" id="carried-title" weight="semibold" size={500} style={{ margin: 0 }}>
        {strings.session.carriedOver}
      </Text>
      {items.length === 0 ? <Text>{strings.session.noCarriedOver}</Text> : null}
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={`${item.sessionId}-${item.id}`}>
            <Checkbox
              checked={item.done}
              onChange={(_, d) => onToggle(item, Boolean(d.checked))}
              label={
                <>
                  {item.text}{' '}
                  <Text size={200} className={styles.author}>
                    ({uiStrings.note.assignedTo(authorName(assigneeOf(item, item.authorId)))})
                  </Text>
                </>
              }
            />
          </li>
        ))}
      </ul>
      {error ? <ErrorMessage error={error} /> : null}
    </Card>
  );
}
