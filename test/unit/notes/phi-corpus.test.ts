// The guard's figures on the labelled corpus: a tuning half the detectors were
// shaped on and a held-out half written before they changed and never tuned on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForPhi } from '../../../src/core/notes/phi.js';
import { guardFigures, parseCorpus, type GuardFigures } from '../../../src/core/notes/phi/evaluation.js';

const half = (name: 'tune' | 'heldout') =>
  parseCorpus(readFileSync(path.resolve(__dirname, `../../fixtures/phi-corpus.${name}.jsonl`), 'utf8'));
const tune = half('tune');
const heldout = half('heldout');

/** The identifier kinds the recall issue found missing; each half must slip in every one. */
const categories = ['age', 'name', 'mrn', 'dob', 'date', 'address', 'zip', 'plan', 'device', 'url', 'evasion'];

function report(name: string, figures: GuardFigures): void {
  const { missed, falseAlarms, ...summary } = figures;
  console.log(`PHI guard, ${name} half: ${JSON.stringify(summary)}`);
  if (missed.length) console.log(`missed: ${missed.join(' | ')}`);
  if (falseAlarms.length) console.log(`false alarms: ${falseAlarms.join(' | ')}`);
}

describe('labelled corpus', () => {
  it('holds at least 500 sentences, half of them clean, in two halves with no sentence in both', () => {
    const all = [...tune, ...heldout];
    expect(all.length).toBeGreaterThanOrEqual(500);
    expect(all.filter((s) => !s.phi).length).toBeGreaterThanOrEqual(all.length / 2 - 5);
    for (const rows of [tune, heldout])
      expect(Math.abs(2 * rows.filter((s) => s.phi).length - rows.length)).toBeLessThan(10);
    const tuneTexts = new Set(tune.map((s) => s.text));
    expect(heldout.filter((s) => tuneTexts.has(s.text))).toEqual([]);
  });

  it.each(categories)('slips in %s identifiers in both halves', (category) => {
    expect(tune.filter((s) => s.kind === category).length).toBeGreaterThanOrEqual(2);
    expect(heldout.filter((s) => s.kind === category).length).toBeGreaterThanOrEqual(2);
  });

  it('finds every identifier sentence it was tuned on, with no false alarms', () => {
    const figures = guardFigures(tune, scanForPhi);
    report('tuning', figures);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });

  it('reaches recall >= 0.95 with a false-positive rate <= 0.05 on the held-out half', () => {
    const figures = guardFigures(heldout, scanForPhi);
    report('held-out', figures);
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });
});
