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
import type { NoteInput } from '../../../core/api.js';
import { strings } from '../../strings.js';

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

function summary(note: NoteInput): string {
  return [
    `${strings.session.taught}: ${note.taught}`,
    `${strings.session.learned}: ${note.learned}`,
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
  mine: NoteInput;
  saved: NoteInput;
  onKeepMine: () => void;
  onUseSaved: () => void;
}) {
  const styles = useStyles();
  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{strings.session.conflict.title}</DialogTitle>
          <DialogContent>
            <Text block>{strings.session.conflict.explain}</Text>
            <div className={styles.columns}>
              <div>
                <Text weight="semibold">{strings.session.conflict.myVersion}</Text>
                <div className={styles.version}>{summary(mine)}</div>
              </div>
              <div>
                <Text weight="semibold">{strings.session.conflict.savedVersion}</Text>
                <div className={styles.version}>{summary(saved)}</div>
              </div>
            </div>
          </DialogContent>
          <DialogActions>
            <Button onClick={onUseSaved}>{strings.session.conflict.theirs}</Button>
            <Button appearance="primary" onClick={onKeepMine}>
              {strings.session.conflict.mine}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
