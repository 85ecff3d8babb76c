// The fields for linking a meeting to one of my pairs (which pair, which
// direction, which topics), shared by the Outlook pane and the Teams meeting tab.
import { Field, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { PairSummary } from '../core/api.js';
import { areasFittingDirection } from '../core/agenda/focusAreas.js';
import { directions, type Direction, type FocusArea } from '../core/schemas.js';
import { FocusAreaPicker } from './FocusAreaPicker.js';
import { uiStrings } from './strings.js';

export interface LinkToPairStrings {
  pair: string;
  direction: string;
  focusAreas: string;
  focusAreasHint: string;
  pairOption: (partner: string, department: string) => string;
}

export interface LinkToPairChoice {
  pairId: string;
  direction: Direction;
  focusAreas: FocusArea[];
}

export function LinkToPairFields({
  strings: s,
  pairs,
  choice,
  onChange,
  validation,
}: {
  strings: LinkToPairStrings;
  pairs: readonly PairSummary[];
  choice: LinkToPairChoice;
  onChange: (next: LinkToPairChoice) => void;
  validation: string | undefined;
}) {
  return (
    <>
      <Field label={s.pair}>
        <Select value={choice.pairId} onChange={(_, d) => onChange({ ...choice, pairId: d.value })}>
          {pairs.map((p) => (
            <option key={p.pair.id} value={p.pair.id}>
              {s.pairOption(p.partner.displayName, p.partner.department)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.direction}>
        <RadioGroup
          value={choice.direction}
          // Topics that do not fit the new direction are let go (the picker no longer offers them).
          onChange={(_, d) => {
            const direction = d.value as Direction;
            onChange({ ...choice, direction, focusAreas: areasFittingDirection(direction, choice.focusAreas) });
          }}
        >
          {directions.map((d) => (
            <Radio key={d} value={d} label={uiStrings.direction[d]} />
          ))}
        </RadioGroup>
      </Field>
      <FocusAreaPicker
        label={s.focusAreas}
        hint={s.focusAreasHint}
        direction={choice.direction}
        value={choice.focusAreas}
        onChange={(focusAreas) => onChange({ ...choice, focusAreas })}
        validation={validation}
      />
    </>
  );
}
