import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { strings } from '../../strings.js';
import { PairCard } from './PairCard.js';
import { useMyPairs } from './useMyPairs.js';
import { stackedList } from '../../../ui/styles.js';

const TouchpointDialog = lazy(() => import('./TouchpointDialog.js'));

/** Performance mark the tab benchmark reads: the first time the list is on screen. */
export const pairsRenderedMark = 'reciprocal:pairs-rendered';

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalM),
});

export function MyPairsPage() {
  const styles = useStyles();
  const { context, me } = useTabRuntime();
  const landed = useLocation().key === 'default';
  const { pairs, logTouchpoint, pendingAgreements } = useMyPairs();
  const [touchpointFor, setTouchpointFor] = useState<string | null>(null);
  const [logged, setLogged] = useState(false);

  useEffect(() => {
    if (pairs.status === 'ready' && performance.getEntriesByName(pairsRenderedMark).length === 0)
      performance.mark(pairsRenderedMark);
  }, [pairs.status]);

  if (pairs.status === 'loading' && !pairs.data) return <PageSkeleton />;
  if (pairs.status === 'failed' && !pairs.data) return <ErrorMessage error={pairs.error} onRetry={pairs.reload} />;
  const list = pairs.data ?? [];
  const active = list.find((s) => s.pair.id === touchpointFor);
  // Leads and the program owner without a pair of their own start on their dashboard (only on opening the tab).
  if (landed && list.length === 0 && (me.roles.includes('DepartmentLead') || me.roles.includes('ProgramOwner')))
    return <Navigate to="/tab/dashboard" replace />;

  return (
    <section aria-labelledby="pairs-title">
      <Text
        as="h1"
        id="pairs-title"
        size={600}
        weight="semibold"
        block
        style={{ margin: `0 0 ${tokens.spacingVerticalM}` }}
      >
        {strings.pairs.title}
      </Text>
      {logged ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{strings.touchpoint.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {list.length === 0 ? (
        <Text>{strings.pairs.empty}</Text>
      ) : (
        <ul className={styles.list} aria-label={strings.pairs.listLabel}>
          {list.map((summary) => (
            <li key={summary.pair.id}>
              <PairCard
                summary={summary}
                locale={context.locale}
                agreementPending={pendingAgreements.has(summary.pair.id)}
                onLogTouchpoint={() => {
                  setLogged(false);
                  setTouchpointFor(summary.pair.id);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {active ? (
        <Suspense fallback={null}>
          <TouchpointDialog
            open
            partnerName={active.partner.displayName}
            onClose={() => setTouchpointFor(null)}
            onSave={async (touchpoint) => {
              await logTouchpoint(active.pair.id, touchpoint);
              setLogged(true);
            }}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
