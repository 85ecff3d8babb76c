// Identifiers written as numbers, codes or addresses: record, plan, account,
// device and licence numbers; phone, fax, email, URL, IP; street addresses
// and ZIP codes.
import { digitCue, type Detector, type PhiKind } from './types.js';

/** A code with at least one digit (MA1234567, PM-88213X), optionally a letter prefix or digit groups ("WX 55910"). */
const code = String.raw`((?:[A-Z]{1,4}[\s-])?[A-Z0-9](?=[A-Z0-9-]*\d)[A-Z0-9-]{2,}[A-Z0-9](?:\s(?=[A-Z]{0,3}\d)[A-Z0-9]{2,})*)`;
const connector = String.raw`(?:\s+(?:number|no\.?|num|#|id|serial))?\s*(?:(?:is|are|was|:|#|-|=)\s*)?(?:(?:ending|ends)(?:\s+(?:in|with))?\s*)?`;

/** The words that introduce each kind of number. */
const numberWords: [PhiKind, string][] = [
  ['mrn', String.raw`MRN|MR\s?#|MR|medical record|med rec|chart|record(?=\s+(?:number|no\.?|#))`],
  ['ssn', String.raw`SSN|SS#|social security`],
  [
    'health-plan',
    String.raw`member|subscriber|policy|medicaid|medicare|insurance|health[- ]plan|beneficiary|HICN|MBI|group(?=\s+(?:number|no\.?|#|id))`,
  ],
  ['account', String.raw`account|acct|billing`],
  ['license', String.raw`license|licence|lic\.?|certificate|cert\.?|DEA|NPI|driver'?s license`],
  [
    'device',
    String.raw`serial|S\/N|SN|device|pacemaker|pump|implant|IMEI|UDI|glucometer|concentrator|CPAP|LVAD|wheelchair|walker`,
  ],
  ['id', String.raw`ID|identifier|case|claim|encounter|FIN|CSN`],
];

const afterNumberWord = ([kind, words]: [PhiKind, string]): Detector[] => [
  { kind, pattern: new RegExp(String.raw`\b(?:${words})\b\.?${connector}${code}`, 'gi'), group: 1, cue: digitCue },
  // "MRN ending 0193", "the last 4 of the MRN are 3310": a partial number still narrows to one person.
  {
    kind,
    pattern: new RegExp(
      String.raw`\b(?:${words})\b[^.\d\n]{0,12}?\b(?:ending|ends)(?:\s+(?:in|with))?\s*(\d{3,})`,
      'gi',
    ),
    group: 1,
    cue: digitCue,
  },
  {
    kind,
    pattern: new RegExp(
      String.raw`\blast\s+(?:4|four)\s+(?:digits\s+)?(?:of\s+)?(?:(?:the|his|her|their)\s+)?(?:${words})\b\s*(?:#\s*)?(?:is|are|was|:)?\s*(\d{4})`,
      'gi',
    ),
    group: 1,
    cue: digitCue,
  },
];

export const numberDetectors: Detector[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: 'url', pattern: /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]/gi },
  // A bare domain names a site, not a person; a path on it ("facebook.com/ron.d") can.
  {
    kind: 'url',
    pattern:
      /\b(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|ly|me|us|co|info|health|care)\/[^\s<>()"']*[^\s<>()"'.,;:!?]/gi,
  },
  { kind: 'ip', pattern: /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g, cue: digitCue },
  { kind: 'ip', pattern: /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi },
  { kind: 'ssn', pattern: /\b\d{3}-\d{2}-\d{4}\b/g, cue: digitCue },
  {
    kind: 'ssn',
    pattern: /\b(?:SSN|SS#|social security(?:\s+(?:number|no\.?|#))?)\s*(?:is|:|#)?\s*(\d{3}[- ]?\d{2}[- ]?\d{4})\b/gi,
    group: 1,
    cue: digitCue,
  },
  {
    kind: 'mrn',
    pattern:
      /\b(?:MRN|MR\s?#|MR\s+(?:number|no\.?)|medical record(?:\s+(?:number|no\.?|#))?|chart(?:\s+(?:number|no\.?|#))?)\s*(?:is|:|#|-)?\s*([A-Z]{0,3}-?\d[\dA-Z-]*(?:\s\d[\dA-Z-]*)*)\b/gi,
    accept: (m) => (m[1] ?? '').replace(/\D/g, '').length >= 4,
    cue: digitCue,
  },
  {
    kind: 'phone',
    pattern: /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g,
    relabel: (m, text) =>
      /\bfax\b[^\d]{0,12}$/i.test(text.slice(Math.max(0, m.index - 16), m.index)) ? 'fax' : 'phone',
    cue: digitCue,
  },
  ...numberWords.flatMap(afterNumberWord),
  {
    kind: 'vehicle',
    pattern: /\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b/g,
    cue: digitCue,
  },
  {
    kind: 'vehicle',
    pattern:
      /\b(?:license plate|plate(?:\s+number)?|tag)\s*(?:#|no\.?)?\s*(?:is|:|#)?\s*([A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4})\b/gi,
    group: 1,
    accept: (m) => /\d/.test(m[1] ?? ''),
    cue: digitCue,
  },
  { kind: 'id', pattern: /\b\d{7,}\b/g, cue: digitCue },
  // A number read out digit by digit ("4 8 2 0 1 9 3").
  { kind: 'id', pattern: /\b\d(?:[ .-]\d){6,}\b/g, cue: digitCue },
];

const streetSuffix = String.raw`(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Parkway|Pkwy|Highway|Hwy)`;
const states = String.raw`(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])`;

/** Every place detector needs a digit: a ZIP, a house, apartment or box number. */
export const placeDetectors: Detector[] = (
  [
    { kind: 'zip', pattern: /\b\d{5}-\d{4}\b/g },
    { kind: 'zip', pattern: new RegExp(String.raw`\b${states}\s+(\d{5})\b`, 'g'), group: 1 },
    { kind: 'zip', pattern: /\bzip(?:\s*code)?\s*(?:is|was|:|#)?\s*,?\s*(\d{5})\b/gi, group: 1 },
    { kind: 'zip', pattern: /\b(\d{5})\s+zip\b/gi, group: 1 },
    {
      kind: 'address',
      pattern: new RegExp(
        String.raw`\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+)\s+){1,3}${streetSuffix}\b\.?(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*#?\w+)?`,
        'gi',
      ),
    },
    { kind: 'address', pattern: /\b(?:Apt|Apartment|Unit)\.?\s*#?\d+[A-Z]?\b/g },
    { kind: 'address', pattern: /\bP\.?\s?O\.?\s+Box\s+\d+\b/gi },
  ] satisfies Detector[]
).map((d) => ({ ...d, cue: digitCue }));
