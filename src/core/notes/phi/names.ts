// Person names: after a title ("mr jenkins", "MR. GARCIA"), a patient word
// ("client Tyrone W."), a relative ("pt's husband Robert"), as a family
// ("the Smith family"), and bare names (compromise's lexicon) in a sentence
// about someone's care rather than about a colleague teaching or learning.
// `#person-tagger` is compromise itself on the server and in tests; in the
// browser bundle it is loaded after the page renders (package.json "imports").
import { tagPeople } from '#person-tagger';
import { anyCase, type Detector, type PhiFinding } from './types.js';

const properName = String.raw`[A-Z][a-zà-öø-ÿ'’-]+`;
const capsName = String.raw`[A-Z][A-Z'’-]+`;
const nameAfter = String.raw`(${properName}(?:\s+[A-Z]\.)?(?:\s+${properName})?|[A-Z]\.\s?${properName})`;
const capsNameAfter = String.raw`(${capsName}(?:\s+[A-Z]\.)?(?:\s+${capsName})?)`;

const personWords = ['patient', 'client', 'member', 'resident', 'consumer', 'enrollee', 'beneficiary'];
const personCue = String.raw`(?:${personWords.map(anyCase).join('|')}|[Pp]t\.?)`;
const personCueCaps = String.raw`(?:${personWords.map((w) => w.toUpperCase()).join('|')}|PT\.?)`;
const relations = String.raw`(?:son|daughter|husband|wife|mother|father|mom|dad|brother|sister|caregiver|grandson|granddaughter|grandmother|grandfather|partner|spouse|niece|nephew|aunt|uncle|guardian|neighbor|neighbour|friend|cousin|proxy)(?:-in-law)?`;
const possessors = String.raw`(?:her|his|their|the patient's|patient's|pt's|client's|resident's|member's)`;
const relative = String.raw`${possessors.replace(/[a-z]+/g, anyCase)}\s+${anyCase(relations)}`;
const titles = String.raw`(?:[Mm][Rr][Ss]?|[Mm][SsXx]|Miss|MISS)`;

/** Capitalized words that follow a cue without being names. */
const notNames = new Set(
  'The This That These Those A An I We You He She They It Our My Your Whole Extended Foster Host Blended Patient Patients Client Member Portal Portals Services Service Care Education Experience Safety Advocate Advocates Advisory Navigator Navigators Navigation Satisfaction Centered Engagement Rights Intake Hub Flow Access Outcomes Relations Support Success Voice Voices Council Family Families Transport Transportation Registration Scheduling Record Records Information Identifiers Identifier Names Name Data Privacy Perspective Perspectives Feedback Stories Story Journey Population Populations Needs Goals Goal Preferences Preference Dignity Autonomy Trust Handouts Materials Teaching Instructions Assistance Financial Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December HIPAA Epic Cerner Teams Outlook Microsoft MyChart Word Excel Forms Lists Office Planner Edge And Or Of To In On At With Was Is Are Has Had Who Said Says Will Would'.split(
    ' ',
  ),
);
/** Well-known figures a note may cite ("Mr. Rogers' approach"). */
const publicFigures = new Set(['Rogers', 'Doubtfire', 'Bean', 'Miyagi', 'Potato', 'Clean', 'Spock', 'Darcy']);

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
const firstWord = (m: RegExpExecArray) => titleCase((m[1] ?? '').split(/[\s’']+/)[0]!);
const isName = (m: RegExpExecArray) => !notNames.has(firstWord(m)) && !publicFigures.has(firstWord(m));

const nameDetector = (pattern: string, flags = 'g'): Detector => ({
  kind: 'name',
  pattern: new RegExp(pattern, flags),
  group: 1,
  accept: isName,
});

export const nameDetectors: Detector[] = [
  // After a title the surname may be lower case ("mr jenkins") or ALL CAPS ("MR. FITZGERALD").
  nameDetector(String.raw`\b${titles}\b\.?\s+([A-Za-zà-öø-ÿ][A-Za-zà-öø-ÿ'’-]*[A-Za-zà-öø-ÿ])`),
  nameDetector(String.raw`\b${personCue},?\s+${nameAfter}`),
  nameDetector(String.raw`\b${personCueCaps},?\s+${capsNameAfter}`),
  nameDetector(String.raw`\b${relative},?\s+${nameAfter}`),
  nameDetector(String.raw`\b${possessors.toUpperCase()}\s+${relations.toUpperCase()},?\s+${capsNameAfter}`),
  // "Latoya's mom": the name is the one the relative belongs to.
  nameDetector(String.raw`\b(${properName})['’]s\s+${relations}\b`),
  nameDetector(
    String.raw`\b(${properName})\s+(?:family|families|kids|children|daughters|sons|siblings|household|twins|grandkids)\b`,
  ),
  nameDetector(
    String.raw`\b[Tt]he\s+(${properName}s)\s+(?:want|wants|are|were|asked|say|said|called|have|had|need|brought|came|agreed|refused|disagree)\b`,
  ),
  nameDetector(String.raw`\b${nameAfter}\s*,?\s+(?:in\s+)?(?:bed|room|rm\.?)\s+\d+`),
];

/** Words of a sentence about someone's care, where a bare name is likely a patient or their family. */
const careWords =
  /\b(?:meds?|medications?|pills?|insulin|beds?|wheelchair|walker|ramp|dialysis|hospice|discharg\w*|admi(?:t|tted|ssion)|falls?|falling|fell|ride|transport|wound|diagnos\w*|surgery|copay|bill|home health|SNF|rehab|ICU|oxygen|pain|chemo|fracture|refus\w*|placement|caregiver|waited|trach|Medicaid|Medicare|renewal|shelter|landlord|funeral|died|passed|guardian\w*|POLST|DNR|AMA)\b/i;
/** Words of a sentence about a colleague: the pair, the team, someone teaching or learning. */
const colleagueWords =
  /\b(?:taught|teach\w*|showed|show|walked me through|explained|mentor\w*|mentee|team|colleague|co-?worker|manager|lead|IT|trainer|recommended|shared|Dr|doctor|nurse|educator|joined|presented|learned)\b/i;

function trimmedName(text: string, start: number, length: number): PhiFinding | undefined {
  const raw = text.slice(start, start + length);
  const title = /^(?:mrs?|ms|mx|miss)\.?\s+/i.exec(raw)?.[0].length ?? 0;
  const name = raw.slice(title).replace(/(?:['’]s)?[^\p{L}]*$/u, '');
  if (!name || /^(?:Dr|Doctor|Nurse|Prof)\b/i.test(name)) return undefined;
  if (publicFigures.has(titleCase(name.split(/\s+/).pop() ?? ''))) return undefined;
  return { kind: 'name', start: start + title, end: start + title + name.length, text: name };
}

/** Bare person names compromise recognises, kept only in a sentence about someone's care. */
export function bareNameFindings(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  // Sentences are gated before tagging: compromise is the slow part, and most learning notes never reach it.
  for (const sentence of text.matchAll(/[^\n]+?(?:[.!?](?=\s|$)|(?=\n)|$)/g)) {
    if (!careWords.test(sentence[0]) || colleagueWords.test(sentence[0])) continue;
    for (const person of tagPeople(sentence[0])) {
      const finding = trimmedName(text, sentence.index + person.start, person.length);
      if (finding) found.push(finding);
    }
  }
  return found;
}
