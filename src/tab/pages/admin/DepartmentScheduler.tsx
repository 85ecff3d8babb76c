// Bulk scheduling a department: a preview lists each pair's proposed time in
// both people's zones and the pairs that could not be placed, with why;
// booking asks first, naming how many sessions it will book.
import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PairSummary } from '../../../core/api.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { SelectField } from '../../components/SelectField.js';
import { strings } from '../../strings.js';
import { DepartmentPlan } from './DepartmentPlan.js';
import type { JobState } from './useProgramAdmin.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
});

/** Active pairs with someone in the department: what a run would try to book. */
function activePairsIn(pairs: readonly PairSummary[], department: string): number {
  return pairs.filter((s) => s.pair.status === 'active' && s.pair.members.some((m) => m.department === department))
    .length;
}

export function DepartmentScheduler({
  departments,
  pairs,
  locale,
  job,
  onStart,
}: {
  departments: string[];
  pairs: readonly PairSummary[];
  locale: string;
  job: JobState;
  onStart: (department: string, dryRun: boolean) => void;
}) {
  const styles = useStyles();
  const [department, setDepartment] = useState(departments[0] ?? '');
  const [confirming, setConfirming] = useState(false);
  const current = job.status === 'running' ? job.job : job.status === 'finished' ? job.job : null;
  const chosen = departments.includes(department) ? department : (departments[0] ?? '');
  const previewed =
    job.status === 'finished' && job.job.dryRun && job.job.department === chosen && job.job.result
      ? job.job.result.scheduled.length
      : null;
  const count = previewed ?? activePairsIn(pairs, chosen);

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
        <Button disabled={!chosen || job.status === 'running'} onClick={() => onStart(chosen, true)}>
          {strings.admin.preview}
        </Button>
        <Button
          appearance="primary"
          disabled={!chosen || job.status === 'running' || count === 0}
          onClick={() => setConfirming(true)}
        >
          {strings.admin.scheduleAll}
        </Button>
      </div>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{strings.admin.confirmScheduleTitle(chosen)}</DialogTitle>
            <DialogContent>{strings.admin.confirmSchedule(count, chosen)}</DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>{strings.admin.keepUnbooked}</Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  onStart(chosen, false);
                }}
              >
                {strings.admin.bookCount(count)}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
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
              : job.job.dryRun
                ? strings.admin.previewDone(job.job.scheduled, job.job.failed.length)
                : strings.admin.jobDone(job.job.scheduled, job.job.failed.length)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {job.status === 'finished' && job.job.status !== 'failed' ? (
        <DepartmentPlan job={job.job} pairs={pairs} locale={locale} />
      ) : null}
      {job.status === 'failed' ? <ErrorMessage error={job.error} /> : null}
    </Card>
  );
}
