// The owner invites people at once: a CSV file (validated row by row on the server) or an Entra group.
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { EnrollmentOutcome } from '../../../core/enrollment/index.js';
import { ApiError } from '../../../client/api.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { roundsStrings as s } from './strings.js';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

type Invite = (path: '/api/enrollment/csv' | '/api/enrollment/group', body: unknown) => Promise<EnrollmentOutcome>;

/** Each problem with its line: the server's outcome, or the details of a refused file. */
function problemsOf(outcome: EnrollmentOutcome | null, error: unknown): EnrollmentOutcome['problems'] {
  if (outcome) return outcome.problems;
  const details =
    error instanceof ApiError ? (error.details as { problems?: EnrollmentOutcome['problems'] } | undefined) : undefined;
  return details?.problems ?? [];
}

export function EnrollPanel({ invite }: { invite: Invite }) {
  const styles = useStyles();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [groupId, setGroupId] = useState('');
  const [outcome, setOutcome] = useState<EnrollmentOutcome | null>(null);
  const action = useAction();
  const run = (path: Parameters<Invite>[0], body: () => Promise<unknown>) =>
    void action.run(async () => {
      setOutcome(null);
      setOutcome(await invite(path, await body()));
    });
  const problems = problemsOf(outcome, action.error);
  return (
    <section className={styles.panel} aria-labelledby="enroll-heading">
      <Text as="h2" id="enroll-heading" size={500} weight="semibold">
        {s.enroll.heading}
      </Text>
      <div className={styles.row}>
        <div>
          <label htmlFor={fileId}>{s.enroll.csv}</label>
          <br />
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button
          disabled={!file || action.working}
          onClick={() => run('/api/enrollment/csv', async () => ({ csv: await file!.text() }))}
        >
          {s.enroll.upload}
        </Button>
      </div>
      <div className={styles.row}>
        <Field label={s.enroll.group}>
          <Input value={groupId} onChange={(_, d) => setGroupId(d.value)} />
        </Field>
        <Button
          disabled={!groupId.trim() || action.working}
          onClick={() => run('/api/enrollment/group', async () => ({ groupId: groupId.trim() }))}
        >
          {s.enroll.enrollGroup}
        </Button>
      </div>
      {outcome && <Text role="status">{s.enroll.outcome(outcome.invited, outcome.alreadyEnrolled)}</Text>}
      {action.error !== null && <ErrorMessage error={action.error} />}
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>{s.enroll.problem(p.line, p.field, p.message)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
