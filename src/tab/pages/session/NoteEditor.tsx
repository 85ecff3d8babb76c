import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { NoteInput } from '../../../core/api.js';
import { noteLimits } from '../../../core/schemas.js';
import { FocusAreaPicker } from '../../components/FocusAreaPicker.js';
import { strings } from '../../strings.js';
import type { FieldFinding, NoteField } from './noteReview.js';
import { PhiFlags } from './PhiFlags.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  items: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'grid', gridTemplateColumns: 'auto 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  itemFlags: { gridColumn: '2 / 4' },
});

function newItemId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `item-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  );
}

export function NoteEditor({
  note,
  findings,
  onChange,
  onConfirm,
  onSave,
  saving,
  showPhiHelp,
}: {
  note: NoteInput;
  findings: FieldFinding[];
  onChange: (next: NoteInput) => void;
  onConfirm: (kind: string, text: string) => void;
  onSave: () => void;
  saving: boolean;
  showPhiHelp: boolean;
}) {
  const styles = useStyles();
  const flagsFor = (field: NoteField) => findings.filter((f) => f.field === field);
  const unresolved = findings.some((f) => !f.confirmed);

  return (
    <form
      className={styles.form}
      aria-label={strings.session.myNote}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      {unresolved ? (
        <MessageBar intent="warning" layout="multiline" role={showPhiHelp ? 'alert' : undefined}>
          <MessageBarBody>
            <MessageBarTitle>{strings.session.phi.title}</MessageBarTitle>
            {showPhiHelp ? strings.session.phi.mustResolve : strings.session.phi.explain}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={strings.session.taught} hint={strings.session.limit(note.taught.length, noteLimits.taughtChars)}>
        <Textarea
          resize="vertical"
          rows={4}
          maxLength={noteLimits.taughtChars}
          value={note.taught}
          onChange={(_, d) => onChange({ ...note, taught: d.value })}
        />
      </Field>
      <PhiFlags
        text={note.taught}
        findings={flagsFor('taught')}
        onConfirm={onConfirm}
        fieldLabel={strings.session.taught}
      />
      <Field label={strings.session.learned} hint={strings.session.limit(note.learned.length, noteLimits.learnedChars)}>
        <Textarea
          resize="vertical"
          rows={4}
          maxLength={noteLimits.learnedChars}
          value={note.learned}
          onChange={(_, d) => onChange({ ...note, learned: d.value })}
        />
      </Field>
      <PhiFlags
        text={note.learned}
        findings={flagsFor('learned')}
        onConfirm={onConfirm}
        fieldLabel={strings.session.learned}
      />

      <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend>
          <Text weight="semibold">{strings.session.actionItems}</Text>
        </legend>
        <ul className={styles.items}>
          {note.actionItems.map((item, index) => (
            <li key={item.id} className={styles.item}>
              <Checkbox
                aria-label={item.text || strings.session.newActionItem}
                checked={item.done}
                onChange={(_, d) =>
                  onChange({
                    ...note,
                    actionItems: note.actionItems.map((i) =>
                      i.id === item.id ? { ...i, done: Boolean(d.checked) } : i,
                    ),
                  })
                }
              />
              <Input
                aria-label={`${strings.session.actionItems} ${index + 1}`}
                maxLength={noteLimits.actionItemChars}
                value={item.text}
                onChange={(_, d) =>
                  onChange({
                    ...note,
                    actionItems: note.actionItems.map((i) => (i.id === item.id ? { ...i, text: d.value } : i)),
                  })
                }
              />
              <Button
                appearance="subtle"
                aria-label={strings.session.removeActionItem(item.text)}
                onClick={() => onChange({ ...note, actionItems: note.actionItems.filter((i) => i.id !== item.id) })}
              >
                {strings.session.remove}
              </Button>
              <div className={styles.itemFlags}>
                <PhiFlags
                  text={item.text}
                  findings={flagsFor(`actionItem:${item.id}`)}
                  onConfirm={onConfirm}
                  fieldLabel={`${strings.session.actionItems} ${index + 1}`}
                />
              </div>
            </li>
          ))}
        </ul>
        <Button
          appearance="secondary"
          disabled={note.actionItems.length >= noteLimits.actionItems}
          onClick={() =>
            onChange({ ...note, actionItems: [...note.actionItems, { id: newItemId(), text: '', done: false }] })
          }
          style={{ marginTop: tokens.spacingVerticalS }}
        >
          {strings.session.addActionItem}
        </Button>
      </fieldset>

      <FocusAreaPicker
        label={strings.session.focusAreas}
        value={note.focusAreas}
        onChange={(focusAreas) => onChange({ ...note, focusAreas })}
      />
      <div>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? strings.session.saving : strings.session.save}
        </Button>
      </div>
    </form>
  );
}
