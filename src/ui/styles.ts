// Style pieces both surfaces' components spread into their makeStyles.
import type { GriffelStyle } from '@fluentui/react-components';

/** A list shown as a bare column of rows (no bullets, no indent), `gap` apart. */
export const stackedList = (gap: string): GriffelStyle => ({
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap,
});
