import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { DirectionBalance } from '../../core/api.js';
import { strings } from '../strings.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: '2px',
    height: '8px',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
    marginTop: tokens.spacingVerticalXXS,
  },
  reverse: { backgroundColor: tokens.colorPaletteTealBorderActive },
  traditional: { backgroundColor: tokens.colorPaletteBerryBorderActive },
  both: { backgroundColor: tokens.colorPaletteMarigoldBorderActive },
});

/** How many sessions went each way so far: the pair should learn both ways. */
export function DirectionBalanceBar({ balance }: { balance: DirectionBalance }) {
  const styles = useStyles();
  const total = balance.reverse + balance.traditional + balance.both;
  const width = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`;
  const text = strings.pairs.balanceValue(balance.reverse, balance.traditional, balance.both);
  return (
    <div>
      <Text size={200}>{text}</Text>
      <div className={styles.bar} role="img" aria-label={`${strings.pairs.balance}: ${text}`}>
        {/* Gaps keep the segments apart where a theme draws them in one colour (high contrast). */}
        {balance.reverse ? <span className={styles.reverse} style={{ width: width(balance.reverse) }} /> : null}
        {balance.traditional ? (
          <span className={styles.traditional} style={{ width: width(balance.traditional) }} />
        ) : null}
        {balance.both ? <span className={styles.both} style={{ width: width(balance.both) }} /> : null}
      </div>
    </div>
  );
}
