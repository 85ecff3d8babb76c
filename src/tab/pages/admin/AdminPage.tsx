import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { strings } from '../../strings.js';
import { AgreementTemplateSection } from './AgreementTemplateSection.js';
import { AttentionSection } from './AttentionSection.js';
import { CreatePairForm } from './CreatePairForm.js';
import { DepartmentScheduler } from './DepartmentScheduler.js';
import { ProgramPairsTable } from './ProgramPairsTable.js';
import { useProgramAdmin } from './useProgramAdmin.js';

const useStyles = makeStyles({ page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL } });

export default function AdminPage() {
  const styles = useStyles();
  const { me, context } = useTabRuntime();
  const admin = useProgramAdmin();
  if (!me.roles.includes('ProgramOwner')) return <Text role="alert">{strings.admin.forbidden}</Text>;
  if (!admin.pairs.data)
    return admin.pairs.status === 'failed' ? (
      <ErrorMessage error={admin.pairs.error} onRetry={admin.pairs.reload} />
    ) : (
      <PageSkeleton />
    );
  const pairs = admin.pairs.data;
  const unscheduled = pairs.filter((s) => s.pair.status === 'active' && !s.nextSession);
  const departments = [
    ...new Set(pairs.filter((s) => s.pair.status === 'active').flatMap((s) => s.pair.members.map((m) => m.department))),
  ].sort();

  return (
    <div className={styles.page}>
      <Text as="h1" size={600} weight="semibold" style={{ margin: 0 }}>
        {strings.admin.title}
      </Text>
      <AttentionSection />
      <CreatePairForm search={admin.searchPeople} onCreate={admin.createPair} />
      <DepartmentScheduler
        departments={departments}
        pairs={pairs}
        locale={context.locale}
        job={admin.job}
        onStart={(d, dry) => void admin.scheduleDepartment(d, dry)}
      />
      <ProgramPairsTable
        title={strings.admin.unscheduled}
        pairs={unscheduled}
        locale={context.locale}
        emptyText={strings.admin.allScheduled}
      />
      <ProgramPairsTable title={strings.admin.pairs} pairs={pairs} locale={context.locale} onEnd={admin.endPair} />
      <AgreementTemplateSection />
    </div>
  );
}
