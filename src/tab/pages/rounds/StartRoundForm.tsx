// Starting a round: who (everyone, a department, an Entra group), the department rule, repeats, and the cadence.
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { roundCadences, type RoundCadence, type StartRoundRequest } from '../../../core/enrollment/index.js';
import { departmentRules } from '../../../core/matching/profile.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { roundsStrings as s } from './strings.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
});

type Who = 'everyone' | 'department' | 'group';

export function StartRoundForm({
  departments,
  onStart,
}: {
  departments: string[];
  onStart: (r: StartRoundRequest) => Promise<void>;
}) {
  const styles = useStyles();
  const [who, setWho] = useState<Who>('everyone');
  const [department, setDepartment] = useState(departments[0] ?? '');
  const [groupId, setGroupId] = useState('');
  const [rule, setRule] = useState<(typeof departmentRules)[number]>('any');
  const [allowRepeats, setAllowRepeats] = useState(false);
  const [cadence, setCadence] = useState<RoundCadence>('none');
  const action = useAction();
  const audience: StartRoundRequest['audience'] =
    who === 'everyone'
      ? { kind: 'everyone' }
      : who === 'department'
        ? { kind: 'department', department }
        : { kind: 'group', groupId };
  const submit = () => action.run(() => onStart({ audience, rules: { department: rule, allowRepeats }, cadence }));
  return (
    <form className={styles.form} aria-label={s.start.heading} onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Field label={s.start.who}>
        <RadioGroup value={who} onChange={(_, d) => setWho(d.value as Who)} layout="horizontal">
          <Radio value="everyone" label={s.start.everyone} />
          <Radio value="department" label={s.start.department} />
          <Radio value="group" label={s.start.group} />
        </RadioGroup>
      </Field>
      {who === 'department' && (
        <Field label={s.start.departmentLabel}>
          <Select value={department} onChange={(_, d) => setDepartment(d.value)}>
            {departments.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </Select>
        </Field>
      )}
      {who === 'group' && (
        <Field label={s.start.groupLabel}>
          <Input value={groupId} onChange={(_, d) => setGroupId(d.value)} />
        </Field>
      )}
      <Field label={s.start.rule}>
        <RadioGroup value={rule} onChange={(_, d) => setRule(d.value as typeof rule)} layout="horizontal">
          {departmentRules.map((r) => (
            <Radio key={r} value={r} label={s.start.rules[r]} />
          ))}
        </RadioGroup>
      </Field>
      <Switch label={s.start.allowRepeats} checked={allowRepeats} onChange={(_, d) => setAllowRepeats(d.checked)} />
      <Field label={s.start.cadence}>
        <Select value={cadence} onChange={(_, d) => setCadence(d.value as RoundCadence)}>
          {roundCadences.map((c) => (
            <option key={c} value={c}>
              {s.start.cadences[c]}
            </option>
          ))}
        </Select>
      </Field>
      {action.error !== null && <ErrorMessage error={action.error} />}
      <div>
        <Button appearance="primary" type="submit" disabled={action.working}>
          {s.start.submit}
        </Button>
      </div>
    </form>
  );
}
