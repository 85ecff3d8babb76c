import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { strings } from '../../strings.js';
import type { FieldFinding } from './noteReview.js';

const useStyles = makeStyles({
  box: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  mirror: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  // Dark text on saturated yellow reads in every theme (light, dark, high contrast).
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground3,
    color: '#000000',
    borderBottom: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    padding: '0 1px',
  },
  confirmed: {
    backgroundColor: 'transparent',
    textDecoration: 'underline dotted',
    color: tokens.colorNeutralForeground1,
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export const phiKindLabel = (kind: string) => strings.session.phi.kinds[kind] ?? kind;

/** The field's text with each flagged span marked, then one row per span to confirm it. Editing the text clears a flag. */
export function PhiFlags({
  text,
  findings,
  onConfirm,
  fieldLabel,
}: {
  text: string;
  findings: FieldFinding[];
  onConfirm: (kind: string, text: string) => void;
  fieldLabel: string;
}) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => a.finding.start - b.finding.start);
  const pieces: { text: string; finding: FieldFinding | null }[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.finding.start < at) continue;
    if (f.finding.start > at) pieces.push({ text: text.slice(at, f.finding.start), finding: null });
    pieces.push({ text: text.slice(f.finding.start, f.finding.end), finding: f });
    at = f.finding.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), finding: null });

  return (
    <div
      className={styles.box}
      role="group"
      aria-label={`${strings.session.phi.title} — ${strings.session.phi.inField(fieldLabel)}`}
    >
      <Text size={200} className={styles.mirror} data-testid="phi-mirror">
        {pieces.map((piece, i) =>
          piece.finding ? (
            <mark
              key={i}
              className={piece.finding.confirmed ? styles.confirmed : styles.mark}
              title={phiKindLabel(piece.finding.finding.kind)}
            >
              {piece.text}
            </mark>
          ) : (
            <Fragment key={i}>{piece.text}</Fragment>
          ),
        )}
      </Text>
      <ul className={styles.list}>
        {sorted.map((f) => (
          <li key={`${f.finding.kind}-${f.finding.start}`} className={styles.row}>
            <Text size={200}>{strings.session.phi.finding(phiKindLabel(f.finding.kind), f.finding.text)}</Text>
            {f.confirmed ? (
              <Text size={200} weight="semibold">
                {strings.session.phi.confirmed}
              </Text>
            ) : (
              <Button
                size="small"
                onClick={() => onConfirm(f.finding.kind, f.finding.text)}
                aria-label={`${strings.session.phi.confirm}: ${f.finding.text}`}
              >
                {strings.session.phi.confirm}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
