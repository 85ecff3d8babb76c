// The self-assessment: confidence per focus area, 1 to 5, with one sentence
// per level (the same anchors for every area). Private to the person.
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { confidenceAnchors, type Rating, type Ratings, type SelfAssessment } from '../../../core/growth/model.js';
import { focusAreaLabels, focusAreas, type FocusArea } from '../../../core/schemas.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { growthStrings } from './strings.js';

const s = growthStrings.assessment;
const levels = [1, 2, 3, 4, 5] as const;
const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  anchors: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  areas: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

export function AssessmentSection({
  latest,
  locale,
  onSave,
}: {
  latest: SelfAssessment | undefined;
  locale: string;
  onSave: (ratings: Ratings) => Promise<void>;
}) {
  const styles = useStyles();
  const { working, error, setError, run } = useAction();
  const [ratings, setRatings] = useState<Partial<Record<FocusArea, Rating>>>(latest?.ratings ?? {});
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="assessment-heading">
      <Text as="h2" id="assessment-heading" size={500} weight="semibold" block tabIndex={-1}>
        {s.heading}
      </Text>
      <Text block>{s.explain}</Text>
      <Text block>
        {latest ? s.lastTaken(new Date(latest.takenAt).toLocaleDateString(locale, { dateStyle: 'medium' })) : s.never}
      </Text>
      <ol className={styles.anchors} id="confidence-anchors">
        {levels.map((n) => (
          <li key={n} value={n}>
            {confidenceAnchors[n]}
          </li>
        ))}
      </ol>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          if (Object.keys(ratings).length === 0) return setError(new Error(s.rateAtLeastOne));
          void run(async () => {
            await onSave(ratings);
            setSaved(true);
          });
        }}
      >
        <div className={styles.areas}>
          {focusAreas.map((area) => (
            <Field key={area} label={focusAreaLabels[area]}>
              <RadioGroup
                layout="horizontal"
                aria-describedby="confidence-anchors"
                value={ratings[area] ? String(ratings[area]) : ''}
                onChange={(_e, d) => setRatings((r) => ({ ...r, [area]: Number(d.value) as Rating }))}
              >
                {levels.map((n) => (
                  <Radio key={n} value={String(n)} label={String(n)} title={confidenceAnchors[n]} />
                ))}
              </RadioGroup>
            </Field>
          ))}
        </div>
        <div>
          <Button type="submit" appearance="primary" disabled={working}>
            {working ? s.saving : s.save}
          </Button>
        </div>
        {saved ? (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{s.saved}</MessageBarBody>
          </MessageBar>
        ) : null}
        {error ? <ErrorMessage error={error} /> : null}
      </form>
    </section>
  );
}
