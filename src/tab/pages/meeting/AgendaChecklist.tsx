// The agenda as a compact checklist: each section with its minutes, the current
// one marked with the meeting's clock. Ticks are kept in this browser per
// session, so they survive the side panel being closed and reopened.
import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { clockReading, type ChecklistSection } from './agendaSections.js';
import { MeetingClock, useNow } from './MeetingClock.js';
import { meetingStrings as s } from './strings.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    paddingInlineEnd: tokens.spacingHorizontalXS,
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  minutes: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  label: { overflowWrap: 'anywhere' },
  clock: { gridColumn: '1 / 3', paddingInlineStart: '32px', paddingBottom: tokens.spacingVerticalXS },
});

const storageKey = (sessionId: string) => `reciprocal.agendaTicks.${sessionId}`;

function useTicks(sessionId: string): [ReadonlySet<number>, (index: number, done: boolean) => void] {
  const [ticks, setTicks] = useState<ReadonlySet<number>>(() => {
    try {
      const saved: unknown = JSON.parse(window.localStorage.getItem(storageKey(sessionId)) ?? '[]');
      return new Set(Array.isArray(saved) ? saved.filter((n): n is number => Number.isInteger(n)) : []);
    } catch {
      return new Set();
    }
  });
  const tick = useCallback(
    (index: number, done: boolean) =>
      setTicks((current) => {
        const next = new Set(current);
        if (done) next.add(index);
        else next.delete(index);
        try {
          window.localStorage.setItem(storageKey(sessionId), JSON.stringify([...next]));
        } catch {
          // Not remembered; still shown.
        }
        return next;
      }),
    [sessionId],
  );
  return [ticks, tick];
}

export function AgendaChecklist({
  sessionId,
  sections,
  session,
}: {
  sessionId: string;
  sections: ChecklistSection[];
  session: { start: string; end: string };
}) {
  const styles = useStyles();
  const now = useNow();
  const [ticks, tick] = useTicks(sessionId);
  if (sections.length === 0) return <Text>{s.noAgenda}</Text>;
  const reading = clockReading(sections, session, now);
  const current = reading.phase === 'during' ? reading.section : -1;
  return (
    <>
      {reading.phase !== 'during' ? <MeetingClock reading={reading} /> : null}
      <ul className={styles.list} aria-label={s.agendaLabel}>
        {sections.map((section, index) => (
          <li
            key={`${section.title}-${index}`}
            className={index === current ? `${styles.row} ${styles.current}` : styles.row}
            aria-current={index === current ? 'step' : undefined}
          >
            <Checkbox
              checked={ticks.has(index)}
              onChange={(_, d) => tick(index, Boolean(d.checked))}
              label={<span className={styles.label}>{section.title}</span>}
            />
            {section.minutes !== null ? (
              <Text size={200} className={styles.minutes}>
                {s.minutes(section.minutes)}
              </Text>
            ) : null}
            {index === current ? (
              <span className={styles.clock}>
                <MeetingClock reading={reading} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
