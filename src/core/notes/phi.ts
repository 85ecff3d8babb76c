// The PHI guard: finds text that looks like a patient identifier from the
// HIPAA Safe Harbor list, so the author can edit it out or confirm it is not
// one before a note is saved. Pure; runs in the browser and on the server.
// Offsets are UTF-16 code units of the original text, as JavaScript strings count.
import { dateDetectors } from './phi/dates.js';
import { bareNameFindings, nameDetectors } from './phi/names.js';
import { normaliseForScan } from './phi/normalise.js';
import { numberDetectors, placeDetectors } from './phi/numbers.js';
import type { Detector, PhiConfirmation, PhiFinding } from './phi/types.js';

export type { PhiConfirmation, PhiFinding, PhiKind } from './phi/types.js';

const detectors: Detector[] = [...numberDetectors, ...placeDetectors, ...dateDetectors, ...nameDetectors];

function patternFindings(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const d of detectors) {
    if (d.cue && !d.cue.test(text)) continue;
    d.pattern.lastIndex = 0;
    for (let m = d.pattern.exec(text); m !== null; m = d.pattern.exec(text)) {
      if (m[0].length === 0) {
        d.pattern.lastIndex++;
        continue;
      }
      if (d.accept && !d.accept(m, text)) continue;
      const value = d.group ? m[d.group] : m[0];
      if (!value) continue;
      const start = m.index + (d.group ? m[0].indexOf(value) : 0);
      found.push({ kind: d.relabel ? d.relabel(m, text) : d.kind, start, end: start + value.length, text: value });
    }
  }
  return found;
}

/** Longer spans win where findings overlap (an address beats the ZIP inside it). */
function withoutOverlaps(found: PhiFinding[]): PhiFinding[] {
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: PhiFinding[] = [];
  for (const f of found) {
    const clash = kept.find((k) => f.start < k.end && k.start < f.end);
    if (!clash) kept.push(f);
    else if (f.end - f.start > clash.end - clash.start) kept.splice(kept.indexOf(clash), 1, f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Every likely patient identifier in `text`, earliest first, no two overlapping. */
export function scanForPhi(text: string): PhiFinding[] {
  const normalised = normaliseForScan(text);
  const found = [...patternFindings(normalised.text), ...bareNameFindings(normalised.text)];
  return withoutOverlaps(found).map((f) => {
    const [start, end] = normalised.toOriginal(f.start, f.end);
    return { kind: f.kind, start, end, text: text.slice(start, end) };
  });
}

/** Findings the author has neither edited away nor confirmed; a save waits until this is empty. */
export function unconfirmedFindings(text: string, confirmations: readonly PhiConfirmation[]): PhiFinding[] {
  return scanForPhi(text).filter((f) => !confirmations.some((c) => c.kind === f.kind && c.text === f.text));
}
