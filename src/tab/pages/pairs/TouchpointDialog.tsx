import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { touchpointKinds, type FocusArea, type TouchpointKind } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { FocusAreaPicker } from '../../../ui/FocusAreaPicker.js';
import { todayInputValue } from '../../dates.js';
import { SelectField } from '../../components/SelectField.js';
import { strings } from '../../strings.js';
import type { TouchpointDraft } from './useMyPairs.js';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export default function TouchpointDialog({
  partnerName,
  open,
  onClose,
  onSave,
}: {
  partnerName: string;
  open: boolean;
  onClose: () => void;
  onSave: (touchpoint: TouchpointDraft) => Promise<void>;
}) {
  const styles = useStyles();
  const [kind, setKind] = useState<TouchpointKind>('technology-troubleshooting');
  const [date, setDate] = useState(todayInputValue());
  const [minutes, setMinutes] = useState('15');
  const [areas, setAreas] = useState<FocusArea[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const minutesNumber = Number(minutes);
  const minutesInvalid = !Number.isInteger(minutesNumber) || minutesNumber < 1 || minutesNumber > 480;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (minutesInvalid) return;
    setSaving(true);
    setError(null);
    try {
      await onSave({
        kind,
        date: new Date(`${date}T12:00:00`).toISOString(),
        minutes: minutesNumber,
        focusAreas: areas,
      });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{strings.touchpoint.title(partnerName)}</DialogTitle>
            <DialogContent className={styles.form}>
              <SelectField
                label={strings.touchpoint.kind}
                value={kind}
                options={touchpointKinds}
                optionLabel={(k) => strings.touchpointKind[k]}
                onChange={setKind}
              />
              {kind === 'case-review' ? (
                <MessageBar intent="info">
                  <MessageBarBody>{strings.touchpoint.caseReviewReminder}</MessageBarBody>
                </MessageBar>
              ) : null}
              <Field label={strings.touchpoint.date}>
                <Input
                  type="date"
                  value={date}
                  max={todayInputValue()}
                  onChange={(_, data) => setDate(data.value)}
                  required
                />
              </Field>
              <Field
                label={strings.touchpoint.minutes}
                validationState={minutesInvalid ? 'error' : 'none'}
                validationMessage={minutesInvalid ? '1–480' : undefined}
              >
                <Input
                  type="number"
                  min={1}
                  max={480}
                  value={minutes}
                  onChange={(_, data) => setMinutes(data.value)}
                  required
                />
              </Field>
              <FocusAreaPicker label={strings.touchpoint.focusAreas} value={areas} onChange={setAreas} />
              {error ? <ErrorMessage error={error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {strings.touchpoint.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabled={saving || minutesInvalid}>
                {strings.touchpoint.save}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
