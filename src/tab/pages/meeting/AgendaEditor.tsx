// The agenda in the details tab: a form either person edits until the meeting
// starts (sections with their minutes and points), read-only afterwards.
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Agenda } from '../../../core/agenda/build.js';
import { agendaEditLimits, type AgendaEditRequest } from '../../../core/agendaEdit.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { AgendaView } from '../session/AgendaView.js';
import { meetingStrings } from './strings.js';
import { useAgendaEdit } from './useAgendaEdit.js';

const s = meetingStrings.agendaEdit;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: {
    display: 'grid',
    gridTemplateColumns: '1fr 96px',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / 3' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

type FormSection = {
  kind: Agenda['sections'][number]['kind'];
  title: string;
  minutes: string;
  guide: string | null;
  items: string;
};
type Form = { title: string; sections: FormSection[] };

const formOf = (agenda: Agenda): Form => ({
  title: agenda.title,
  sections: agenda.sections.map((x) => ({ ...x, minutes: String(x.minutes), items: x.items.join('\n') })),
});

/** The form as the API takes it; the server validates every field again and names the one it refuses. */
const requestOf = (form: Form): AgendaEditRequest => ({
  title: form.title,
  sections: form.sections.map((x) => ({
    kind: x.kind,
    title: x.title,
    minutes: Number(x.minutes),
    guide: x.guide,
    items: x.items
      .split('\n')
      .map((i) => i.trim())
      .filter(Boolean),
  })),
  phiConfirmations: [],
});

export function AgendaEditor({ sessionId, onSaved }: { sessionId: string; onSaved: () => void }) {
  const styles = useStyles();
  const edit = useAgendaEdit(sessionId, onSaved);
  const [form, setForm] = useState<Form | null>(null);
  const loaded = edit.loaded.data;
  useEffect(() => {
    if (loaded) setForm(formOf(loaded.agenda));
  }, [loaded]);

  if (!loaded || !form) {
    return edit.loaded.status === 'failed' ? (
      <ErrorMessage error={edit.loaded.error} onRetry={edit.loaded.reload} />
    ) : (
      <PageSkeleton rows={1} />
    );
  }
  if (!loaded.editable)
    return (
      <>
        <Text size={200}>{s.readOnly}</Text>
        <AgendaView agenda={loaded.agenda} />
      </>
    );
  const setSection = (i: number, patch: Partial<FormSection>) =>
    setForm({ ...form, sections: form.sections.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const planned = form.sections.reduce((sum, x) => sum + (Number(x.minutes) || 0), 0);
  return (
    <form
      className={styles.form}
      aria-label={meetingStrings.agenda}
      onSubmit={(e) => {
        e.preventDefault();
        void edit.save(requestOf(form));
      }}
    >
      <Text size={200}>{s.explain}</Text>
      <Field label={s.title}>
        <Input
          value={form.title}
          maxLength={agendaEditLimits.titleChars}
          onChange={(_, d) => setForm({ ...form, title: d.value })}
        />
      </Field>
      {form.sections.map((x, i) => (
        <fieldset key={i} className={styles.section} aria-label={s.section(i + 1)}>
          <Field label={s.sectionTitle(i + 1)}>
            <Input
              value={x.title}
              maxLength={agendaEditLimits.sectionTitleChars}
              onChange={(_, d) => setSection(i, { title: d.value })}
            />
          </Field>
          <Field label={s.minutes(i + 1)}>
            <Input
              type="number"
              min={0}
              max={agendaEditLimits.sectionMinutes}
              value={x.minutes}
              onChange={(_, d) => setSection(i, { minutes: d.value })}
            />
          </Field>
          <Field label={s.items(i + 1)} className={styles.wide}>
            <Textarea
              rows={2}
              resize="vertical"
              value={x.items}
              onChange={(_, d) => setSection(i, { items: d.value })}
            />
          </Field>
          <div className={styles.wide}>
            <Button
              appearance="subtle"
              aria-label={s.removeSection(i + 1)}
              onClick={() => setForm({ ...form, sections: form.sections.filter((_, j) => j !== i) })}
            >
              {s.remove}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className={styles.actions}>
        <Button
          disabled={form.sections.length >= agendaEditLimits.sections}
          onClick={() =>
            setForm({
              ...form,
              sections: [...form.sections, { kind: 'segment', title: '', minutes: '5', guide: null, items: '' }],
            })
          }
        >
          {s.addSection}
        </Button>
        <Text size={200}>{s.total(planned, loaded.agenda.durationMinutes)}</Text>
      </div>
      {edit.outcome === 'changedMeanwhile' ? (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{s.changedMeanwhile}</MessageBarBody>
        </MessageBar>
      ) : null}
      {edit.outcome === 'saved' ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{s.saved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {edit.error ? <ErrorMessage error={edit.error} /> : null}
      <div>
        <Button appearance="primary" type="submit" disabled={edit.working}>
          {edit.working ? s.saving : s.save}
        </Button>
      </div>
    </form>
  );
}
