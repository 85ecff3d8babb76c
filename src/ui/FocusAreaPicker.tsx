// Focus-area checkboxes for every form that asks for them (schedule, note,
// touchpoint, Outlook link). A native fieldset + legend names the group: a
// Fluent Field would hand its one control id to all eight checkboxes, so each
// label would point at the first box and the others would have no name.
import { Checkbox, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { focusAreaProblem, focusAreasFor, naturalDirection } from '../core/agenda/focusAreas.js';
import { focusAreas as allFocusAreas, type Direction, type FocusArea } from '../core/schemas.js';
import { uiStrings } from './strings.js';

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  group: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 240px), 1fr))',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  way: { color: tokens.colorNeutralForeground2, gridColumn: '1 / -1', marginTop: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** What the form says about a choice that does not fit the direction, or undefined when it fits. */
export function focusAreaMessage(direction: Direction, value: readonly FocusArea[]): string | undefined {
  const problem = focusAreaProblem(direction, value);
  if (!problem) return undefined;
  if (problem.kind === 'none-chosen') return uiStrings.focusAreas.pickOne;
  if (problem.kind === 'missing-way') return uiStrings.focusAreas.oneEachWay;
  return uiStrings.focusAreas.doesNotFit(problem.areas.map(uiStrings.focusArea));
}

export function FocusAreaPicker({
  label,
  value,
  onChange,
  hint,
  validation,
  direction,
}: {
  label: string;
  value: FocusArea[];
  onChange: (next: FocusArea[]) => void;
  hint?: string;
  validation?: string | undefined;
  /** Offer only the topics that fit this direction (both ways: grouped by who guides). */
  direction?: Direction;
}) {
  const styles = useStyles();
  const hintId = useId('focus-hint');
  const offered = direction ? focusAreasFor(direction) : allFocusAreas;
  const grouped = direction === 'both';
  const box = (area: FocusArea) => (
    <Checkbox
      key={area}
      label={uiStrings.focusArea(area)}
      checked={value.includes(area)}
      onChange={(_, data) => onChange(data.checked ? [...value, area] : value.filter((a) => a !== area))}
    />
  );
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={validation || hint ? hintId : undefined}
      aria-invalid={validation ? true : undefined}
    >
      <legend className={styles.legend}>{label}</legend>
      <div className={styles.group}>
        {grouped
          ? (['reverse', 'traditional'] as const).flatMap((way) => [
              <Text key={way} size={200} className={styles.way}>
                {uiStrings.focusAreas.guidedBy[way]}
              </Text>,
              ...offered.filter((a) => naturalDirection(a) === way).map(box),
            ])
          : offered.map(box)}
      </div>
      {/* The hint and the error say the same thing: show one, never both. */}
      {validation ? (
        <Text id={hintId} size={200} className={styles.error} role="alert">
          {validation}
        </Text>
      ) : hint ? (
        <Text id={hintId} size={200} className={styles.hint}>
          {hint}
        </Text>
      ) : null}
    </fieldset>
  );
}
