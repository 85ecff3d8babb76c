// The action items of my note: one row each (done, text, remove, who of the
// pair does it, its PHI flags), and a button to add one.
import { Button, Checkbox, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import type { NoteInput } from '../../core/api.js';
import { assigneeOf } from '../../core/notes/model.js';
import { actionItemField, type FieldFinding } from '../../core/notes/review.js';
import { noteLimits, type ActionItem, type Participant } from '../../core/schemas.js';
import { uiStrings } from '../strings.js';
import { PhiFlags } from './PhiFlags.js';
import { stackedList } from '../styles.js';

const useStyles = makeStyles({
  items: stackedList(tokens.spacingVerticalS),
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Below the text, so the row stays usable in a 280 px side panel.
  below: { gridColumn: '2 / 4', minWidth: 0 },
});

function newItemId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `item-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  );
}

type Items = NoteInput['actionItems'];
type Person = Pick<Participant, 'userId' | 'displayName'>;

export function ActionItemsField({
  items,
  review,
  people,
  authorId,
  onChange,
  onConfirm,
}: {
  items: Items;
  /** The whole note's review; each row shows the findings of its own field. */
  review: readonly FieldFinding[];
  /** The pair's two people; with none known, items are the author's and no choice is shown. */
  people: readonly Person[];
  authorId: string;
  onChange: (next: Items) => void;
  onConfirm: (kind: string, text: string) => void;
}) {
  const styles = useStyles();
  const change = (id: string, patch: Partial<ActionItem>) =>
    onChange(items.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0, minWidth: 0 }}>
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
            people={people}
            assigneeId={assigneeOf(item, authorId)}
            authorId={authorId}
            onChange={(patch) => change(item.id, patch)}
            onRemove={() => onChange(items.filter((i) => i.id !== item.id))}
            onConfirm={onConfirm}
          />
        ))}
      </ul>
      <Button
        appearance="secondary"
        disabled={items.length >= noteLimits.actionItems}
        onClick={() => onChange([...items, { id: newItemId(), text: '', done: false, assigneeId: authorId }])}
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
  people,
  assigneeId,
  authorId,
  onChange,
  onRemove,
  onConfirm,
}: {
  item: ActionItem;
  label: string;
  findings: FieldFinding[];
  people: readonly Person[];
  assigneeId: string;
  authorId: string;
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
        style={{ minWidth: 0 }}
      />
      <Button appearance="subtle" aria-label={uiStrings.note.removeActionItem(item.text)} onClick={onRemove}>
        {uiStrings.note.remove}
      </Button>
      {people.length === 2 ? (
        <Select
          className={styles.below}
          size="small"
          aria-label={uiStrings.note.assignee(label)}
          value={assigneeId}
          onChange={(_, d) => onChange({ assigneeId: d.value })}
        >
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.userId === authorId ? uiStrings.note.assigneeMe(p.displayName) : p.displayName}
            </option>
          ))}
        </Select>
      ) : null}
      <div className={styles.below}>
        <PhiFlags text={item.text} findings={findings} onConfirm={onConfirm} fieldLabel={label} />
      </div>
    </li>
  );
}
