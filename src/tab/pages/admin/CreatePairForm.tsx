import {
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
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
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { strings } from '../../strings.js';
import { PersonPicker } from './PersonPicker.js';
import { reportingLineWarning } from './reportingLine.js';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
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

export function CreatePairForm({
  search,
  onCreate,
}: {
  search: (text: string) => Promise<DirectoryPerson[]>;
  onCreate: (request: CreatePairRequest) => Promise<{ warnings: string[] }>;
}) {
  const styles = useStyles();
  const [members, setMembers] = useState<[Member, Member]>([
    { person: null, careerStage: 'early' },
    { person: null, careerStage: 'seasoned' },
  ]);
  const [cadence, setCadence] = useState<Cadence>('biweekly');
  const [duration, setDuration] = useState<SessionDuration>(45);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ text: string; warnings: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [a, b] = members;
  const warning = reportingLineWarning(a.person, b.person);
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
      setMembers([
        { person: null, careerStage: 'early' },
        { person: null, careerStage: 'seasoned' },
      ]);
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
          <div key={index} className={styles.person}>
            <PersonPicker
              key={members[index].person ? 'picked' : `empty-${result?.text ?? ''}`}
              label={strings.admin.person(index + 1)}
              value={members[index].person}
              onChange={(person) => setMember(index, { person })}
              search={search}
            />
            <Field label={`${strings.admin.careerStage} (${strings.admin.person(index + 1)})`}>
              <Select
                value={members[index].careerStage}
                onChange={(_, d) => setMember(index, { careerStage: d.value as CareerStage })}
              >
                {careerStages.map((stage) => (
                  <option key={stage} value={stage}>
                    {strings.careerStage[stage]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ))}
        <div className={styles.settings}>
          <Field label={strings.admin.cadence}>
            <Select value={cadence} onChange={(_, d) => setCadence(d.value as Cadence)}>
              {cadences.map((c) => (
                <option key={c} value={c}>
                  {strings.pairs.cadence[c]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={strings.admin.duration}>
            <Select value={String(duration)} onChange={(_, d) => setDuration(Number(d.value) as SessionDuration)}>
              {sessionDurations.map((d) => (
                <option key={d} value={d}>
                  {strings.schedule.minutes(d)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.wide}>
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
