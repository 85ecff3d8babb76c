// The owner's enrollment file: one person a row, checked row by row so each
// problem names its line and column. Columns: email (required), careerStage,
// canTeach, wantsToLearn (focus area ids separated by ";", each optionally
// ":level"), maxPairs. Quoting follows RFC 4180 (double quotes, "" inside).
import { z } from 'zod';
import { CareerStage, FocusArea } from '../schemas.js';
import { FocusLevel, type FocusAreaWithLevel } from './profile.js';

export const csvColumns = ['email', 'careerStage', 'canTeach', 'wantsToLearn', 'maxPairs'] as const;
export const maxCsvRows = 5_000;

export interface CsvInvitee {
  line: number;
  email: string;
  careerStage: CareerStage | null;
  canTeach: FocusAreaWithLevel[];
  wantsToLearn: FocusAreaWithLevel[];
  maxPairs: number | null;
}

export interface CsvProblem {
  /** 1-based line in the file (null for the file as a whole). */
  line: number | null;
  field: string;
  message: string;
}

/** Splits text into records of fields; a quoted field may hold commas, quotes ("") and line breaks. */
export function csvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

const Email = z.email();

function areasOf(cell: string, field: string, line: number, problems: CsvProblem[]): FocusAreaWithLevel[] {
  const out: FocusAreaWithLevel[] = [];
  for (const part of cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [area, level = 'intermediate'] = part.split(':').map((s) => s.trim());
    const parsedArea = FocusArea.safeParse(area);
    const parsedLevel = FocusLevel.safeParse(level);
    if (!parsedArea.success) problems.push({ line, field, message: `"${area}" is not a focus area` });
    else if (!parsedLevel.success)
      problems.push({ line, field, message: `"${level}" is not a level (beginner, intermediate, advanced)` });
    else if (!out.some((x) => x.area === parsedArea.data)) out.push({ area: parsedArea.data, level: parsedLevel.data });
  }
  return out;
}

function invitee(line: number, cell: (name: string) => string, problems: CsvProblem[]): CsvInvitee | null {
  const before = problems.length;
  const email = cell('email').trim().toLowerCase();
  if (!Email.safeParse(email).success) problems.push({ line, field: 'email', message: 'expected an email address' });
  const stageText = cell('careerStage').trim();
  const stage = stageText ? CareerStage.safeParse(stageText) : null;
  if (stage && !stage.success)
    problems.push({ line, field: 'careerStage', message: 'expected early, mid or seasoned' });
  const canTeach = areasOf(cell('canTeach'), 'canTeach', line, problems);
  const wantsToLearn = areasOf(cell('wantsToLearn'), 'wantsToLearn', line, problems);
  const maxText = cell('maxPairs').trim();
  const maxPairs = maxText ? Number(maxText) : null;
  if (maxPairs !== null && !(Number.isInteger(maxPairs) && maxPairs >= 1 && maxPairs <= 3))
    problems.push({ line, field: 'maxPairs', message: 'expected a whole number from 1 to 3' });
  if (problems.length > before) return null;
  return { line, email, careerStage: stage?.data ?? null, canTeach, wantsToLearn, maxPairs };
}

/** The people a file invites, and every problem with its line; rows with a problem are left out. */
export function parseEnrollmentCsv(text: string): { invitees: CsvInvitee[]; problems: CsvProblem[] } {
  const records = csvRecords(text.replace(/^\uFEFF/, ''));
  const problems: CsvProblem[] = [];
  const header = records.shift();
  if (!header) return { invitees: [], problems: [{ line: null, field: 'file', message: 'the file is empty' }] };
  const names = header.fields.map((f) => f.trim());
  if (!names.includes('email'))
    return {
      invitees: [],
      problems: [
        {
          line: header.line,
          field: 'header',
          message: 'the first line must name the columns, with "email" among them',
        },
      ],
    };
  const unknown = names.filter((n) => !(csvColumns as readonly string[]).includes(n));
  if (unknown.length)
    problems.push({ line: header.line, field: 'header', message: `unknown column(s): ${unknown.join(', ')}` });
  if (records.length > maxCsvRows)
    return { invitees: [], problems: [{ line: null, field: 'file', message: `at most ${maxCsvRows} rows a file` }] };
  const seen = new Set<string>();
  const invitees: CsvInvitee[] = [];
  for (const { line, fields } of records) {
    if (fields.length > names.length) {
      problems.push({ line, field: 'row', message: `${fields.length} cells where the header names ${names.length}` });
      continue;
    }
    const row = invitee(line, (name) => fields[names.indexOf(name)] ?? '', problems);
    if (!row) continue;
    if (seen.has(row.email))
      problems.push({ line, field: 'email', message: `${row.email} is already on an earlier line` });
    else {
      seen.add(row.email);
      invitees.push(row);
    }
  }
  return { invitees, problems };
}
