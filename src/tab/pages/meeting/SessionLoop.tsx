// After the meeting: did it happen? Marks the session held or no-show.
import { Button, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Session, SessionStatus } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { meetingStrings as s } from './strings.js';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

export function SessionLoop({ session, onChanged }: { session: Session; onChanged: (session: Session) => void }) {
  const styles = useStyles();
  const { api } = useTabRuntime();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mark = async (status: SessionStatus) => {
    setWorking(true);
    setError(null);
    try {
      onChanged(await api.setSessionStatus(session.id, status));
    } catch (e) {
      setError(e);
    } finally {
      setWorking(false);
    }
  };
  return (
    <Card aria-labelledby="loop-title">
      <Text as="h2" id="loop-title" weight="semibold" size={500} style={{ margin: 0 }}>
        {s.loop.heading}
      </Text>
      <Text>{s.loop.marked(s.loop.statusName[session.status] ?? session.status)}</Text>
      <div className={styles.actions}>
        <Button disabled={working || session.status === 'held'} onClick={() => void mark('held')}>
          {s.loop.held}
        </Button>
        <Button disabled={working || session.status === 'no-show'} onClick={() => void mark('no-show')}>
          {s.loop.noShow}
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </Card>
  );
}
