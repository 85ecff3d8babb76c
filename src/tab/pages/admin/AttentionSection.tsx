// What the program owner should look at: sessions the two people marked
// differently (one says they met, the other that it did not happen) and pairs
// whose partner left the program. Each links to the pair's history.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Link as RouterLink } from 'react-router';
import { OwnerAttention } from '../../../core/sessions/feedback.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useResource } from '../../../ui/useResource.js';
import { formatDateTime } from '../../dates.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { historyStrings } from '../history/strings.js';
import { attentionStrings as s } from './attentionStrings.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { overflowWrap: 'anywhere' },
  link: { color: tokens.colorBrandForegroundLink },
});

const historyPath = (pairId: string) => `/tab/pairs/${encodeURIComponent(pairId)}/history`;
const said = (outcome: string) => historyStrings.outcomes[outcome] ?? outcome;

export function AttentionSection() {
  const styles = useStyles();
  const { api, context } = useTabRuntime();
  const attention = useResource(() => api.json(OwnerAttention, 'GET', '/api/session-loop/attention'), [api]);
  const heading = (
    <Text as="h2" id="attention-heading" size={500} weight="semibold" style={{ margin: 0 }}>
      {s.title}
    </Text>
  );
  if (!attention.data)
    return (
      <section className={styles.section} aria-labelledby="attention-heading">
        {heading}
        {attention.status === 'failed' ? (
          <ErrorMessage error={attention.error} onRetry={attention.reload} />
        ) : (
          <Text>{s.loading}</Text>
        )}
      </section>
    );
  const { disagreements, partnersLeft } = attention.data;
  return (
    <section className={styles.section} aria-labelledby="attention-heading">
      {heading}
      {disagreements.length === 0 && partnersLeft.length === 0 && <Text>{s.nothing}</Text>}
      {disagreements.length > 0 && (
        <>
          <Text as="h3" weight="semibold" style={{ margin: 0 }}>
            {s.disagreements(disagreements.length)}
          </Text>
          <ul className={styles.list}>
            {disagreements.map((d) => (
              <li key={d.sessionId} className={styles.item}>
                <Text>
                  {formatDateTime(d.start, context.locale)}:{' '}
                  {d.answers.map((a) => `${a.displayName}: ${said(a.outcome)}`).join(' · ')}.{' '}
                </Text>
                <RouterLink to={historyPath(d.pairId)} className={styles.link}>
                  {s.openHistory}
                </RouterLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {partnersLeft.length > 0 && (
        <>
          <Text as="h3" weight="semibold" style={{ margin: 0 }}>
            {s.partnersLeft(partnersLeft.length)}
          </Text>
          <ul className={styles.list}>
            {partnersLeft.map((p) => (
              <li key={`${p.pairId}|${p.leftId}`} className={styles.item}>
                <Text>{s.left(p.leftName, p.remainingName, formatDateTime(p.when, context.locale))} </Text>
                <RouterLink to={historyPath(p.pairId)} className={styles.link}>
                  {s.openHistory}
                </RouterLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
