// Pairing rounds (program owner): invite people, start a round, edit the proposal (lock, swap, drop,
// re-run), publish, see when the next round is due and who asked for a change.
import { makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import type { ChangeRequest } from '../../../core/enrollment/index.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { EnrollPanel } from './EnrollPanel.js';
import { ProposalView } from './ProposalView.js';
import { StartRoundForm } from './StartRoundForm.js';
import { roundsStrings as s } from './strings.js';
import { useRounds } from './useRounds.js';

const useStyles = makeStyles({ page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL } });

function ChangeRequests({ requests }: { requests: ChangeRequest[] }) {
  return (
    <section aria-labelledby="changes-heading">
      <Text as="h2" id="changes-heading" size={500} weight="semibold">
        {s.changes.heading}
      </Text>
      {requests.length === 0 ? (
        <Text as="p">{s.changes.none}</Text>
      ) : (
        <ul>
          {requests.map((r) => (
            <li key={`${r.pairId}|${r.requestedBy}`}>
              {s.changes.line(r.requestedByName, r.partnerName, r.requestedAt.slice(0, 10))}
              {r.reason && `: ${r.reason}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function RoundsPage() {
  const styles = useStyles();
  const { me } = useTabRuntime();
  const rounds = useRounds();
  if (!me.roles.includes('ProgramOwner')) return <Text role="alert">{s.forbidden}</Text>;
  if (!rounds.summaries.data || !rounds.enrolled.data)
    return rounds.summaries.status === 'failed' ? (
      <ErrorMessage error={rounds.summaries.error} onRetry={rounds.summaries.reload} />
    ) : (
      <PageSkeleton />
    );
  const people = rounds.enrolled.data;
  const count = (status: string) => people.filter((p) => p.status === status).length;
  const departments = [...new Set(people.filter((p) => p.status === 'active').map((p) => p.department))].sort();
  return (
    <div className={styles.page}>
      <Title2 as="h1">{s.title}</Title2>
      <Text>{s.enrolled(count('active'), count('invited'), count('paused'))}</Text>
      <StartRoundForm departments={departments} onStart={rounds.start} />
      {rounds.round && <ProposalView round={rounds.round} actions={rounds} />}
      {rounds.summaries.data.length > 1 && (
        <section aria-labelledby="history-heading">
          <Text as="h2" id="history-heading" size={500} weight="semibold">
            {s.history}
          </Text>
          <ul>
            {rounds.summaries.data.slice(1).map((r) => (
              <li key={r.id}>{s.roundLine(r.createdAt.slice(0, 10), r.status, r.pairs)}</li>
            ))}
          </ul>
        </section>
      )}
      <ChangeRequests requests={rounds.changes.data ?? []} />
      <EnrollPanel invite={rounds.invite} />
    </div>
  );
}
