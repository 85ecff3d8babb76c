// List columns: the definitions a list is created with, how Graph shows them,
// and the checks SharePoint makes of a value against its column.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badRequest } from '../../graphErrors.js';
import type { StoredList } from '../../store.js';
import { isoSeconds } from '../../time.js';

/** Fields every list item has whether or not the list declares them. */
const builtInFields = [
  'Title',
  'id',
  'ContentType',
  'Created',
  'Modified',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitle',
  'ItemChildCount',
  'FolderChildCount',
  '_ComplianceFlags',
  '_ComplianceTag',
  'AppAuthorLookupId',
  'AppEditorLookupId',
];

export const ColumnDefinition = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'column names are letters, digits and _'),
    displayName: z.string().optional(),
    description: z.string().optional(),
    indexed: z.boolean().default(false),
    enforceUniqueValues: z.boolean().default(false),
    required: z.boolean().default(false),
    hidden: z.boolean().default(false),
    text: z
      .object({
        allowMultipleLines: z.boolean().optional(),
        maxLength: z.number().int().optional(),
        linesForEditing: z.number().optional(),
      })
      .passthrough()
      .optional(),
    number: z.object({ decimalPlaces: z.string().optional() }).passthrough().optional(),
    dateTime: z.object({ format: z.string().optional() }).passthrough().optional(),
    boolean: z.object({}).passthrough().optional(),
    choice: z
      .object({ choices: z.array(z.string()).min(1), allowTextEntry: z.boolean().optional() })
      .passthrough()
      .optional(),
  })
  .refine((c) => !c.enforceUniqueValues || c.indexed, 'enforceUniqueValues requires indexed');
export type ColumnDefinition = z.infer<typeof ColumnDefinition>;

/** The Title column every generic list starts with. */
export const titleColumn = {
  name: 'Title',
  displayName: 'Title',
  text: {},
  indexed: false,
  enforceUniqueValues: false,
  required: false,
  hidden: false,
  readOnly: false,
  columnGroup: 'Custom Columns',
  id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
};

export function columnsOf(list: StoredList): ColumnDefinition[] {
  return (list.body['columns'] as ColumnDefinition[]) ?? [];
}

export function columnResource(c: ColumnDefinition): Record<string, unknown> {
  return {
    id: randomUUID(),
    columnGroup: 'Custom Columns',
    displayName: c.displayName ?? c.name,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    indexed: c.indexed,
    name: c.name,
    readOnly: false,
    required: c.required,
    ...(c.text ? { text: c.text } : {}),
    ...(c.number ? { number: c.number } : {}),
    ...(c.dateTime ? { dateTime: c.dateTime } : {}),
    ...(c.boolean ? { boolean: c.boolean } : {}),
    ...(c.choice ? { choice: c.choice } : {}),
  };
}

/** Why a value does not fit its column, or null when it does. */
function misfit(col: ColumnDefinition, k: string, v: unknown): string | null {
  if (col.number && typeof v !== 'number') return `Field '${k}' expects a number.`;
  if (col.boolean && typeof v !== 'boolean') return `Field '${k}' expects a boolean.`;
  if ((col.text || col.choice || col.dateTime) && typeof v !== 'string') return `Field '${k}' expects a string.`;
  if (col.choice && !col.choice.allowTextEntry && !col.choice.choices.includes(String(v)))
    return `Field '${k}': '${String(v)}' is not one of its choices.`;
  if (col.dateTime && Number.isNaN(Date.parse(String(v)))) return `Field '${k}' expects a date and time.`;
  if (col.text && !col.text.allowMultipleLines && String(v).length > (col.text.maxLength ?? 255))
    return `Field '${k}' is longer than ${col.text.maxLength ?? 255} characters.`;
  return null;
}

export function checkFields(l: StoredList, fields: Record<string, unknown>): void {
  const cols = new Map(columnsOf(l).map((c) => [c.name, c]));
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('@odata')) continue;
    const col = cols.get(k);
    if (!col) {
      if (builtInFields.includes(k)) continue;
      throw badRequest(`Field '${k}' is not recognized`, 'invalidRequest');
    }
    if (v === null) continue;
    const problem = misfit(col, k, v);
    if (problem) throw badRequest(problem, 'invalidRequest');
  }
}

/**
 * The fields as SharePoint keeps them: a dateTime column holds whole seconds
 * (UTC, printed without a fraction), so milliseconds sent are not returned.
 * No Microsoft page states the precision; every published list-item payload
 * shows whole seconds, e.g. "createdDateTime": "2016-08-30T08:26:00Z" in
 * https://learn.microsoft.com/en-us/onedrive/developer/rest-api/api/listitem_create
 * and github.com/microsoftgraph/microsoft-graph-docs/issues/2819.
 */
export function storedFields(l: StoredList, fields: Record<string, unknown>): Record<string, unknown> {
  const dateTimes = new Set(
    columnsOf(l)
      .filter((c) => c.dateTime)
      .map((c) => c.name),
  );
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      k,
      dateTimes.has(k) && typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? isoSeconds(Date.parse(v)) : v,
    ]),
  );
}
