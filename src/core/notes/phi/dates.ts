// Dates tied to a person (birth, admission, discharge, death) with or without
// a year, in digits or in words, and ages over 89, which Safe Harbor counts
// among the date elements.
import { sentenceAround, type Cue, type Detector } from './types.js';

const month = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const units = 'one|two|three|four|five|six|seven|eight|nine';
const ordinalWord = String.raw`(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first)`;
const day = String.raw`(?:\d{1,2}(?:st|nd|rd|th)?|${ordinalWord})`;
const yearInWords = String.raw`(?:nineteen|twenty)[- ](?:oh[- ](?:${units})|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${units}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two thousand(?:[- ](?:and[- ])?(?:${units}|ten|eleven|twelve))?`;
const year = String.raw`(?:(?:19|20)\d{2}|${yearInWords})`;
const wordDate = String.raw`${month}\s+${day},?\s+${year}|(?:the\s+)?${day}\s+(?:of\s+)?${month},?\s+${year}`;
const fullDate = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|${wordDate})`;
const yearlessDate = String.raw`(?:\d{1,2}/\d{1,2}(?![/\d])|${month}\s+\d{1,2}(?:st|nd|rd|th)?(?![\d/:])|(?:the\s+)?${day}\s+(?:of\s+)?${month})`;
const anyDate = `(?:${fullDate}|${yearlessDate})`;

const birthCue = String.raw`\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|born(?:\s+on)?|birthday)`;
/** Events in a patient's care whose date identifies them; a meeting of the pair is not one. */
const careEvent = String.raw`\b(?:admitted|admit(?:\s+date)?|admission|discharged|discharge date|died|passed away|deceased|expired|date of death|DOD|surgery|operation|transplant(?:ed)?|delivered|readmitted|seen in (?:clinic|the ED|the ER)|came (?:in|to the ED|to the ER)|ED|ER|fell)\b`;

const ordinalWordCue =
  /first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|twentieth|thirtieth/i;
const monthCue = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
/**
 * Every date above holds a digit, or a day in words with a month's name. A
 * month's first letters alone pass far too much prose ("decision", "doctor",
 * "may"): most notes would compile these patterns as they open.
 */
const dateCue: Cue = { test: (text) => /\d/.test(text) || (ordinalWordCue.test(text) && monthCue.test(text)) };
/** An age over 89 is written in digits, or with "ninety" or "hundred". */
const ageCue = /\d|ninety|hundred/i;

const overNinety = String.raw`(?:9\d|1[01]\d)`;
const spelledOverNinety = String.raw`(?:ninety|one hundred)(?:[- ](?:and[- ])?(?:${units}))?`;

export const dateDetectors: Detector[] = [
  {
    kind: 'date',
    pattern: new RegExp(String.raw`${birthCue}\s*(?:is|was|:|-)?\s*(${anyDate})`, 'gi'),
    group: 1,
    cue: dateCue,
  },
  {
    kind: 'date',
    pattern: new RegExp(String.raw`${careEvent}[^.;\n]{0,24}?\b(?:on\s+)?(${anyDate})`, 'gi'),
    group: 1,
    cue: dateCue,
  },
  {
    kind: 'date',
    pattern: new RegExp(fullDate, 'g'),
    cue: dateCue,
    // A full date is a patient identifier when the sentence is about a person's care.
    accept: (m, text) =>
      /\b(?:patient|pt|client|member|resident|his|her|he|she|mother|father|son|daughter|husband|wife|DOB|born|admit|discharg|surgery|transplant|diagnos|visit|appointment|ED|ER)\b/i.test(
        sentenceAround(text, m.index),
      ),
  },
  // Ages over 89: "92 yo", "a 90-year-old", "is 98 and", "ninety-one".
  {
    kind: 'date',
    pattern: new RegExp(String.raw`\b(?:${overNinety}|${spelledOverNinety})[\s-]*(?:years?|yrs?)[\s-]*old\b`, 'gi'),
    cue: ageCue,
  },
  {
    kind: 'date',
    pattern: new RegExp(String.raw`\b${overNinety}\s*(?:yo|y\/o|y\.o\.?|yoa)(?![a-z])`, 'gi'),
    cue: ageCue,
  },
  {
    kind: 'date',
    pattern: new RegExp(
      String.raw`\b(?:aged?|turned|turns|turning|is|was|now)\s+(${overNinety}|${spelledOverNinety})(?=\s*(?:[,.;:!?)]|$|\s+(?:and|but|now|yet|so|with|who|this|last|next|today|years?)\b))`,
      'gi',
    ),
    group: 1,
    cue: ageCue,
  },
];
