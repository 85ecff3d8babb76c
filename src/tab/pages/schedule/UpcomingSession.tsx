import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Session } from '../../../core/schemas.js';
import { formatTimeRangeInZone } from '../../dates.js';
import { strings } from '../../strings.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
});

export function UpcomingSession({
  session,
  locale,
  timeZone,
  rebooking,
  onRebook,
  onCancel,
  busy,
}: {
  session: Session;
  locale: string;
  /** The viewer's mailbox time zone. */
  timeZone: string | null;
  rebooking: boolean;
  onRebook: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card>
      <div className={styles.row}>
        <div className={styles.grow}>
          <RouterLink
            to={`/tab/sessions/${encodeURIComponent(session.id)}`}
            style={{ color: tokens.colorBrandForegroundLink }}
          >
            {formatTimeRangeInZone(session.start, session.end, locale, timeZone)}
          </RouterLink>
          <Text size={200} block>
            {strings.directionShort[session.direction]} · {session.focusAreas.map(strings.focusArea).join(', ')}
          </Text>
          {session.joinUrl ? (
            <Link href={session.joinUrl} target="_blank" rel="noreferrer">
              {strings.schedule.joinLink}
            </Link>
          ) : null}
        </div>
        <Button
          appearance={rebooking ? 'primary' : 'secondary'}
          onClick={onRebook}
          disabled={busy}
          aria-pressed={rebooking}
        >
          {strings.schedule.rebook}
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={busy}>
          {strings.schedule.cancelSession}
        </Button>
      </div>
      {rebooking ? <Text size={200}>{strings.schedule.pickNewTime}</Text> : null}
      <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{strings.schedule.cancelSession}</DialogTitle>
            <DialogContent>{strings.schedule.confirmCancel}</DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>{strings.schedule.keep}</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  onCancel();
                }}
              >
                {strings.schedule.cancelSession}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Card>
  );
}
