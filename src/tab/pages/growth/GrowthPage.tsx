// Growth: the pair's agreement, my goals, my self-assessment and my
// participation record. `?pairId=` shows that pair's agreement first;
// `?assess=1` takes the person to the self-assessment.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { stackedList } from '../../../ui/styles.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { AgreementCard } from './AgreementSection.js';
import { AssessmentSection } from './AssessmentSection.js';
import { GoalsSection } from './GoalsSection.js';
import { RecordSection } from './RecordSection.js';
import { growthStrings } from './strings.js';
import { useGrowth } from './useGrowth.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  list: stackedList(tokens.spacingVerticalM),
});

export default function GrowthPage() {
  const styles = useStyles();
  const { me, context } = useTabRuntime();
  const { growth, accept, addGoal, updateGoal, assess, downloadRecord } = useGrowth();
  const [params] = useSearchParams();
  const pairId = params.get('pairId');
  // `?assess=1` (the prompt after enrolling): straight to the self-assessment once the page has loaded.
  const assessFirst = params.get('assess') === '1';
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = growth.data !== null;
  useEffect(() => {
    const target = assessFirst ? document.getElementById('assessment-heading') : heading.current;
    target?.scrollIntoView?.({ block: 'start' });
    target?.focus();
  }, [assessFirst, loaded]);

  const title = (
    <Text as="h1" size={600} weight="semibold" ref={heading} tabIndex={-1}>
      {growthStrings.title}
    </Text>
  );
  if (growth.status === 'loading' && !growth.data) return <PageSkeleton />;
  if (!growth.data) return <ErrorMessage error={growth.error} onRetry={growth.reload} />;
  const { agreements, goals, assessments } = growth.data;
  const ordered = [...agreements].sort((a, b) => Number(b.pairId === pairId) - Number(a.pairId === pairId));
  return (
    <div className={styles.page}>
      {title}
      {growth.error ? <ErrorMessage error={growth.error} onRetry={growth.reload} /> : null}
      <section aria-label={growthStrings.agreement.heading}>
        {ordered.length === 0 ? (
          <Text>{growthStrings.agreement.none}</Text>
        ) : (
          <ul className={styles.list}>
            {ordered.map((a) => (
              <li key={a.pairId}>
                <AgreementCard agreement={a} me={me.id} locale={context.locale} onAccept={() => accept(a.pairId)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <GoalsSection goals={goals} locale={context.locale} onAdd={addGoal} onUpdate={updateGoal} />
      <AssessmentSection
        key={assessments.at(-1)?.id ?? 'none'}
        latest={assessments.at(-1)}
        locale={context.locale}
        onSave={assess}
      />
      <RecordSection onDownload={downloadRecord} />
    </div>
  );
}
