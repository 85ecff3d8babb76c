// A quiet running clock: where the meeting is against the current section's minutes.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ClockReading } from './agendaSections.js';
import { meetingStrings as s } from './strings.js';

const useStyles = makeStyles({
  clock: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteDarkOrangeForeground1, fontVariantNumeric: 'tabular-nums' },
});

/** The current time, ticking every `everyMs` (the clock reads minutes, so a coarse tick is enough). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function clockText(reading: ClockReading): string {
  if (reading.phase === 'before') return s.clock.before(reading.minutes);
  if (reading.phase === 'after') return s.clock.after;
  return reading.over > 0 ? s.clock.over(reading.over) : s.clock.during(reading.elapsed, reading.allowed);
}

export function MeetingClock({ reading }: { reading: ClockReading }) {
  const styles = useStyles();
  const over = reading.phase === 'during' && reading.over > 0;
  return (
    <Text size={200} className={over ? styles.over : styles.clock} role="timer" aria-live="off">
      {clockText(reading)}
    </Text>
  );
}
