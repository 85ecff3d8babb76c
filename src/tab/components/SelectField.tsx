// A labelled drop-down of a fixed set of values, handing back the value itself
// (a number stays a number), so forms need no casts.
import { Field, Select } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export function SelectField<V extends string | number>({
  label,
  hint,
  value,
  options,
  optionLabel,
  onChange,
  disabled,
}: {
  label: string;
  hint?: string | undefined;
  value: V;
  options: readonly V[];
  optionLabel: (option: V) => ReactNode;
  onChange: (next: V) => void;
  disabled?: boolean;
}) {
  return (
    <Field label={label} hint={hint}>
      <Select
        value={String(value)}
        disabled={disabled}
        onChange={(_, d) => {
          const picked = options.find((option) => String(option) === d.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
