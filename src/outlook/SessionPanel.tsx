// A meeting that is one of my sessions: who and when, the agenda (insert into
// the body as organizer, read as attendee), and my note for it.
import {
  Button,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ApiClient } from '../client/api.js';
import type { MeetingSession } from '../core/meetings.js';
import type { Me } from '../core/schemas.js';
import { uiStrings } from '../ui/strings.js';
import { useAction } from '../ui/useAction.js';
import { hasAgenda } from './agendaBody.js';
import type { MeetingItem } from './meetingItem.js';
import { PaneError } from './PaneError.js';
import { paneStrings } from './strings.js';
import { insertAgenda, type InsertOutcome } from './taskPaneActions.js';

// The note (with the PHI guard and its name finder) loads after the pane is on screen.
const MeetingNote = lazy(() => import('./MeetingNote.js').then((m) => ({ default: m.MeetingNote })));

const useStyles = makeStyles({
  agenda: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase300,
    '& h2': { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0` },
    '& h3': { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}` },
    '& ul': { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  },
});

const time = (iso: string, withDate: boolean) =>
  new Intl.DateTimeFormat(
    undefined,
    withDate
      ? { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
      : { hour: 'numeric', minute: '2-digit' },
  ).format(new Date(iso));

export function SessionPanel({
  item,
  match,
  api,
  me,
  onBodyChanged,
}: {
  item: MeetingItem;
  match: MeetingSession;
  api: ApiClient;
  me: Me;
  onBodyChanged: () => void;
}) {
  const { session, pair, agendaHtml } = match;
  const partner = pair.members.find((m) => m.userId !== me.id) ?? pair.members[1];
  const s = paneStrings.session;
  return (
    <>
      <section aria-labelledby="session-title" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        <Text as="h2" id="session-title" size={400} weight="semibold">
          {s.heading(partner.displayName)}
        </Text>
        <Text>{s.when(time(session.start, true), time(session.end, false))}</Text>
        <Text size={200}>
          {uiStrings.direction[session.direction]} · {session.focusAreas.map((a) => uiStrings.focusArea(a)).join(', ')}
        </Text>
      </section>
      <Divider />
      <AgendaSection item={item} agendaHtml={agendaHtml} onBodyChanged={onBodyChanged} />
      <Divider />
      <Suspense fallback={<Spinner size="small" />}>
        <MeetingNote api={api} me={me} sessionId={session.id} partnerName={partner.displayName} />
      </Suspense>
    </>
  );
}

function AgendaSection({
  item,
  agendaHtml,
  onBodyChanged,
}: {
  item: MeetingItem;
  agendaHtml: string | null;
  onBodyChanged: () => void;
}) {
  const s = paneStrings.session;
  const styles = useStyles();
  const [inBody, setInBody] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<InsertOutcome | null>(null);
  const { working, error, run } = useAction();

  useEffect(() => {
    if (item.role !== 'organizer') return;
    let live = true;
    item.bodyHtml().then(
      (b) => live && setInBody(hasAgenda(b)),
      () => live && setInBody(false),
    );
    return () => {
      live = false;
    };
  }, [item]);

  async function insert() {
    if (!agendaHtml) return;
    setOutcome(null);
    await run(async () => {
      const result = await insertAgenda(item, agendaHtml);
      setOutcome(result);
      setInBody(true);
      if (result !== 'unchanged') onBodyChanged();
    });
  }

  return (
    <section aria-labelledby="agenda-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h2" id="agenda-title" size={400} weight="semibold">
        {s.agenda}
      </Text>
      {!agendaHtml ? <Text>{s.noAgenda}</Text> : null}
      {agendaHtml && item.role === 'organizer' ? (
        <div>
          <Button
            appearance="primary"
            disabled={working || inBody === null}
            onClick={() => void insert()}
            icon={working ? <Spinner size="tiny" /> : undefined}
          >
            {working ? s.inserting : inBody ? s.update : s.insert}
          </Button>
        </div>
      ) : null}
      {agendaHtml && item.role === 'attendee' ? <Text size={200}>{s.attendeeAgenda}</Text> : null}
      {outcome ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{s[outcome]}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <PaneError error={error} /> : null}
      {agendaHtml ? (
        // Rendered by src/core/agenda's HTML renderer, which escapes every name and item.
        <div aria-label={s.agenda} className={styles.agenda} dangerouslySetInnerHTML={{ __html: agendaHtml }} />
      ) : null}
    </section>
  );
}
