// The PHI guard: finds text that looks like a patient identifier from the
// HIPAA Safe Harbor list, so the author can edit it out or confirm it is not
// one before a note is saved. Pure; runs in the browser and on the server.
// Offsets are UTF-16 code units, as JavaScript strings count.

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

interface Detector {
  kind: PhiKind;
  pattern: RegExp;
  /** Which capture group is the identifier (0 = whole match). */
  group?: number;
  accept?: (match: RegExpExecArray, text: string) => boolean;
  /** Re-labels a match, e.g. a phone number after "fax". */
  relabel?: (match: RegExpExecArray, text: string) => PhiKind;
}

const month = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const fullDate = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|${month}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${month},?\s+\d{4})`;
/** A code with at least one digit, e.g. MA1234567, PM-88213X. */
const code = String.raw`([A-Z0-9](?=[A-Z0-9-]*\d)[A-Z0-9-]{4,}[A-Z0-9])`;
const ci = (word: string) => word.replace(/[a-z]/gi, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
const personWords = String.raw`(?:${['patient', 'client', 'member', 'resident', 'consumer', 'enrollee', 'beneficiary'].map(ci).join('|')}|[Pp]t\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Miss)`;
const relatives = String.raw`(?:${['her', 'his', 'their', "the patient's", "patient's", "client's"].map(ci).join('|')})\s+(?:son|daughter|husband|wife|mother|father|mom|dad|brother|sister|caregiver|grandson|granddaughter|grandmother|grandfather|partner|spouse|niece|nephew|aunt|uncle|guardian|neighbor)`;
const capitalizedName = String.raw`[A-Z][a-zà-öø-ÿ'’-]+`;
const nameAfter = String.raw`(${capitalizedName}(?:\s+[A-Z]\.)?(?:\s+${capitalizedName})?|[A-Z]\.\s?${capitalizedName})`;

/** Capitalized words that follow "patient" or "client" without being names. */
const notNames = new Set(
  'The This That These Those A An I We You He She They It Portal Portals Services Service Care Education Experience Safety Advocate Advocates Advisory Navigator Navigators Navigation Satisfaction Centered Engagement Rights Intake Hub Flow Access Outcomes Experience Relations Support Success Voice Voices Council Family Families Transport Transportation Registration Scheduling Record Records Information Identifiers Identifier Names Name Data Privacy Perspective Perspectives Feedback Stories Story Journey Population Populations Needs Goals Goal Preferences Preference Dignity Autonomy Trust Education Handouts Materials Teaching Instructions Assistance Financial Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December HIPAA Epic Cerner Teams Outlook Microsoft MyChart'.split(
    ' ',
  ),
);

const detectors: Detector[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: 'url', pattern: /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]/gi },
  { kind: 'ip', pattern: /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g },
  { kind: 'ip', pattern: /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi },
  { kind: 'ssn', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  {
    kind: 'ssn',
    pattern: /\b(?:SSN|SS#|social security(?:\s+(?:number|no\.?|#))?)\s*(?:is|:|#)?\s*(\d{3}[- ]?\d{2}[- ]?\d{4})\b/gi,
    group: 1,
  },
  {
    kind: 'mrn',
    pattern:
      /\b(?:MRN|MR\s?#|MR\s+(?:number|no\.?)|medical record(?:\s+(?:number|no\.?|#))?|chart(?:\s+(?:number|no\.?|#)))\s*(?:is|:|#|-)?\s*[A-Z]{0,3}\d[\dA-Z-]{3,}\b/gi,
  },
  {
    kind: 'phone',
    pattern: /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g,
    relabel: (m, text) =>
      /\bfax\b[^\d]{0,12}$/i.test(text.slice(Math.max(0, m.index - 16), m.index)) ? 'fax' : 'phone',
  },
  { kind: 'zip', pattern: /\b\d{5}-\d{4}\b/g },
  {
    kind: 'zip',
    pattern:
      /\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\s+(\d{5})\b/g,
    group: 1,
  },
  {
    kind: 'address',
    pattern:
      /\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Parkway|Pkwy|Highway|Hwy)\b\.?(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*#?\w+)?/g,
  },
  { kind: 'address', pattern: /\b(?:Apt|Apartment|Unit)\.?\s*#?\d+[A-Z]?\b/g },
  { kind: 'address', pattern: /\bP\.?\s?O\.?\s+Box\s+\d+\b/gi },
  {
    kind: 'date',
    pattern: new RegExp(
      String.raw`\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|born(?:\s+on)?|birthday(?:\s+is)?)\s*[:\-]?\s*(${fullDate})`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'date',
    pattern: new RegExp(
      String.raw`\b(?:admitted|discharged|admission|discharge|died|passed away|deceased|expired|date of death|DOD|surgery|transplanted|delivered|readmitted|seen)\b[^.;\n]{0,24}?\b(?:on\s+)?(${fullDate})`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'date',
    pattern: new RegExp(fullDate, 'g'),
    // A full date is a patient identifier when the sentence is about a person's care.
    accept: (m, text) =>
      /\b(?:patient|pt|client|member|resident|his|her|he|she|mother|father|son|daughter|husband|wife|DOB|born|admit|discharg|surgery|transplant|diagnos|visit|appointment|ED|ER)\b/i.test(
        sentenceAround(text, m.index),
      ),
  },
  {
    kind: 'health-plan',
    pattern: new RegExp(
      String.raw`\b(?:member|subscriber|policy|medicaid|medicare|insurance|health[- ]plan|beneficiary|HICN|MBI|group)\s*(?:id|#|no\.?|number)\s*(?:is|:|#)?\s*${code}`,
      'gi',
    ),
    group: 1,
  },
  { kind: 'health-plan', pattern: new RegExp(String.raw`\b(?:medicaid|medicare|MBI|HICN)\s+${code}`, 'gi'), group: 1 },
  {
    kind: 'account',
    pattern: /\b(?:account|acct|billing)\s*(?:#|no\.?|number)?\s*(?:is|:|#)?\s*(\d[\d-]{5,})\b/gi,
    group: 1,
  },
  {
    kind: 'license',
    pattern: new RegExp(
      String.raw`\b(?:license|licence|lic\.?|certificate|cert\.?|DEA|NPI|driver'?s license)\s*(?:#|no\.?|number)?\s*(?:is|:|#)?\s*${code}`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'device',
    pattern: new RegExp(
      String.raw`\b(?:serial|S\/N|SN|device(?:\s+id)?|pacemaker|pump|implant|IMEI|UDI|glucometer)(?:\s+serial)?\s*(?:#|no\.?|number|id)?\s*(?:is|:|#)?\s*${code}`,
      'gi',
    ),
    group: 1,
  },
  {
    kind: 'vehicle',
    pattern: /\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b/g,
  },
  {
    kind: 'vehicle',
    pattern:
      /\b(?:license plate|plate(?:\s+number)?|tag)\s*(?:#|no\.?)?\s*(?:is|:|#)?\s*([A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4})\b/gi,
    group: 1,
    accept: (m) => /\d/.test(m[1] ?? ''),
  },
  {
    kind: 'name',
    pattern: new RegExp(String.raw`\b${personWords},?\s+${nameAfter}`, 'g'),
    group: 1,
    accept: (m) => !notNames.has((m[1] ?? '').split(/\s+/)[0]!),
  },
  {
    kind: 'name',
    pattern: new RegExp(String.raw`\b${relatives},?\s+${nameAfter}`, 'g'),
    group: 1,
    accept: (m) => !notNames.has((m[1] ?? '').split(/\s+/)[0]!),
  },
  {
    kind: 'name',
    pattern: new RegExp(String.raw`\b${nameAfter}\s*,?\s+(?:in\s+)?(?:bed|room|rm\.?)\s+\d+`, 'g'),
    group: 1,
    accept: (m) => !notNames.has((m[1] ?? '').split(/\s+/)[0]!),
  },
  {
    kind: 'id',
    pattern: new RegExp(
      String.raw`\b(?:ID|identifier|case|claim|encounter|visit|FIN|CSN)\s*(?:#|no\.?|number)\s*(?:is|:|#)?\s*${code}`,
      'gi',
    ),
    group: 1,
  },
  { kind: 'id', pattern: /\b\d{7,}\b/g },
];

function sentenceAround(text: string, index: number): string {
  const before = text.slice(0, index);
  const start =
    Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('! '), before.lastIndexOf('? ')) +
    1;
  const rest = text.slice(index);
  const endRel = rest.search(/[.!?](\s|$)|\n/);
  return text.slice(start, endRel === -1 ? text.length : index + endRel);
}

/** Every likely patient identifier in `text`, earliest first, no two overlapping. */
export function scanForPhi(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const d of detectors) {
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
  // Longer spans first where they overlap (an address beats the ZIP inside it).
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: PhiFinding[] = [];
  for (const f of found) {
    const clash = kept.find((k) => f.start < k.end && k.start < f.end);
    if (!clash) kept.push(f);
    else if (f.end - f.start > clash.end - clash.start) kept.splice(kept.indexOf(clash), 1, f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Findings the author has neither edited away nor confirmed; a save waits until this is empty. */
export function unconfirmedFindings(text: string, confirmations: readonly PhiConfirmation[]): PhiFinding[] {
  return scanForPhi(text).filter((f) => !confirmations.some((c) => c.kind === f.kind && c.text === f.text));
}
