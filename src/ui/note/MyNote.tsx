// My note with what happened to it: a restored draft, the editor, saved or
// failed, and the conflict dialog. Each surface says how it shows an error.
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { uiStrings } from '../strings.js';
import { ConflictDialog } from './ConflictDialog.js';
import { NoteEditor } from './NoteEditor.js';
import type { NoteState } from './useNote.js';

export function MyNote({ state: n, renderError }: { state: NoteState; renderError: (error: unknown) => ReactNode }) {
  return (
    <>
      {n.restoredDraft ? (
        <MessageBar intent="info">
          <MessageBarBody>{uiStrings.note.draftRestored}</MessageBarBody>
        </MessageBar>
      ) : null}
      {n.note ? (
        <NoteEditor
          note={n.note}
          review={n.review}
          onChange={n.update}
          onConfirm={n.confirm}
          onSave={() => void n.saveNote()}
          saving={n.save.status === 'saving'}
          showPhiHelp={n.save.status === 'blocked-by-phi'}
        />
      ) : null}
      {n.save.status === 'saved' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{uiStrings.note.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {n.save.status === 'failed' ? (
        <>
          {renderError(n.save.error)}
          <Text size={200}>{uiStrings.note.draftKept}</Text>
        </>
      ) : null}
      {n.save.status === 'conflict' && n.note ? (
        <ConflictDialog
          mine={n.note}
          saved={n.save.saved.note}
          onKeepMine={() => void n.resolveConflict('mine')}
          onUseSaved={() => void n.resolveConflict('theirs')}
        />
      ) : null}
    </>
  );
}
