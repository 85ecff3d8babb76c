// One meeting: is it one of my Reciprocal sessions? If so, its agenda (into
// the body, for the organizer) and my note; if not, link it to a pair.
import { Badge, Button, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../client/api.js';
import type { MeetingLookup, MeetingSession } from '../core/meetings.js';
import type { Me } from '../core/schemas.js';
import { LinkMeetingForm } from './LinkMeetingForm.js';
import type { MeetingApi } from './meetingApi.js';
import type { MeetingItem } from './meetingItem.js';
import { PaneError } from './PaneError.js';
import { SessionPanel } from './SessionPanel.js';
import type { SimulatedItemState } from './simulatedMailbox.js';
import { paneStrings } from './strings.js';
import { meetingStatus } from './taskPaneActions.js';

interface Loaded {
  subject: string;
  eventId: string | null;
  categories: string[];
  lookup: MeetingLookup | null;
}

export function TaskPane({
  item,
  api,
  meetings,
  me,
  simulated,
}: {
  item: MeetingItem;
  api: ApiClient;
  meetings: MeetingApi;
  me: Me;
  simulated: { state: SimulatedItemState; change: () => void } | null;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [match, setMatch] = useState<MeetingSession | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [bodyVersion, setBodyVersion] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    (async () => {
      const [subject, eventId, categories] = await Promise.all([item.subject(), item.eventId(), item.categories()]);
      const lookup = eventId ? await meetings.lookup(eventId) : null;
      if (!live) return;
      setLoaded({ subject, eventId, categories, lookup });
      setMatch(lookup?.match ?? null);
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [item, meetings, attempt]);

  const bodyChanged = useCallback(() => setBodyVersion((v) => v + 1), []);
  const status = loaded ? meetingStatus(loaded.categories, match) : null;

  return (
    <>
      <header style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <Text as="h1" size={500} weight="semibold" style={{ margin: 0 }}>
            {loaded?.subject || paneStrings.appName}
          </Text>
          <Badge appearance="tint" color={item.role === 'organizer' ? 'brand' : 'informative'}>
            {paneStrings.role[item.role]}
          </Badge>
        </div>
        {simulated ? (
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Text size={200}>{paneStrings.browserHosted.title}</Text>
            <Button size="small" appearance="subtle" onClick={simulated.change}>
              {paneStrings.browserHosted.change}
            </Button>
          </div>
        ) : null}
      </header>

      {error ? <PaneError error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {!loaded && !error ? (
        <Skeleton aria-label={paneStrings.starting}>
          <SkeletonItem size={24} />
          <SkeletonItem size={96} style={{ marginTop: 8 }} />
        </Skeleton>
      ) : null}
      {loaded && !loaded.eventId ? (
        <MessageBar intent="info">
          <MessageBarBody>{paneStrings.notSaved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {loaded && status === 'session' && match ? (
        <SessionPanel item={item} match={match} api={api} me={me} onBodyChanged={bodyChanged} />
      ) : null}
      {loaded && status === 'marked-not-mine' ? (
        <MessageBar intent="info">
          <MessageBarBody>{paneStrings.session.markedNotMine}</MessageBarBody>
        </MessageBar>
      ) : null}
      {loaded && loaded.eventId && status === 'not-a-session' ? (
        <LinkMeetingForm
          api={api}
          meetings={meetings}
          eventId={loaded.eventId}
          suggestedPairId={loaded.lookup?.meeting?.markedPairId ?? null}
          onLinked={setMatch}
        />
      ) : null}

      {simulated ? <SimulatedBody item={item} version={bodyVersion} /> : null}
    </>
  );
}

/** Browser-hosted only: what Outlook would show as the meeting body, in a sandboxed frame (it is someone's HTML). */
function SimulatedBody({ item, version }: { item: MeetingItem; version: number }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    item.bodyHtml().then(
      (b) => live && setHtml(b),
      () => live && setHtml(''),
    );
    return () => {
      live = false;
    };
  }, [item, version]);
  return (
    <section
      aria-labelledby="simulated-body-title"
      style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
    >
      <Text as="h2" id="simulated-body-title" size={300} weight="semibold">
        {paneStrings.browserHosted.bodyTitle}
      </Text>
      <iframe
        title={paneStrings.browserHosted.bodyTitle}
        // No scripts run in it; same origin only so it paints like the rest of the page.
        sandbox="allow-same-origin"
        srcDoc={
          html === null
            ? ''
            : `<style>body{font-family:Aptos,Calibri,"Segoe UI",sans-serif;font-size:14px;margin:8px}</style>${html}`
        }
        style={{ width: '100%', minHeight: 320, border: '1px solid #d1d1d1', borderRadius: 4, background: '#fff' }}
      />
    </section>
  );
}
