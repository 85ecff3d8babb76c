// A Teams meeting on my calendar that is not a session: link it to one of my pairs.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingOnCalendar, MeetingSession } from '../../../core/meetings.js';
import type { Direction, FocusArea } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { focusAreaMessage } from '../../../ui/FocusAreaPicker.js';
import { LinkToPairFields } from '../../../ui/LinkToPairFields.js';
import { useAction } from '../../../ui/useAction.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { meetingStrings } from './strings.js';

const s = meetingStrings.link;

export function LinkMeetingPanel({
  meeting,
  onLinked,
}: {
  meeting: MeetingOnCalendar;
  onLinked: (match: MeetingSession) => void;
}) {
  const { api } = useTabRuntime();
  const pairs = useResource(async () => (await api.pairs()).filter((p) => p.pair.status === 'active'), [api]);
  const [chosen, setChosen] = useState('');
  const [direction, setDirection] = useState<Direction>('both');
  const [focusAreas, setFocusAreas] = useState<FocusArea[]>([]);
  const [tried, setTried] = useState(false);
  const { working, error, run } = useAction();
  const pairId = chosen || (pairs.data?.find((p) => p.pair.id === meeting.markedPairId) ?? pairs.data?.[0])?.pair.id;
  const problem = focusAreas.length === 0 ? s.pickFocusArea : focusAreaMessage(direction, focusAreas);

  async function submit() {
    setTried(true);
    if (!pairId || problem) return;
    await run(async () => onLinked(await api.linkMeeting({ eventId: meeting.eventId, pairId, direction, focusAreas })));
  }

  return (
    <section aria-labelledby="link-title" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Text as="h2" id="link-title" size={400} weight="semibold">
        {s.heading}
      </Text>
      <Text>{s.explain}</Text>
      {pairs.error ? <ErrorMessage error={pairs.error} onRetry={pairs.reload} /> : null}
      {pairs.data?.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>{s.noPairs}</MessageBarBody>
        </MessageBar>
      ) : null}
      {pairs.data?.length ? (
        <>
          <LinkToPairFields
            strings={s}
            pairs={pairs.data}
            choice={{ pairId: pairId ?? '', direction, focusAreas }}
            onChange={(next) => {
              setChosen(next.pairId);
              setDirection(next.direction);
              setFocusAreas(next.focusAreas);
            }}
            validation={tried ? problem : undefined}
          />
          <div>
            <Button appearance="primary" disabled={working} onClick={() => void submit()}>
              {working ? s.submitting : s.submit}
            </Button>
          </div>
        </>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
