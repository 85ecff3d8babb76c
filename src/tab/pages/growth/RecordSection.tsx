// The participation record: pick a period, download the PDF.
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { dayMs } from '../../../core/time.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { growthStrings } from './strings.js';

const s = growthStrings.record;
const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function RecordSection({ onDownload }: { onDownload: (from: string, to: string) => Promise<void> }) {
  const styles = useStyles();
  const { working, error, run } = useAction();
  const [from, setFrom] = useState(() => isoDay(Date.now() - 365 * dayMs));
  const [to, setTo] = useState(() => isoDay(Date.now()));
  return (
    <section aria-labelledby="record-heading">
      <Text as="h2" id="record-heading" size={500} weight="semibold" block>
        {s.heading}
      </Text>
      <Text block>{s.explain}</Text>
      <div className={styles.row}>
        <Field label={s.from}>
          <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label={s.to}>
          <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Button disabled={working} onClick={() => void run(() => onDownload(from, to))}>
          {s.download}
        </Button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
