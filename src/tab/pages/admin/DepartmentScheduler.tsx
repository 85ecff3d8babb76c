import {
  Button,
  Card,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { SelectField } from '../../components/SelectField.js';
import { strings } from '../../strings.js';
import type { JobState } from './useProgramAdmin.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  failures: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function DepartmentScheduler({
  departments,
  job,
  onStart,
}: {
  departments: string[];
  job: JobState;
  onStart: (department: string, dryRun: boolean) => void;
}) {
  const styles = useStyles();
  const [department, setDepartment] = useState(departments[0] ?? '');
  const [dryRun, setDryRun] = useState(false);
  const current = job.status === 'running' ? job.job : job.status === 'finished' ? job.job : null;
  const chosen = departments.includes(department) ? department : (departments[0] ?? '');

  return (
    <Card aria-labelledby="department-title">
      <Text as="h2" id="department-title" size={500} weight="semibold" style={{ margin: 0 }}>
        {strings.admin.scheduleDepartment}
      </Text>
      <div className={styles.row}>
        <SelectField
          label={strings.admin.departmentLabel}
          value={chosen}
          options={departments}
          optionLabel={(d) => d}
          onChange={setDepartment}
        />
        <Checkbox label={strings.admin.dryRun} checked={dryRun} onChange={(_, d) => setDryRun(Boolean(d.checked))} />
        <Button
          appearance="primary"
          disabled={!chosen || job.status === 'running'}
          onClick={() => onStart(chosen, dryRun)}
        >
          {strings.admin.scheduleAll}
        </Button>
      </div>
      {job.status === 'running' ? (
        <Field
          validationMessage={current ? strings.admin.progress(current.scheduled, current.total) : strings.loading}
          validationState="none"
        >
          <ProgressBar
            value={current && current.total ? current.scheduled / current.total : undefined}
            aria-label={strings.admin.scheduleDepartment}
          />
        </Field>
      ) : null}
      {job.status === 'finished' ? (
        <MessageBar
          intent={job.job.status === 'failed' ? 'error' : job.job.failed.length ? 'warning' : 'success'}
          role="status"
          layout="multiline"
        >
          <MessageBarBody>
            {job.job.status === 'failed'
              ? strings.admin.jobFailed
              : strings.admin.jobDone(job.job.scheduled, job.job.failed.length)}
            {job.job.failed.length ? (
              <ul className={styles.failures} aria-label={strings.admin.notScheduled}>
                {job.job.failed.map((f) => (
                  <li key={f.pairId}>{f.reason}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {job.status === 'failed' ? <ErrorMessage error={job.error} /> : null}
    </Card>
  );
}
