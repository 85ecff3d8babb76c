// The profile's answers: career stage (prefilled from the directory), what I can teach and want to learn,
// how I like to meet. Working hours are shown, not asked: they are the mailbox's.
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MyProfileResponse, ProfileInput } from '../../../core/enrollment/index.js';
import { cadences, careerStages, sessionDurations, type Cadence, type CareerStage } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { FocusAreaLevels } from './FocusAreaLevels.js';
import { profileStrings as s } from './strings.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  columns: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
});

function initialAnswers(data: MyProfileResponse): ProfileInput {
  const p = data.profile;
  return {
    careerStage: p?.careerStage ?? data.directory.careerStage ?? 'mid',
    canTeach: p?.canTeach ?? [],
    wantsToLearn: p?.wantsToLearn ?? [],
    cadence: p?.cadence ?? 'biweekly',
    durationMinutes: p?.durationMinutes ?? 30,
    languages: p?.languages.length ? p.languages : ['en'],
    crossDepartment: p?.crossDepartment ?? true,
    maxPairs: p?.maxPairs ?? 1,
  };
}

export function ProfileForm({
  data,
  onSave,
}: {
  data: MyProfileResponse;
  onSave: (input: ProfileInput) => Promise<void>;
}) {
  const styles = useStyles();
  const [answers, setAnswers] = useState(() => initialAnswers(data));
  const [languages, setLanguages] = useState(answers.languages.join(', '));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const set = (change: Partial<ProfileInput>) => (setSaved(false), setAnswers((a) => ({ ...a, ...change })));
  const enrolled = data.profile !== null && data.profile.status !== 'invited';
  const hours = data.profile?.workingHours ?? data.directory.workingHours;
  const submit = () =>
    action.run(async () => {
      await onSave({
        ...answers,
        languages: languages
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
      });
      setSaved(true);
    });
  return (
    <form className={styles.form} onSubmit={(e) => (e.preventDefault(), void submit())} aria-label={s.title}>
      <Field
        label={s.careerStage}
        hint={s.careerStageHint(data.directory.careerStage && s.stages[data.directory.careerStage])}
      >
        <RadioGroup
          value={answers.careerStage}
          onChange={(_, d) => set({ careerStage: d.value as CareerStage })}
          layout="horizontal"
        >
          {careerStages.map((stage) => (
            <Radio key={stage} value={stage} label={s.stages[stage]} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.columns}>
        <FocusAreaLevels legend={s.canTeach} value={answers.canTeach} onChange={(canTeach) => set({ canTeach })} />
        <FocusAreaLevels
          legend={s.wantsToLearn}
          value={answers.wantsToLearn}
          onChange={(wantsToLearn) => set({ wantsToLearn })}
        />
      </div>
      <div className={styles.columns}>
        <Field label={s.cadence}>
          <Select value={answers.cadence} onChange={(_, d) => set({ cadence: d.value as Cadence })}>
            {cadences.map((c) => (
              <option key={c} value={c}>
                {s.cadences[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.duration}>
          <Select
            value={String(answers.durationMinutes)}
            onChange={(_, d) => set({ durationMinutes: Number(d.value) as ProfileInput['durationMinutes'] })}
          >
            {sessionDurations.map((m) => (
              <option key={m} value={m}>
                {s.minutes(m)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.maxPairs}>
          <Select value={String(answers.maxPairs)} onChange={(_, d) => set({ maxPairs: Number(d.value) })}>
            {[1, 2, 3].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={s.languages}>
        <Input value={languages} onChange={(_, d) => (setSaved(false), setLanguages(d.value))} />
      </Field>
      <Switch
        label={s.crossDepartment}
        checked={answers.crossDepartment}
        onChange={(_, d) => set({ crossDepartment: d.checked })}
      />
      <Field label={s.hours}>
        <Text>
          {hours ? s.hoursValue(hours.days.join(', '), hours.start, hours.end, hours.timeZone) : s.hoursUnknown}
        </Text>
      </Field>
      {action.error !== null && <ErrorMessage error={action.error} />}
      <div>
        <Button appearance="primary" type="submit" disabled={action.working}>
          {enrolled ? s.save : s.optIn}
        </Button>
        {saved && (
          <Text role="status" style={{ marginLeft: tokens.spacingHorizontalM }}>
            {s.saved}
          </Text>
        )}
      </div>
    </form>
  );
}
