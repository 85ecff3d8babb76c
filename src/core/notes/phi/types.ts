// The guard's public shapes, and the shape every detector shares.

export type PhiKind =
  | 'ssn'
  | 'mrn'
  | 'phone'
  | 'fax'
  | 'email'
  | 'date'
  | 'address'
  | 'zip'
  | 'url'
  | 'ip'
  | 'health-plan'
  | 'account'
  | 'license'
  | 'device'
  | 'vehicle'
  | 'name'
  | 'id';

export interface PhiFinding {
  kind: PhiKind;
  start: number;
  end: number;
  text: string;
}

export interface PhiConfirmation {
  kind: string;
  text: string;
}

export interface Detector {
  kind: PhiKind;
  pattern: RegExp;
  /** Which capture group is the identifier (0 = whole match). */
  group?: number;
  accept?: (match: RegExpExecArray, text: string) => boolean;
  /** Re-labels a match, e.g. a phone number after "fax". */
  relabel?: (match: RegExpExecArray, text: string) => PhiKind;
  /**
   * A quick test every accepted match passes (a digit, a month's name): a text
   * that fails it is not run through `pattern`, whose first use compiles it
   * (tens of milliseconds for the date patterns, noticeable when a note opens).
   */
  cue?: Cue;
}

/** A regular expression, or a test made of several. */
export interface Cue {
  test(text: string): boolean;
}

/** Every match of the detectors given this cue holds a digit. */
export const digitCue = /\d/;

/** Matches `word` in any letter case, for cue words inside otherwise case-sensitive patterns. */
export const anyCase = (word: string) => word.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);

/** The sentence holding `index`, for detectors whose verdict depends on what the sentence is about. */
export function sentenceAround(text: string, index: number): string {
  const before = text.slice(0, index);
  const start =
    Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('! '), before.lastIndexOf('? ')) +
    1;
  const rest = text.slice(index);
  const endRel = rest.search(/[.!?](\s|$)|\n/);
  return text.slice(start, endRel === -1 ? text.length : index + endRel);
}

/** A person's name inside a sentence, in UTF-16 code units from its start. */
export interface PersonSpan {
  start: number;
  length: number;
}
