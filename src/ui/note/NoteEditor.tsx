// My shared-learning note as a form: what I taught and learned, action items,
// focus areas, each free-text field with its PHI flags from the note's review.
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { NoteInput } from '../../core/api.js';
import { openFindings, type FieldFinding } from '../../core/notes/review.js';
import { noteLimits, type Participant } from '../../core/schemas.js';
import { FocusAreaPicker } from '../FocusAreaPicker.js';
import { uiStrings } from '../strings.js';
import { ActionItemsField } from './ActionItemsField.js';
import { PhiFlags } from './PhiFlags.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function NoteEditor({
  note,
  review,
  people,
  authorId,
  onChange,
  onConfirm,
  onSave,
  saving,
  showPhiHelp,
  onFocus,
}: {
  note: NoteInput;
  /** `reviewNote(note)`, computed once by the caller for this version of the note. */
  review: readonly FieldFinding[];
  /** The pair's two people: who an action item may be assigned to. */
  people: readonly Pick<Participant, 'userId' | 'displayName'>[];
  /** Whose note this is: an item nobody was named for is theirs. */
  authorId: string;
  onChange: (next: NoteInput) => void;
  onConfirm: (kind: string, text: string) => void;
  onSave: () => void;
  saving: boolean;
  showPhiHelp: boolean;
  /** The author is in the editor: the name check gets ready (src/ui/note/usePersonTagger.ts). */
  onFocus?: () => void;
}) {
  const styles = useStyles();
  const [tried, setTried] = useState(false);
  const empty = !note.taught.trim() && !note.learned.trim() && note.actionItems.every((a) => !a.text.trim());
  const tooLong = note.taught.length > noteLimits.taughtChars || note.learned.length > noteLimits.learnedChars;
  const textField = (field: 'taught' | 'learned', label: string, maxChars: number) => (
    <NoteTextField
      label={label}
      value={note[field]}
      maxChars={maxChars}
      findings={review.filter((f) => f.field === field)}
      onChange={(value) => onChange({ ...note, [field]: value })}
      onConfirm={onConfirm}
    />
  );

  return (
    <form
      className={styles.form}
      aria-label={uiStrings.note.myNote}
      onFocus={onFocus}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        // An empty note is not saved, and an over-long one is not cut: the person decides what goes.
        if (!empty && !tooLong) onSave();
      }}
    >
      {openFindings(review).length > 0 ? (
        <MessageBar intent="warning" layout="multiline" role={showPhiHelp ? 'alert' : undefined}>
          <MessageBarBody>
            <MessageBarTitle>{uiStrings.note.phi.title}</MessageBarTitle>
            {showPhiHelp ? uiStrings.note.phi.mustResolve : uiStrings.note.phi.explain}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {textField('taught', uiStrings.note.taught, noteLimits.taughtChars)}
      {textField('learned', uiStrings.note.learned, noteLimits.learnedChars)}
      <ActionItemsField
        items={note.actionItems}
        review={review}
        people={people}
        authorId={authorId}
        onChange={(actionItems) => onChange({ ...note, actionItems })}
        onConfirm={onConfirm}
      />
      <FocusAreaPicker
        label={uiStrings.note.focusAreas}
        value={note.focusAreas}
        onChange={(focusAreas) => onChange({ ...note, focusAreas })}
      />
      {tried && (empty || tooLong) ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{empty ? uiStrings.note.empty : uiStrings.note.tooLong}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? uiStrings.note.saving : uiStrings.note.save}
        </Button>
      </div>
    </form>
  );
}

/** A free-text field of the note, then its PHI flags (siblings in the form, as the flags mirror the text). */
function NoteTextField({
  label,
  value,
  maxChars,
  findings,
  onChange,
  onConfirm,
}: {
  label: string;
  value: string;
  maxChars: number;
  findings: FieldFinding[];
  onChange: (value: string) => void;
  onConfirm: (kind: string, text: string) => void;
}) {
  return (
    <>
      <Field
        label={label}
        hint={value.length > maxChars ? undefined : uiStrings.note.limit(value.length, maxChars)}
        validationState={value.length > maxChars ? 'error' : 'none'}
        validationMessage={value.length > maxChars ? uiStrings.note.overLimit(value.length, maxChars) : undefined}
      >
        {/* No maxLength: a paste longer than the limit is kept whole and the excess is named, never cut silently. */}
        <Textarea resize="vertical" rows={4} value={value} onChange={(_, d) => onChange(d.value)} />
      </Field>
      <PhiFlags text={value} findings={findings} onConfirm={onConfirm} fieldLabel={label} />
    </>
  );
}
