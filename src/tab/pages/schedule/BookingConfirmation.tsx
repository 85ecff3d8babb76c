import { useEffect, useRef } from 'react';
import { Card, CardHeader, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { Link as RouterLink } from 'react-router';
import type { BookSessionResponse } from '../../../core/api.js';
import { formatDateTime, formatTimeRange } from '../../dates.js';
import { JoinLink } from '../../components/JoinLink.js';
import { strings } from '../../strings.js';
import { AgendaView } from '../session/AgendaView.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  agenda: {
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
});

export function BookingConfirmation({ booked, locale }: { booked: BookSessionResponse; locale: string }) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  // The confirmation appears above the slot that was clicked: take focus there so it is seen and announced.
  useEffect(() => heading.current?.focus(), [booked]);
  return (
    <Card aria-labelledby="booked-title">
      <CardHeader
        header={
          <Text
            as="h2"
            id="booked-title"
            ref={heading}
            tabIndex={-1}
            size={500}
            weight="semibold"
            style={{ margin: 0 }}
          >
            {strings.schedule.bookedTitle}
          </Text>
        }
      />
      <ul className={styles.list}>
        {booked.sessions.map(({ session, movedFrom }) => (
          <li key={session.id}>
            <RouterLink
              to={`/tab/sessions/${encodeURIComponent(session.id)}`}
              style={{ color: tokens.colorBrandForegroundLink }}
            >
              {formatTimeRange(session.start, session.end, locale)}
            </RouterLink>
            <JoinLink url={session.joinUrl} />
            {movedFrom ? (
              <Text size={200} block>
                {strings.schedule.moved(formatDateTime(movedFrom, locale))}
              </Text>
            ) : null}
          </li>
        ))}
      </ul>
      {booked.agendaPostedTo.length ? (
        <MessageBar intent="success">
          <MessageBarBody>{strings.schedule.agendaPosted(booked.agendaPostedTo.join(', '))}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Text as="h3" weight="semibold" style={{ margin: 0 }}>
        {strings.schedule.agenda}
      </Text>
      <div className={styles.agenda}>
        <AgendaView agenda={booked.agendaText} />
      </div>
    </Card>
  );
}
