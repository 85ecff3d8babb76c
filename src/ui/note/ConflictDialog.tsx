import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { NoteInput } from '../../core/api.js';
import { uiStrings } from '../strings.js';

/** What the dialog shows of each version. */
type NoteTexts = Pick<NoteInput, 'taught' | 'learned' | 'actionItems'>;

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  version: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '40vh',
    overflow: 'auto',
  },
});

function summary(note: NoteTexts): string {
  return [
    `${uiStrings.note.taught}: ${note.taught}`,
    `${uiStrings.note.learned}: ${note.learned}`,
    ...note.actionItems.map((i) => `• ${i.text}`),
  ].join('\n');
}

/** 412 from the server: my note was saved elsewhere meanwhile. The author picks; nothing is dropped silently. */
export function ConflictDialog({
  mine,
  saved,
  onKeepMine,
  onUseSaved,
}: {
  mine: NoteTexts;
  saved: NoteTexts;
  onKeepMine: () => void;
  onUseSaved: () => void;
}) {
  const styles = useStyles();
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{uiStrings.note.conflict.title}</DialogTitle>
          <DialogContent>
            <Text block>{uiStrings.note.conflict.explain}</Text>
            <div className={styles.columns}>
              <div>
                <Text weight="semibold">{uiStrings.note.conflict.myVersion}</Text>
                <div className={styles.version}>{summary(mine)}</div>
              </div>
              <div>
                <Text weight="semibold">{uiStrings.note.conflict.savedVersion}</Text>
                <div className={styles.version}>{summary(saved)}</div>
              </div>
            </div>
          </DialogContent>
          <DialogActions>
            <Button onClick={onUseSaved}>{uiStrings.note.conflict.theirs}</Button>
            <Button appearance="primary" onClick={onKeepMine}>
              {uiStrings.note.conflict.mine}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
