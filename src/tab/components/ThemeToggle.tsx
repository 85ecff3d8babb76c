import { Select, useId } from '@fluentui/react-components';
import type { TabTheme } from '../host/hostContext.js';
import { useThemeControl } from '../host/TabRuntimeProvider.js';
import { shellStrings as strings } from '../shellStrings.js';

const choices: TabTheme[] = ['light', 'dark', 'contrast'];

/** Outside Teams only; in Teams the host's theme is followed. */
export function ThemeToggle() {
  const { theme, setTheme } = useThemeControl();
  const id = useId('theme');
  if (!setTheme) return null;
  return (
    <Select
      id={id}
      aria-label={strings.theme.toggle}
      value={theme}
      onChange={(_, data) => setTheme(data.value as TabTheme)}
    >
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {strings.theme[choice]}
        </option>
      ))}
    </Select>
  );
}
