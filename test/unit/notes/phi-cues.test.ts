// A detector's cue lets the guard skip a pattern for text that cannot match it
// (so the big date patterns are not compiled for a note without a digit, or
// without a day in words and a month). A wrong cue would hide an identifier:
// every text below that a detector matches must pass its cue, in every case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateDetectors } from '../../../src/core/notes/phi/dates.js';
import { parseCorpus } from '../../../src/core/notes/phi/evaluation.js';
import { numberDetectors, placeDetectors } from '../../../src/core/notes/phi/numbers.js';
import type { Detector } from '../../../src/core/notes/phi/types.js';
import { scanForPhi } from '../../../src/core/notes/phi.js';

const corpus = ['tune', 'heldout'].flatMap((half) =>
  parseCorpus(readFileSync(path.resolve(__dirname, `../../fixtures/phi-corpus.${half}.jsonl`), 'utf8')).map(
    (row) => row.text,
  ),
);
/** Identifiers written every way the detectors read them, beside the corpus. */
const written = [
  'DOB: the first of May, nineteen fifty',
  'born on March 3rd, 2001',
  'admitted 3/14 and discharged on the twenty-first of June',
  'surgery on Sept. 9',
  'she turned one hundred and two last week',
  'he is ninety-one, now',
  '97 yo',
  'member ID MA1234567',
  'policy ending in 4821',
  'last four of her SSN is 1234',
  'MRN: 00482913',
  'call (555) 201-7788',
  'VIN 1HGCM82633A004352',
  'plate 7ABC123',
  'Apt 4B',
  'PO Box 18',
  '1400 N Lakeshore Drive',
  'Springfield, IL 62704',
];
const texts = [...corpus, ...written].flatMap((text) => [text, text.toUpperCase(), text.toLowerCase()]);

function accepted(d: Detector, text: string): boolean {
  const pattern = new RegExp(d.pattern.source, d.pattern.flags);
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++;
    else if (!d.accept || d.accept(m, text)) return true;
  }
  return false;
}

describe("the PHI detectors' cues", () => {
  const cued = [...dateDetectors, ...numberDetectors, ...placeDetectors].filter((d) => d.cue);

  it('cover the date patterns, the costliest to compile', () => {
    expect(dateDetectors.every((d) => d.cue)).toBe(true);
    expect(cued.length).toBeGreaterThan(20);
  });

  it('pass every text their detector matches, so skipping on a failed cue hides nothing', () => {
    const hidden = cued.flatMap((d) =>
      texts.filter((text) => !d.cue!.test(text) && accepted(d, text)).map((text) => `${d.kind}: ${text}`),
    );
    expect(hidden).toEqual([]);
  });

  it('skip the date patterns for prose that names a month but no day', () => {
    const prose = 'We agreed in March to decide which junior doctors may join the October review.';
    expect(dateDetectors.filter((d) => d.cue!.test(prose))).toEqual([]);
  });

  it('leave the written identifiers found', () => {
    for (const text of written) expect(scanForPhi(text), text).not.toEqual([]);
  });
});
