// A chart with its table: the table is always there for screen readers and
// shown on request, and shown while the chart's code is still loading
// (lazyCharts.ts); suppressed figures say so instead of drawing zero.
import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { Suspense, useState, type ReactNode } from 'react';
import type { FigureValue } from '../../../core/api.js';
import { strings } from '../../strings.js';
import { panel } from './panel.js';

const useStyles = makeStyles({
  card: {
    ...panel,
    padding: tokens.spacingHorizontalL,
    gap: tokens.spacingVerticalS,
    // A fixed-width chart scrolls inside its card on a 360 px screen instead of widening the page.
    minWidth: 0,
    overflowX: 'auto',
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  // Fluent's legends capitalize each word ("Both Ways"); the labels are written as the table shows them.
  chart: { '& .fui-legend__text': { textTransform: 'none' } },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

export function figureText(f: FigureValue, suffix = ''): string {
  return f.suppressed ? strings.dashboard.suppressed : `${f.value}${suffix}`;
}

export function ChartOrTable({
  title,
  chart,
  rows,
  header,
}: {
  title: string;
  chart: ReactNode | null;
  /** A label and one figure per column after the first. */
  rows: Array<[string, ...FigureValue[]]>;
  header: readonly string[];
}) {
  const styles = useStyles();
  const [asTable, setAsTable] = useState(chart === null);
  const table = (
    <table className={styles.table}>
      <caption className={styles.hidden}>{title}</caption>
      <thead>
        <tr>
          {header.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...figures]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {figures.map((f, i) => (
              <td key={header[i + 1] ?? i}>{figureText(f)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    // Focusable: on a 360 px screen the chart scrolls inside the card, and keyboard users must be able to scroll it
    // (axe: scrollable-region-focusable).
    <section className={styles.card} aria-label={title} tabIndex={0}>
      <div className={styles.head}>
        <Subtitle2 as="h2">{title}</Subtitle2>
        {chart !== null && (
          <Button size="small" appearance="subtle" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
            {asTable ? strings.dashboard.showChart : strings.dashboard.showTable}
          </Button>
        )}
      </div>
      {asTable ? (
        table
      ) : (
        <Suspense fallback={table}>
          {/* Inert, not only aria-hidden: the charts' bars take focus, and a hidden focusable is a trap for screen readers; the table below carries the figures. */}
          <div inert className={styles.chart}>
            {chart}
          </div>
          <div className={styles.hidden}>{table}</div>
        </Suspense>
      )}
    </section>
  );
}
