// The action items of my note: one row each (done, text, remove, its PHI flags), and a button to add one.
import { Button, Checkbox, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { NoteInput } from '../../core/api.js';
import { actionItemField, type FieldFinding } from '../../core/notes/review.js';
import { noteLimits, type ActionItem } from '../../core/schemas.js';
import { uiStrings } from '../strings.js';
import { PhiFlags } from './PhiFlags.js';
import { stackedList } from '../styles.js';

const useStyles = makeStyles({
  items: stackedList(tokens.spacingVerticalS),
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  itemFlags: { gridColumn: '2 / 4' },
});

function newItemId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `item-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  );
}

type Items = NoteInput['actionItems'];

export function ActionItemsField({
  items,
  review,
  onChange,
  onConfirm,
}: {
  items: Items;
  /** The whole note's review; each row shows the findings of its own field. */
  review: readonly FieldFinding[];
  onChange: (next: Items) => void;
  onConfirm: (kind: string, text: string) => void;
}) {
  const styles = useStyles();
  const change = (id: string, patch: Partial<ActionItem>) =>
    onChange(items.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend>
        <Text weight="semibold">{uiStrings.note.actionItems}</Text>
      </legend>
      <ul className={styles.items}>
        {items.map((item, index) => (
          <ActionItemRow
            key={item.id}
            item={item}
            label={`${uiStrings.note.actionItems} ${index + 1}`}
            findings={review.filter((f) => f.field === actionItemField(index))}
            onChange={(patch) => change(item.id, patch)}
            onRemove={() => onChange(items.filter((i) => i.id !== item.id))}
            onConfirm={onConfirm}
          />
        ))}
      </ul>
      <Button
        appearance="secondary"
        disabled={items.length >= noteLimits.actionItems}
        onClick={() => onChange([...items, { id: newItemId(), text: '', done: false }])}
        style={{ marginTop: tokens.spacingVerticalS }}
      >
        {uiStrings.note.addActionItem}
      </Button>
    </fieldset>
  );
}

function ActionItemRow({
  item,
  label,
  findings,
  onChange,
  onRemove,
  onConfirm,
}: {
  item: ActionItem;
  label: string;
  findings: FieldFinding[];
  onChange: (patch: Partial<ActionItem>) => void;
  onRemove: () => void;
  onConfirm: (kind: string, text: string) => void;
}) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <Checkbox
        aria-label={item.text || uiStrings.note.newActionItem}
        checked={item.done}
        onChange={(_, d) => onChange({ done: Boolean(d.checked) })}
      />
      <Input
        aria-label={label}
        maxLength={noteLimits.actionItemChars}
        value={item.text}
        onChange={(_, d) => onChange({ text: d.value })}
      />
      <Button appearance="subtle" aria-label={uiStrings.note.removeActionItem(item.text)} onClick={onRemove}>
        {uiStrings.note.remove}
      </Button>
      <div className={styles.itemFlags}>
        <PhiFlags text={item.text} findings={findings} onConfirm={onConfirm} fieldLabel={label} />
      </div>
    </li>
  );
}
