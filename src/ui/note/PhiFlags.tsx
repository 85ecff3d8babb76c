import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { FieldFinding } from '../../core/notes/review.js';
import { uiStrings } from '../strings.js';
import { stackedList } from '../styles.js';

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
  list: stackedList(tokens.spacingVerticalXXS),
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export const phiKindLabel = (kind: string) => uiStrings.note.phi.kinds[kind] ?? kind;

/**
 * The field's text with each flagged span marked, then one row per span to confirm it. Editing the text clears a flag.
 * `findings` are this field's, from the note's one review (src/core/notes/review): nothing is scanned here.
 */
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
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const pieces: { text: string; finding: FieldFinding | null }[] = [];
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    if (f.start > at) pieces.push({ text: text.slice(at, f.start), finding: null });
    pieces.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), finding: null });

  return (
    <div
      className={styles.box}
      role="group"
      aria-label={`${uiStrings.note.phi.title} — ${uiStrings.note.phi.inField(fieldLabel)}`}
    >
      <Text size={200} className={styles.mirror} data-testid="phi-mirror">
        {pieces.map((piece, i) =>
          piece.finding ? (
            <mark
              key={i}
              className={piece.finding.confirmed ? styles.confirmed : styles.mark}
              title={phiKindLabel(piece.finding.kind)}
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
          <li key={`${f.kind}-${f.start}`} className={styles.row}>
            <Text size={200}>{uiStrings.note.phi.finding(phiKindLabel(f.kind), f.text)}</Text>
            {f.confirmed ? (
              <Text size={200} weight="semibold">
                {uiStrings.note.phi.confirmed}
              </Text>
            ) : (
              <Button
                size="small"
                onClick={() => onConfirm(f.kind, f.text)}
                aria-label={`${uiStrings.note.phi.confirm}: ${f.text}`}
              >
                {uiStrings.note.phi.confirm}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
