import { Button, Card, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  directions,
  sessionDurations,
  type Cadence,
  type Direction,
  type SessionDuration,
} from '../../../core/schemas.js';
import { FocusAreaPicker } from '../../../ui/FocusAreaPicker.js';
import { SelectField } from '../../components/SelectField.js';
import { strings } from '../../strings.js';
import { windowChoices } from './slotWindow.js';
import type { ScheduleChoices } from './useSchedulePair.js';

const occurrenceChoices = [1, 2, 3, 4, 6, 8, 12] as const;

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
});

export function ScheduleForm({
  choices,
  cadence,
  onChange,
  onSubmit,
  busy,
}: {
  choices: ScheduleChoices;
  cadence: Cadence;
  onChange: (next: ScheduleChoices) => void;
  onSubmit: () => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const [touched, setTouched] = useState(false);
  const focusMissing = choices.focusAreas.length === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!focusMissing) onSubmit();
  }

  return (
    <Card aria-labelledby="schedule-form-title">
      <Text as="h2" id="schedule-form-title" size={500} weight="semibold" style={{ margin: 0 }}>
        {strings.schedule.formTitle}
      </Text>
      <form className={styles.form} onSubmit={submit} aria-labelledby="schedule-form-title">
        <Field label={strings.schedule.duration}>
          <RadioGroup
            value={String(choices.durationMinutes)}
            onChange={(_, data) => onChange({ ...choices, durationMinutes: Number(data.value) as SessionDuration })}
          >
            {sessionDurations.map((d) => (
              <Radio key={d} value={String(d)} label={strings.schedule.minutes(d)} />
            ))}
          </RadioGroup>
        </Field>
        <SelectField
          label={strings.schedule.window}
          value={choices.windowDays}
          options={windowChoices}
          optionLabel={strings.schedule.windowDays}
          onChange={(windowDays) => onChange({ ...choices, windowDays })}
        />
        <Field label={strings.schedule.direction}>
          <RadioGroup
            value={choices.direction}
            onChange={(_, data) => onChange({ ...choices, direction: data.value as Direction })}
          >
            {directions.map((d) => (
              <Radio key={d} value={d} label={strings.direction[d]} />
            ))}
          </RadioGroup>
        </Field>
        <SelectField
          label={`${strings.schedule.occurrences} (${strings.pairs.cadence[cadence]})`}
          hint={choices.occurrences === 1 ? strings.schedule.once : undefined}
          value={choices.occurrences}
          options={occurrenceChoices}
          optionLabel={String}
          onChange={(occurrences) => onChange({ ...choices, occurrences })}
        />
        <div className={styles.wide}>
          <FocusAreaPicker
            label={strings.schedule.focusAreas}
            hint={strings.schedule.focusAreasHint}
            value={choices.focusAreas}
            onChange={(focusAreas) => onChange({ ...choices, focusAreas })}
            validation={touched && focusMissing ? strings.schedule.focusAreasHint : undefined}
          />
        </div>
        <div className={styles.wide}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {strings.schedule.findSlots}
          </Button>
        </div>
      </form>
    </Card>
  );
}
