// My note with what happened to it: a restored draft, the editor, saved or
// failed, and the conflict dialog. Each surface says how it shows an error.
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { openFindings } from '../../core/notes/review.js';
import { uiStrings } from '../strings.js';
import { ConflictDialog } from './ConflictDialog.js';
import { NoteEditor } from './NoteEditor.js';
import type { NoteState } from './useNote.js';

export function MyNote({ state: n, renderError }: { state: NoteState; renderError: (error: unknown) => ReactNode }) {
  return (
    <>
      {n.restoredDraft ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {n.restoredDraft === 'tenant' ? uiStrings.note.draftRestoredFromTenant : uiStrings.note.draftRestored}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {n.note ? (
        <NoteEditor
          note={n.note}
          review={n.review}
          people={n.people}
          authorId={n.userId}
          onChange={n.update}
          onConfirm={n.confirm}
          onSave={() => void n.saveNote()}
          saving={n.save.status === 'saving'}
          showPhiHelp={n.save.status === 'blocked-by-phi'}
          onFocus={n.prepareNameCheck}
        />
      ) : null}
      <DraftKeptNotice state={n} />
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

/** Says when the draft is not kept in the tenant, and why, so nobody counts on finding it elsewhere. */
function DraftKeptNotice({ state: n }: { state: NoteState }) {
  if (n.kept !== 'device' && n.kept !== 'window') return null;
  const flagged = openFindings(n.review).length > 0;
  const { draftOnDeviceOnly: say } = uiStrings.note;
  const text = n.kept === 'window' ? say.window : flagged ? say.flagged : say.unreachable;
  return (
    <Text size={200} role="status" data-testid="draft-kept-notice">
      {text}
    </Text>
  );
}
