// Browser-hosted only: pick which meeting on my calendar the simulated
// Outlook item is, as organizer or attendee, the way Outlook would open it.
import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Skeleton,
  SkeletonItem,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CalendarMeeting } from '../core/meetings.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import type { MeetingApi } from './meetingApi.js';
import type { SimulatedItemState } from './simulatedMailbox.js';
import { paneStrings } from './strings.js';

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));

export function SimulatedMeetingPicker({
  meetings,
  onPick,
}: {
  meetings: MeetingApi;
  onPick: (state: SimulatedItemState) => void;
}) {
  const [list, setList] = useState<CalendarMeeting[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    meetings.meetings().then(
      (m) => live && setList(m),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [meetings, attempt]);

  const s = paneStrings.browserHosted;
  return (
    <section aria-labelledby="pick-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.title}</MessageBarTitle>
          {s.explain}
        </MessageBarBody>
      </MessageBar>
      <Text as="h1" id="pick-title" size={500} weight="semibold">
        {s.pick}
      </Text>
      {error ? <ErrorMessage error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!list && !error ? (
        <Skeleton aria-label={s.pick}>
          <SkeletonItem size={48} />
          <SkeletonItem size={48} style={{ marginTop: 8 }} />
        </Skeleton>
      ) : null}
      {list && list.length === 0 ? <Text>{s.none}</Text> : null}
      {list && list.length > 0 ? (
        <ul
          aria-label={s.pick}
          style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}
        >
          {list.map((m) => (
            <li key={m.eventId}>
              <Card>
                <CardHeader
                  header={<Text weight="semibold">{m.subject || '(no subject)'}</Text>}
                  description={
                    <Text size={200}>{`${when(m.start)} · ${s.asRole(m.isOrganizer ? 'organizer' : 'attendee')}`}</Text>
                  }
                  action={
                    <Button
                      aria-label={s.open(m.subject)}
                      onClick={() =>
                        onPick({
                          role: m.isOrganizer ? 'organizer' : 'attendee',
                          eventId: m.eventId,
                          subject: m.subject,
                          categories: m.categories,
                          bodyHtml: m.bodyHtml,
                        })
                      }
                    >
                      Open
                    </Button>
                  }
                />
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
