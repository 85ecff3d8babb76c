// How well the guard does on a labelled corpus, at sentence level: a sentence
// with an identifier counts as found when the guard flags anything in it.
import type { PhiFinding } from './types.js';

export interface LabelledSentence {
  text: string;
  phi: boolean;
  /** Which identifier the sentence slips in (age, name, mrn, ...), for coverage checks. */
  kind?: string;
}

export interface GuardFigures {
  sentences: number;
  identifierSentences: number;
  cleanSentences: number;
  recall: number;
  precision: number;
  falsePositiveRate: number;
  missed: string[];
  falseAlarms: string[];
}

/** One labelled sentence a line, as JSON `{"text", "phi", "kind"?}`. */
export function parseCorpus(jsonl: string): LabelledSentence[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<LabelledSentence>;
      if (typeof row.text !== 'string' || typeof row.phi !== 'boolean')
        throw new Error(`line ${i + 1}: expected {"text": string, "phi": boolean}`);
      return { text: row.text, phi: row.phi, ...(row.kind ? { kind: row.kind } : {}) };
    });
}

// An empty denominator means nothing could go wrong, so the figure is the perfect one.
const ratio = (part: number, whole: number, perfect: number) => (whole === 0 ? perfect : part / whole);

export function guardFigures(corpus: readonly LabelledSentence[], scan: (text: string) => PhiFinding[]): GuardFigures {
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  let found = 0;
  for (const sentence of corpus) {
    const flagged = scan(sentence.text).length > 0;
    if (sentence.phi && flagged) found++;
    else if (sentence.phi) missed.push(sentence.text);
    else if (flagged) falseAlarms.push(sentence.text);
  }
  const identifierSentences = corpus.filter((s) => s.phi).length;
  const cleanSentences = corpus.length - identifierSentences;
  return {
    sentences: corpus.length,
    identifierSentences,
    cleanSentences,
    recall: ratio(found, identifierSentences, 1),
    precision: ratio(found, found + falseAlarms.length, 1),
    falsePositiveRate: ratio(falseAlarms.length, cleanSentences, 0),
    missed,
    falseAlarms,
  };
}
