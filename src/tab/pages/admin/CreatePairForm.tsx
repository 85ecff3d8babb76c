import { Button, Card, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { CreatePairRequest, DirectoryPerson } from '../../../core/api.js';
import {
  cadences,
  careerStages,
  sessionDurations,
  type Cadence,
  type CareerStage,
  type SessionDuration,
} from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { SelectField } from '../../components/SelectField.js';
import { strings } from '../../strings.js';
import { PersonPicker } from './PersonPicker.js';
import { reportingLineWarning } from './reportingLine.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 280px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  settings: { gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  person: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  wide: { gridColumn: '1 / -1', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Member {
  person: DirectoryPerson | null;
  careerStage: CareerStage;
}

const unpicked = (): [Member, Member] => [
  { person: null, careerStage: 'early' },
  { person: null, careerStage: 'seasoned' },
];

interface Created {
  text: string;
  warnings: string[];
}

export function CreatePairForm({
  search,
  onCreate,
}: {
  search: (text: string) => Promise<DirectoryPerson[]>;
  onCreate: (request: CreatePairRequest) => Promise<{ warnings: string[] }>;
}) {
  const styles = useStyles();
  const [members, setMembers] = useState<[Member, Member]>(unpicked);
  const [cadence, setCadence] = useState<Cadence>('biweekly');
  const [duration, setDuration] = useState<SessionDuration>(45);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<Created | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [a, b] = members;
  const samePerson = Boolean(a.person && b.person && a.person.id === b.person.id);

  const setMember = (index: 0 | 1, change: Partial<Member>) =>
    setMembers((m) => (index === 0 ? [{ ...m[0], ...change }, m[1]] : [m[0], { ...m[1], ...change }]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!a.person || !b.person || samePerson) return;
    setSaving(true);
    setError(null);
    setResult(null);
    try {
      const created = await onCreate({
        members: [
          { userId: a.person.id, careerStage: a.careerStage },
          { userId: b.person.id, careerStage: b.careerStage },
        ],
        cadence,
        durationMinutes: duration,
      });
      setResult({
        text: strings.admin.created(a.person.displayName, b.person.displayName),
        warnings: created.warnings,
      });
      setMembers(unpicked());
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card aria-labelledby="create-pair-title">
      <Text as="h2" id="create-pair-title" size={500} weight="semibold" style={{ margin: 0 }}>
        {strings.admin.createPair}
      </Text>
      <form className={styles.form} onSubmit={submit} aria-labelledby="create-pair-title">
        {([0, 1] as const).map((index) => (
          <MemberFields
            key={index}
            number={index + 1}
            member={members[index]}
            clearedBy={result?.text ?? ''}
            onChange={(change) => setMember(index, change)}
            search={search}
          />
        ))}
        <div className={styles.settings}>
          <SelectField
            label={strings.admin.cadence}
            value={cadence}
            options={cadences}
            optionLabel={(c) => strings.pairs.cadence[c]}
            onChange={setCadence}
          />
          <SelectField
            label={strings.admin.duration}
            value={duration}
            options={sessionDurations}
            optionLabel={strings.schedule.minutes}
            onChange={setDuration}
          />
        </div>
        <div className={styles.wide}>
          <CreateOutcome warning={reportingLineWarning(a.person, b.person)} error={error} result={result} />
          <div>
            <Button appearance="primary" type="submit" disabled={saving || !a.person || !b.person || samePerson}>
              {strings.admin.create}
            </Button>
          </div>
        </div>
      </form>
    </Card>
  );
}

/** One of the two people: who (from the directory) and their career stage. */
function MemberFields({
  number,
  member,
  clearedBy,
  onChange,
  search,
}: {
  number: number;
  member: Member;
  /** Changes when a pair was created, so an empty picker starts afresh. */
  clearedBy: string;
  onChange: (change: Partial<Member>) => void;
  search: (text: string) => Promise<DirectoryPerson[]>;
}) {
  const styles = useStyles();
  return (
    <div className={styles.person}>
      <PersonPicker
        key={`cleared-${clearedBy}`}
        label={strings.admin.person(number)}
        value={member.person}
        onChange={(person) => onChange({ person })}
        search={search}
      />
      <SelectField
        label={`${strings.admin.careerStage} (${strings.admin.person(number)})`}
        value={member.careerStage}
        options={careerStages}
        optionLabel={(stage) => strings.careerStage[stage]}
        onChange={(careerStage) => onChange({ careerStage })}
      />
    </div>
  );
}

function CreateOutcome({ warning, error, result }: { warning: string | null; error: unknown; result: Created | null }) {
  return (
    <>
      {warning ? (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {result ? (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>
            {result.text}
            {result.warnings.map((w) => (
              <Text block key={w}>
                {w}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
