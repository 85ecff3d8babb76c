// Evasions must not hide an identifier: the guard matches on text folded with
// NFKC (full-width digits become ASCII), without zero-width characters and with
// every dash as "-", then reports spans of the author's original text.

const invisible = /^[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]$/;
const dashes = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

export interface NormalisedText {
  text: string;
  /** The original span [start, end) that produced normalised [start, end). */
  toOriginal(start: number, end: number): [number, number];
}

export function normaliseForScan(original: string): NormalisedText {
  if (!/[^\t\n\r\x20-\x7e]/.test(original)) return { text: original, toOriginal: (start, end) => [start, end] };
  let text = '';
  // For each normalised UTF-16 unit: where the code point that produced it starts and ends in the original.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length;) {
    const char = String.fromCodePoint(original.codePointAt(i)!);
    const next = i + char.length;
    if (!invisible.test(char)) {
      const folded = char.normalize('NFKC').replace(dashes, '-');
      for (let k = 0; k < folded.length; k++) {
        starts.push(i);
        ends.push(next);
      }
      text += folded;
    }
    i = next;
  }
  return {
    text,
    toOriginal: (start, end) => [starts[start] ?? original.length, ends[end - 1] ?? original.length],
  };
}
