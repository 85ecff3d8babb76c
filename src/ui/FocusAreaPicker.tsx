import { Checkbox, Field, makeStyles, tokens } from '@fluentui/react-components';
import { focusAreas, type FocusArea } from '../core/schemas.js';
import { uiStrings } from './strings.js';

const useStyles = makeStyles({
  group: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
});

export function FocusAreaPicker({
  label,
  value,
  onChange,
  hint,
  validation,
}: {
  label: string;
  value: FocusArea[];
  onChange: (next: FocusArea[]) => void;
  hint?: string;
  validation?: string | undefined;
}) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint} validationMessage={validation} validationState={validation ? 'error' : 'none'}>
      <div role="group" aria-label={label} className={styles.group}>
        {focusAreas.map((area) => (
          <Checkbox
            key={area}
            label={uiStrings.focusArea(area)}
            checked={value.includes(area)}
            onChange={(_, data) => onChange(data.checked ? [...value, area] : value.filter((a) => a !== area))}
          />
        ))}
      </div>
    </Field>
  );
}
