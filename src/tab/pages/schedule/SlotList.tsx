import { Button, Card, makeStyles, Skeleton, SkeletonItem, Text, tokens } from '@fluentui/react-components';
import type { SlotSuggestion } from '../../../core/api.js';
import { formatInZone } from '../../dates.js';
import { strings } from '../../strings.js';
import { stackedList } from '../../../ui/styles.js';

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalS),
  slot: { display: 'grid', gridTemplateColumns: '1fr auto', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  times: { margin: 0, padding: 0, listStyle: 'none' },
  reasons: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
  },
});

/** Ranked suggestions, each in both people's own time zones with the reasons it ranks where it does. */
export function SlotList({
  slots,
  locale,
  viewerId,
  actionLabel,
  onPick,
  busy,
}: {
  slots: SlotSuggestion[];
  locale: string;
  /** The headline shows the slot in this person's mailbox zone (the viewer's), labelled. */
  viewerId: string;
  actionLabel: string;
  onPick: (slot: SlotSuggestion) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  return (
    <ol className={styles.list} aria-label={strings.schedule.slotsLabel}>
      {slots.map((slot) => {
        const mine = slot.localTimes.find((t) => t.userId === viewerId) ?? slot.localTimes[0];
        const title = mine ? formatInZone(slot.start, locale, mine.timeZone, mine.local) : slot.start;
        return (
          <li key={slot.start}>
            <Card className={styles.slot} aria-label={title}>
              <div>
                <Text weight="semibold" block>
                  {title}
                </Text>
                <ul className={styles.times}>
                  {slot.localTimes.map((t) => (
                    <li key={t.userId}>
                      <Text size={200}>
                        {t.displayName}: {formatInZone(slot.start, locale, t.timeZone, t.local)}
                      </Text>
                    </li>
                  ))}
                </ul>
                <ul className={styles.reasons}>
                  {slot.reasons.map((reason) => (
                    <li key={reason}>
                      <Text size={200}>{reason}</Text>
                    </li>
                  ))}
                </ul>
              </div>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => onPick(slot)}
                aria-label={`${actionLabel}: ${title}`}
              >
                {actionLabel}
              </Button>
            </Card>
          </li>
        );
      })}
    </ol>
  );
}

export function SlotListSkeleton() {
  return (
    <Skeleton aria-label={strings.loading}>
      {[0, 1, 2].map((i) => (
        <SkeletonItem key={i} size={72} style={{ marginBottom: 8 }} />
      ))}
    </Skeleton>
  );
}
