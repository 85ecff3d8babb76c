import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { shellStrings as strings } from '../shellStrings.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '960px',
  },
  card: { display: 'grid', gridTemplateColumns: '48px 1fr', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** Placeholder shaped like a list of cards; shown at once, never a spinner. */
export function PageSkeleton({ rows = 3 }: { rows?: number }) {
  const styles = useStyles();
  return (
    <Skeleton aria-label={strings.loading} className={styles.root}>
      <SkeletonItem shape="rectangle" size={32} style={{ width: '40%' }} />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={styles.card}>
          <SkeletonItem shape="circle" size={48} />
          <div>
            <SkeletonItem size={16} style={{ width: '60%', marginBottom: 8 }} />
            <SkeletonItem size={12} style={{ width: '85%' }} />
          </div>
        </div>
      ))}
    </Skeleton>
  );
}
