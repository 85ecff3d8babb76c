import {
  Badge,
  Button,
  Card,
  CardFooter,
  CardHeader,
  Link,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { PairSummary } from '../../../core/api.js';
import { DirectionBalanceBar } from '../../components/DirectionBalanceBar.js';
import { PersonAvatar } from '../../components/PersonAvatar.js';
import { formatTimeRange } from '../../dates.js';
import { strings } from '../../strings.js';
import { pairCardStrings } from './strings.js';

const useStyles = makeStyles({
  card: { maxWidth: '100%' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  label: { display: 'block', color: tokens.colorNeutralForeground3 },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  link: { alignSelf: 'center', color: tokens.colorBrandForegroundLink },
  footer: { flexWrap: 'wrap' },
});

export function PairCard({
  summary,
  locale,
  agreementPending = false,
  onLogTouchpoint,
}: {
  summary: PairSummary;
  locale: string;
  /** Not both people have accepted the pair agreement yet (sessions can still be booked). */
  agreementPending?: boolean;
  onLogTouchpoint: () => void;
}) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { partner, pair, nextSession, openActionItems, balance } = summary;
  const headingId = `pair-${pair.id}-heading`;
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardHeader
        image={<PersonAvatar name={partner.displayName} size={48} />}
        header={
          <Text id={headingId} as="h3" weight="semibold" size={400} style={{ margin: 0 }}>
            {partner.displayName}
          </Text>
        }
        description={
          <div className={styles.badges}>
            <Text size={200}>{partner.department}</Text>
            <Badge appearance="tint" color="brand">
              {strings.careerStage[partner.careerStage]}
            </Badge>
            <Badge appearance="outline" color="informative">
              {strings.pairs.cadence[pair.cadence]}
            </Badge>
            {pair.status !== 'active' ? (
              <Badge appearance="filled" color="warning">
                {strings.pairs.status[pair.status]}
              </Badge>
            ) : null}
            {agreementPending ? (
              <Badge appearance="filled" color="warning">
                {pairCardStrings.agreementPending}
              </Badge>
            ) : null}
          </div>
        }
      />
      <div className={styles.facts}>
        <div>
          <Text className={styles.label} size={200}>
            {strings.pairs.balance}
          </Text>
          <DirectionBalanceBar balance={balance} />
        </div>
        <div>
          <Text className={styles.label} size={200}>
            {strings.pairs.nextSession}
          </Text>
          {nextSession ? (
            <Link
              as="a"
              href={`/tab/sessions/${encodeURIComponent(nextSession.id)}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/tab/sessions/${encodeURIComponent(nextSession.id)}`);
              }}
            >
              {formatTimeRange(nextSession.start, nextSession.end, locale)} ·{' '}
              {strings.directionShort[nextSession.direction]}
            </Link>
          ) : (
            <Text>{strings.pairs.noNextSession}</Text>
          )}
        </div>
        <div>
          <Text className={styles.label} size={200}>
            {strings.pairs.openActionItems}
          </Text>
          {openActionItems.length ? (
            <ul className={styles.items}>
              {openActionItems.map((item) => (
                <li key={`${item.sessionId}-${item.id}`}>
                  <Text>{item.text}</Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text>{strings.pairs.noOpenActionItems}</Text>
          )}
        </div>
      </div>
      <CardFooter className={styles.footer}>
        <Button
          appearance="primary"
          disabled={pair.status === 'ended'}
          onClick={() => navigate(`/tab/pairs/${encodeURIComponent(pair.id)}`)}
        >
          {strings.pairs.schedule}
        </Button>
        <Button onClick={onLogTouchpoint} disabled={pair.status === 'ended'}>
          {strings.pairs.logTouchpoint}
        </Button>
        <RouterLink to={`/tab/pairs/${encodeURIComponent(pair.id)}/history`} className={styles.link}>
          {pairCardStrings.allSessions}
        </RouterLink>
        <RouterLink to={`/tab/growth?pairId=${encodeURIComponent(pair.id)}`} className={styles.link}>
          {pairCardStrings.growth}
        </RouterLink>
        {summary.lastSession ? (
          <RouterLink
            to={`/tab/sessions/${encodeURIComponent(summary.lastSession.id)}`}
            style={{ alignSelf: 'center', color: tokens.colorBrandForegroundLink }}
          >
            {strings.pairs.openSession}
          </RouterLink>
        ) : null}
      </CardFooter>
    </Card>
  );
}
