// My shared-learning note for this meeting's session: the note both surfaces
// share (PHI highlighting, action items, focus areas, drafts, conflicts).
import { Skeleton, SkeletonItem, Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ApiClient } from '../client/api.js';
import type { Me } from '../core/schemas.js';
import { MyNote } from '../ui/note/MyNote.js';
import { deviceStorage, NoteDrafts } from '../ui/note/noteDrafts.js';
import { useNote } from '../ui/note/useNote.js';
import { useResource } from '../ui/useResource.js';
import { PaneError } from './PaneError.js';
import { paneStrings } from './strings.js';

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
  const drafts = useMemo(() => {
    const device = deviceStorage();
    return new NoteDrafts(api, device.storage, device.lasts);
  }, [api]);
  const detail = useResource(() => api.session(sessionId), [api, sessionId]);
  const note = useNote({ api, userId: me.id, sessionId, drafts }, detail.data);
  return (
    <section aria-labelledby="note-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h2" id="note-title" size={400} weight="semibold">
        {paneStrings.notes.heading}
      </Text>
      {detail.error ? <PaneError error={detail.error} /> : null}
      {!note.note && !detail.error ? (
        <Skeleton aria-label={paneStrings.notes.heading}>
          <SkeletonItem size={64} />
          <SkeletonItem size={64} style={{ marginTop: 8 }} />
        </Skeleton>
      ) : null}
      {detail.data?.partnerNote ? <Text size={200}>{paneStrings.notes.partnerWrote(partnerName)}</Text> : null}
      <MyNote state={note} renderError={(error) => <PaneError error={error} />} />
    </section>
  );
}
