// A focus-area checklist where each chosen area has a level.
import { Checkbox, makeStyles, Select, tokens } from '@fluentui/react-components';
import { focusLevels, type FocusAreaWithLevel, type FocusLevel } from '../../../core/enrollment/index.js';
import { focusAreaLabels, focusAreas } from '../../../core/schemas.js';
import { profileStrings as s } from './strings.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

export function FocusAreaLevels(props: {
  legend: string;
  value: FocusAreaWithLevel[];
  onChange: (value: FocusAreaWithLevel[]) => void;
}) {
  const styles = useStyles();
  const chosen = new Map(props.value.map((x) => [x.area, x.level]));
  const set = (area: (typeof focusAreas)[number], level: FocusLevel | null) =>
    props.onChange(
      focusAreas.flatMap((a) => {
        const l = a === area ? level : (chosen.get(a) ?? null);
        return l ? [{ area: a, level: l }] : [];
      }),
    );
  return (
    <fieldset className={styles.list}>
      <legend className={styles.legend}>{props.legend}</legend>
      {focusAreas.map((area) => (
        <div key={area} className={styles.row}>
          <Checkbox
            label={focusAreaLabels[area]}
            checked={chosen.has(area)}
            onChange={(_, d) => set(area, d.checked ? (chosen.get(area) ?? 'intermediate') : null)}
          />
          {chosen.has(area) && (
            <Select
              aria-label={s.level(focusAreaLabels[area])}
              value={chosen.get(area)}
              onChange={(_, d) => set(area, d.value as FocusLevel)}
            >
              {focusLevels.map((l) => (
                <option key={l} value={l}>
                  {s.levels[l]}
                </option>
              ))}
            </Select>
          )}
        </div>
      ))}
    </fieldset>
  );
}
