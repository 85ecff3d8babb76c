// After the session: did it happen (held / no-show / moved), how useful it was
// and one line learned; the same answer the bot's card gives, through the same
// API (PUT /api/sessions/:id/loop). Either person's "held" marks the session
// held. Shown on the session page and in the meeting details tab.
import { Button, Card, Field, Input, Radio, RadioGroup, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { reviewText } from '../../../core/notes/review.js';
import { usePersonTagger } from '../../../ui/note/usePersonTagger.js';
import type { Session } from '../../../core/schemas.js';
import {
  learnedLineMaxChars,
  loopOutcomes,
  SessionLoopAnswer,
  type LoopOutcome,
} from '../../../core/sessions/feedback.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { phiKindLabel } from '../../../ui/note/PhiFlags.js';
import { useAction } from '../../../ui/useAction.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { loopStrings as s } from './loopStrings.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scale: { display: 'flex', flexWrap: 'wrap' },
});

const loopPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/loop`;

export function SessionLoop({ session, onChanged }: { session: Session; onChanged: (session: Session) => void }) {
  const styles = useStyles();
  const { api } = useTabRuntime();
  const loaded = useResource(() => api.json(SessionLoopAnswer, 'GET', loopPath(session.id)), [api, session.id]);
  const [outcome, setOutcome] = useState<LoopOutcome | ''>('');
  const [usefulness, setUsefulness] = useState('');
  const [learned, setLearned] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const mine = loaded.data?.loop.mine ?? null;
  useEffect(() => {
    if (!mine) return;
    setOutcome(mine.outcome);
    setUsefulness(mine.usefulness ? String(mine.usefulness) : '');
    setLearned(mine.learned);
  }, [mine]);
  // Renders again when the name lexicon arrives, and the flags with it.
  const { prepareNameCheck } = usePersonTagger();
  const flags = reviewText('learned', learned, []);
  const save = () =>
    action.run(async () => {
      if (!outcome) return;
      const answer = await api.json(SessionLoopAnswer, 'PUT', loopPath(session.id), {
        body: { outcome, usefulness: usefulness ? Number(usefulness) : null, learned },
      });
      loaded.set(answer);
      setSaved(true);
      onChanged(answer.session);
    });
  const loop = loaded.data?.loop;
  return (
    <Card role="region" aria-labelledby="loop-title">
      <Text as="h2" id="loop-title" weight="semibold" size={500} style={{ margin: 0 }}>
        {s.heading}
      </Text>
      <Text>{s.status(s.statusName[session.status] ?? session.status)}</Text>
      {loop?.partnerOutcome ? <Text>{s.partnerSaid(s.outcomes[loop.partnerOutcome])}</Text> : null}
      {loop?.disagreement ? <Text weight="semibold">{s.disagreement}</Text> : null}
      <form
        className={styles.form}
        onFocus={prepareNameCheck}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label={s.outcome} required>
          <RadioGroup value={outcome} onChange={(_, d) => setOutcome(d.value as LoopOutcome)}>
            {loopOutcomes.map((o) => (
              <Radio key={o} value={o} label={s.outcomes[o]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={s.usefulness}>
          <RadioGroup
            className={styles.scale}
            layout="horizontal"
            value={usefulness}
            onChange={(_, d) => setUsefulness(d.value)}
          >
            {['1', '2', '3', '4', '5'].map((n) => (
              <Radio key={n} value={n} label={n} />
            ))}
          </RadioGroup>
        </Field>
        <Field
          label={s.learned}
          hint={s.learnedHint}
          validationState={flags.length ? 'error' : 'none'}
          validationMessage={
            flags.length ? s.flagged([...new Set(flags.map((f) => phiKindLabel(f.kind)))].join(', ')) : undefined
          }
        >
          <Input
            value={learned}
            maxLength={learnedLineMaxChars}
            onChange={(_, d) => {
              setLearned(d.value);
              setSaved(false);
            }}
          />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={!outcome || flags.length > 0 || action.working}>
            {action.working ? s.saving : s.save}
          </Button>
        </div>
        {saved && !action.error ? <Text role="status">{s.saved}</Text> : null}
        {action.error || loaded.error ? <ErrorMessage error={action.error ?? loaded.error} /> : null}
      </form>
    </Card>
  );
}
