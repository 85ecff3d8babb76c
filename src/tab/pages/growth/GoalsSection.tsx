// My goals: each with its progress (one choice to change it), a dated
// one-line update, and a form to add one linked to a focus area.
import { Button, Caption1, Card, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  goalKinds,
  goalLimits,
  goalProgresses,
  type CreateGoalRequest,
  type Goal,
  type GoalKind,
  type UpdateGoalRequest,
} from '../../../core/growth/model.js';
import { focusAreaLabels, focusAreas, type FocusArea } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { SelectField } from '../../components/SelectField.js';
import { stackedList } from '../../../ui/styles.js';
import { useAction } from '../../../ui/useAction.js';
import { growthStrings } from './strings.js';

const s = growthStrings.goals;
const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalS),
  goal: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: 'min(100%, 220px)' },
});

function GoalRow({
  goal,
  locale,
  onUpdate,
}: {
  goal: Goal;
  locale: string;
  onUpdate: (r: Omit<UpdateGoalRequest, 'phiConfirmations'>) => Promise<void>;
}) {
  const styles = useStyles();
  const { working, error, run } = useAction();
  const [text, setText] = useState('');
  const last = goal.updates.filter((u) => u.text).at(-1);
  return (
    <Card className={styles.goal}>
      <Text weight="semibold">{goal.title}</Text>
      <Caption1>{`${s.kind[goal.kind]} · ${focusAreaLabels[goal.focusArea]}`}</Caption1>
      {last ? (
        <Caption1>
          {s.lastUpdate(new Date(last.on).toLocaleDateString(locale, { dateStyle: 'medium' }), last.text)}
        </Caption1>
      ) : null}
      <div className={styles.row}>
        <SelectField
          label={s.progressLabel(goal.title)}
          value={goal.progress}
          options={goalProgresses}
          optionLabel={(p) => s.progress[p]}
          disabled={working}
          onChange={(progress) => void run(() => onUpdate({ progress }))}
        />
        <Field label={s.updateFor(goal.title)} className={styles.grow}>
          <Input value={text} maxLength={goalLimits.updateChars} onChange={(_e, d) => setText(d.value)} />
        </Field>
        <Button
          disabled={working || text.trim() === ''}
          onClick={() =>
            void run(async () => {
              await onUpdate({ update: text });
              setText('');
            })
          }
        >
          {s.save}
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </Card>
  );
}

function AddGoal({ onAdd }: { onAdd: (r: Omit<CreateGoalRequest, 'phiConfirmations'>) => Promise<void> }) {
  const styles = useStyles();
  const { working, error, run } = useAction();
  const [kind, setKind] = useState<GoalKind>('learn');
  const [focusArea, setFocusArea] = useState<FocusArea>('technology-adoption');
  const [title, setTitle] = useState('');
  return (
    <form
      className={styles.row}
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await onAdd({ kind, focusArea, title });
          setTitle('');
        });
      }}
    >
      <SelectField
        label={s.kindLabel}
        value={kind}
        options={goalKinds}
        optionLabel={(k) => s.kind[k]}
        onChange={setKind}
      />
      <SelectField
        label={s.focusArea}
        value={focusArea}
        options={focusAreas}
        optionLabel={(f) => focusAreaLabels[f]}
        onChange={setFocusArea}
      />
      <Field label={s.title} hint={s.titleHint} className={styles.grow}>
        <Input value={title} maxLength={goalLimits.titleChars} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={working || title.trim() === ''}>
        {working ? s.adding : s.add}
      </Button>
      {error ? <ErrorMessage error={error} /> : null}
    </form>
  );
}

export function GoalsSection({
  goals,
  locale,
  onAdd,
  onUpdate,
}: {
  goals: readonly Goal[];
  locale: string;
  onAdd: (r: Omit<CreateGoalRequest, 'phiConfirmations'>) => Promise<void>;
  onUpdate: (goalId: string, r: Omit<UpdateGoalRequest, 'phiConfirmations'>) => Promise<void>;
}) {
  const styles = useStyles();
  return (
    <section aria-labelledby="goals-heading">
      <Text as="h2" id="goals-heading" size={500} weight="semibold" block>
        {s.heading}
      </Text>
      <Text block>{s.explain}</Text>
      {goals.length === 0 ? (
        <Text block>{s.none}</Text>
      ) : (
        <ul className={styles.list} aria-label={s.listLabel}>
          {goals.map((g) => (
            <li key={g.id}>
              <GoalRow goal={g} locale={locale} onUpdate={(r) => onUpdate(g.id, r)} />
            </li>
          ))}
        </ul>
      )}
      <AddGoal onAdd={onAdd} />
    </section>
  );
}
