// My shared-learning note for this meeting's session, with the tab's editor
// (PHI highlighting, action items, focus areas) and conflict dialog.
import { MessageBar, MessageBarBody, Skeleton, SkeletonItem, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ApiClient } from '../client/api.js';
import { DraftStore } from '../client/drafts.js';
import type { Me } from '../core/schemas.js';
import { ConflictDialog } from '../tab/pages/session/ConflictDialog.js';
import { NoteEditor } from '../tab/pages/session/NoteEditor.js';
import { strings } from '../tab/strings.js';
import { PaneError } from './PaneError.js';
import { paneStrings } from './strings.js';
import { useMeetingNote } from './useMeetingNote.js';

export function MeetingNote({
  api,
  me,
  sessionId,
  partnerName,
}: {
  api: ApiClient;
  me: Me;
  sessionId: string;
  partnerName: string;
}) {
  const drafts = useMemo(() => new DraftStore(window.localStorage), []);
  const n = useMeetingNote(api, me.id, sessionId, drafts);
  return (
    <section aria-labelledby="note-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h2" id="note-title" size={400} weight="semibold">
        {paneStrings.notes.heading}
      </Text>
      {n.loadError ? <PaneError error={n.loadError} /> : null}
      {!n.note && !n.loadError ? (
        <Skeleton aria-label={paneStrings.notes.heading}>
          <SkeletonItem size={64} />
          <SkeletonItem size={64} style={{ marginTop: 8 }} />
        </Skeleton>
      ) : null}
      {n.detail?.partnerNote ? <Text size={200}>{paneStrings.notes.partnerWrote(partnerName)}</Text> : null}
      {n.restoredDraft ? (
        <MessageBar intent="info">
          <MessageBarBody>{strings.session.draftRestored}</MessageBarBody>
        </MessageBar>
      ) : null}
      {n.note ? (
        <NoteEditor
          note={n.note}
          findings={n.findings}
          onChange={n.update}
          onConfirm={n.confirm}
          onSave={() => void n.saveNote()}
          saving={n.save.status === 'saving'}
          showPhiHelp={n.save.status === 'blocked-by-phi'}
        />
      ) : null}
      {n.save.status === 'saved' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{strings.session.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {n.save.status === 'failed' ? (
        <>
          <PaneError error={n.save.error} />
          <Text size={200}>{strings.session.draftKept}</Text>
        </>
      ) : null}
      {n.save.status === 'conflict' && n.note ? (
        <ConflictDialog
          mine={n.note}
          saved={{
            taught: n.save.saved.note.taught,
            learned: n.save.saved.note.learned,
            actionItems: n.save.saved.note.actionItems,
            focusAreas: n.save.saved.note.focusAreas,
            phiConfirmations: n.save.saved.note.phiConfirmations,
          }}
          onKeepMine={() => void n.resolveConflict('mine')}
          onUseSaved={() => void n.resolveConflict('theirs')}
        />
      ) : null}
    </section>
  );
}
