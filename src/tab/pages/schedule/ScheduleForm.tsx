import { Button, Card, Checkbox, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  directions,
  sessionDurations,
  type Cadence,
  type Direction,
  type SessionDuration,
} from '../../../core/schemas.js';
import { areasFittingDirection } from '../../../core/agenda/focusAreas.js';
import { FocusAreaPicker, focusAreaMessage } from '../../../ui/FocusAreaPicker.js';
import { SelectField } from '../../components/SelectField.js';
import { strings } from '../../strings.js';
import { windowChoices } from './slotWindow.js';
import type { ScheduleChoices, SlotPreferences } from './useSchedulePair.js';

const occurrenceChoices = [1, 2, 3, 4, 6, 8, 12] as const;

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 240px), 1fr))',
    gap: tokens.spacingVerticalM,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  preferences: { gridColumn: '1 / -1', border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
});

export function ScheduleForm({
  choices,
  cadence,
  onChange,
  onSubmit,
  busy,
  rebooking,
}: {
  choices: ScheduleChoices;
  cadence: Cadence;
  onChange: (next: ScheduleChoices) => void;
  onSubmit: () => void;
  busy: boolean;
  /** Moving a booked session keeps its direction and topics: only the time is asked. */
  rebooking: boolean;
}) {
  const styles = useStyles();
  const [touched, setTouched] = useState(false);
  const focusProblem = rebooking ? undefined : focusAreaMessage(choices.direction, choices.focusAreas);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!focusProblem) onSubmit();
  }
  const preference = (key: keyof SlotPreferences) => (
    <Checkbox
      label={strings.schedule.preferences[key]}
      checked={choices.preferences[key]}
      onChange={(_, d) => onChange({ ...choices, preferences: { ...choices.preferences, [key]: Boolean(d.checked) } })}
    />
  );

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
            onChange={(_, data) => {
              const direction = data.value as Direction;
              onChange({ ...choices, direction, focusAreas: areasFittingDirection(direction, choices.focusAreas) });
            }}
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
        {rebooking ? null : (
          <div className={styles.wide}>
            <FocusAreaPicker
              label={strings.schedule.focusAreas}
              hint={
                choices.direction === 'both' ? strings.schedule.focusAreasBothHint : strings.schedule.focusAreasHint
              }
              direction={choices.direction}
              value={choices.focusAreas}
              onChange={(focusAreas) => onChange({ ...choices, focusAreas })}
              validation={touched ? focusProblem : undefined}
            />
          </div>
        )}
        <fieldset className={styles.preferences}>
          <legend className={styles.legend}>{strings.schedule.preferencesTitle}</legend>
          {preference('avoidLunch')}
          {preference('preferMornings')}
          {preference('avoidMondayFriday')}
        </fieldset>
        <div className={styles.wide}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {strings.schedule.findSlots}
          </Button>
        </div>
      </form>
    </Card>
  );
}
