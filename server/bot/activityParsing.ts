// The Agents SDK checks an activity with one zod (v3) schema in `Activity.fromObject`, and calls
// it two to three times per invoke: the adapter on the request, AgentApplication again for its
// telemetry record, the turn context on the invokeResponse. Two things made that the costliest
// part of a search invoke after HTTP itself:
// - `fromObject` builds `activityZodSchema.passthrough()` anew per call (a zod schema costs more
//   to build than to run);
// - fields typed `z.union([z.enum([...]), z.string().min(1)])` try the enum first, so every value
//   outside it builds a zod issue (message, error map) before the string branch accepts it. Every
//   invoke name does: the enum is ['ContinueConversation', 'CreateConversation'], and Teams sends
//   'composeExtension/query'. Likewise `z.union([z.date(), z.string().transform(...)])` builds one
//   for each `timestamp` and `localTimestamp` Teams sends, which are strings.
// - zod walks all 45 fields of the schema for every activity, allocating for each whether or not
//   the activity has it: a search invoke has 11, an invokeResponse 2. Parsing allocated a quarter
//   of everything the app allocated under load (BENCH_HEAP_PROFILE), and the collector's work with it.
// The schema here is the SDK's, with only those unions replaced by what accepts exactly the same
// values with the same result (the string branch alone, where it already accepts every enum value
// unchanged; the string branch first, where the branches take disjoint input types), built once;
// and an activity is checked against the fields it has (plus any that refuse absence), which is
// what zod does with the rest too: an absent optional field passes and adds nothing to the result.
// The activity is not checked any less; test/unit/bot/activityParsing.test.ts compares both.
import { Activity, activityZodSchema } from '@microsoft/agents-activity';

/** What this module reads of a zod v3 schema (the SDK's zod, not the app's). */
interface SchemaParts {
  _def: { typeName: string; innerType?: SchemaParts; options?: SchemaParts[]; values?: unknown[] };
  parse(value: unknown): unknown;
  safeParse(value: unknown): { success: boolean; data?: unknown };
  optional(): SchemaParts;
  or(other: SchemaParts): SchemaParts;
}

/** A schema accepting the same values as `field` with the same output, that builds no issue for a valid value; null when `field` is not one of the unions above. */
function withoutFailingBranches(field: SchemaParts): SchemaParts | null {
  const def = field._def;
  if (def.typeName === 'ZodOptional') return withoutFailingBranches(def.innerType!)?.optional() ?? null;
  if (def.typeName !== 'ZodUnion' || def.options?.length !== 2) return null;
  const [first, second] = def.options as [SchemaParts, SchemaParts];
  const kinds = `${first._def.typeName} ${second._def.typeName}`;
  if (kinds === 'ZodEnum ZodString') {
    const keptAsIs = (value: unknown) => second.safeParse(value).data === value;
    return first._def.values!.every(keptAsIs) ? second : null;
  }
  // A Date never passes the string branch and a string never passes z.date(): the order cannot change the result.
  if (kinds === 'ZodDate ZodEffects') return second.or(first);
  return null;
}

function leanActivitySchema() {
  const shape = activityZodSchema.shape as unknown as Record<string, SchemaParts>;
  const replaced = Object.fromEntries(
    Object.entries(shape).flatMap(([key, field]) => {
      const lean = withoutFailingBranches(field);
      return lean ? [[key, lean]] : [];
    }),
  );
  return activityZodSchema.extend(replaced as unknown as typeof activityZodSchema.shape).passthrough();
}

type ActivitySchema = ReturnType<typeof leanActivitySchema>;

/** Different sets of fields seen, each with its schema; bounded, as senders choose the fields. */
const maxFieldSets = 256;

/**
 * Parses with `schema` narrowed to the fields the value has, `in` as zod itself tests it (own or
 * inherited: a parsed Activity's `channelId` is an accessor), plus every field that absence fails
 * or fills (a required or defaulted one). The result and the issues are the full schema's.
 */
function parserOverPresentFields(schema: ActivitySchema): (o: unknown) => ReturnType<ActivitySchema['parse']> {
  const shape = schema.shape as unknown as Record<string, SchemaParts>;
  const fields = Object.keys(shape);
  if (fields.length > 53) return (o) => schema.parse(o);
  const absenceMatters = fields.map((f) => {
    const absent = shape[f]!.safeParse(undefined);
    return !absent.success || absent.data !== undefined;
  });
  // A field set is a number, one bit per field (45 fit in a double's 53), so telling one costs no allocation.
  const bit = fields.map((_, i) => 2 ** i);
  const byFieldSet = new Map<number, ActivitySchema>();
  return (o) => {
    if (typeof o !== 'object' || o === null) return schema.parse(o);
    let fieldSet = 0;
    for (let i = 0; i < fields.length; i++) if (absenceMatters[i] || fields[i]! in o) fieldSet += bit[i]!;
    let narrowed = byFieldSet.get(fieldSet);
    if (!narrowed) {
      const mask = Object.fromEntries(
        fields.filter((_, i) => Math.floor(fieldSet / bit[i]!) % 2 === 1).map((f) => [f, true]),
      );
      narrowed = schema.pick(mask as never) as unknown as ActivitySchema;
      if (byFieldSet.size >= maxFieldSets) byFieldSet.delete(byFieldSet.keys().next().value!);
      byFieldSet.set(fieldSet, narrowed);
    }
    return narrowed.parse(o);
  };
}

let installed = false;

/** Makes `Activity.fromObject` (the SDK's and ours, one class) use the parsing above; once is enough. */
export function useLeanActivityParsing(): void {
  if (installed) return;
  installed = true;
  const parse = parserOverPresentFields(leanActivitySchema());
  Activity.fromObject = (o: object): Activity => {
    const parsed = parse(o);
    return Object.assign(new Activity(parsed.type), parsed);
  };
}
