import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Activity, activityZodSchema } from '@microsoft/agents-activity';
import { afterEach, describe, expect, it } from 'vitest';
import { useLeanActivityParsing } from '../../../server/bot/activityParsing.js';

// The zod (v3) the Agents SDK validates activities with: its global error map sees every issue built.
const sdkZod = createRequire(createRequire(import.meta.url).resolve('@microsoft/agents-activity'))('zod') as {
  setErrorMap(map: (issue: unknown, ctx: { defaultError: string }) => { message: string }): void;
  getErrorMap(): (issue: unknown, ctx: { defaultError: string }) => { message: string };
};
const defaultErrorMap = sdkZod.getErrorMap();
afterEach(() => sdkZod.setErrorMap(defaultErrorMap));

/** How many zod issues parsing `activity` builds, including those of union branches that later succeed. */
function issuesBuilt(parse: () => unknown): number {
  let built = 0;
  sdkZod.setErrorMap((_issue, ctx) => (built++, { message: ctx.defaultError }));
  try {
    parse();
  } catch {
    // a rejected activity: the count is still what was built
  }
  sdkZod.setErrorMap(defaultErrorMap);
  return built;
}

const contracts = '/work/shared/contracts/teams';
const publishedActivities = readdirSync(contracts)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    activity: JSON.parse(readFileSync(path.join(contracts, f), 'utf8')) as Record<string, unknown>,
  }))
  .filter(({ activity }) => typeof activity['type'] === 'string' && activity['conversation'] !== undefined);

/** The SDK's own `Activity.fromObject`, written out: its schema, passthrough, built per call. */
const sdkParse = (o: object) => {
  const parsed = activityZodSchema.passthrough().parse(o);
  return Object.assign(new Activity(parsed.type), parsed);
};

const searchInvoke = publishedActivities.find((a) => a.file === 'teams.composeExtension.query.invoke.json')!.activity;

describe('parsing incoming activities', () => {
  it('has published Teams activities to compare against', () => {
    expect(publishedActivities.length).toBeGreaterThanOrEqual(6);
  });

  it("builds no zod issue for a valid search invoke (the SDK's schema builds one per invoke name and timestamp)", () => {
    expect(issuesBuilt(() => sdkParse(searchInvoke))).toBeGreaterThan(0);
    useLeanActivityParsing();
    expect(issuesBuilt(() => Activity.fromObject(searchInvoke))).toBe(0);
  });

  it('gives exactly what the SDK gives for every published Teams activity', () => {
    useLeanActivityParsing();
    for (const { file, activity } of publishedActivities) {
      const ours = Activity.fromObject(structuredClone(activity));
      const sdks = sdkParse(structuredClone(activity));
      expect(ours, file).toBeInstanceOf(Activity);
      expect(Object.keys(ours), file).toEqual(Object.keys(sdks));
      expect(ours, file).toStrictEqual(sdks);
    }
  });

  it("checks only the fields an activity has (and the required type), not all of the schema's 45", () => {
    const absentField = (
      activityZodSchema.shape as unknown as Record<string, { _parse: (...a: unknown[]) => unknown }>
    )['speak']!;
    const original = absentField._parse;
    let calls = 0;
    absentField._parse = function (...args: unknown[]) {
      calls++;
      return original.apply(this, args);
    };
    try {
      sdkParse(searchInvoke);
      expect(calls).toBe(1);
      useLeanActivityParsing();
      Activity.fromObject(searchInvoke);
      expect(calls).toBe(1);
      Activity.fromObject({ ...searchInvoke, speak: 'hello' });
      expect(calls).toBe(2);
    } finally {
      absentField._parse = original;
    }
  });

  it('parses an already parsed activity (prototype fields included) and fields set to undefined as the SDK does', () => {
    useLeanActivityParsing();
    const once = Activity.fromObject(structuredClone(searchInvoke));
    expect(Activity.fromObject(once)).toStrictEqual(sdkParse(sdkParse(structuredClone(searchInvoke))));
    const withUndefined = { ...searchInvoke, text: undefined, speak: undefined };
    expect(Object.keys(Activity.fromObject(withUndefined))).toEqual(Object.keys(sdkParse(withUndefined)));
    expect(Activity.fromObject({ type: 'invokeResponse', value: { status: 200 } })).toStrictEqual(
      sdkParse({ type: 'invokeResponse', value: { status: 200 } }),
    );
  });

  it.each([[null], ['text'], [42], [[]]])('refuses %j as an activity, as the SDK does', (notAnActivity) => {
    useLeanActivityParsing();
    expect(() => sdkParse(notAnActivity as object)).toThrow();
    expect(() => Activity.fromObject(notAnActivity as object)).toThrow();
  });

  it('turns Teams timestamps into dates and keeps unknown fields, as the SDK does', () => {
    useLeanActivityParsing();
    const parsed = Activity.fromObject({ ...searchInvoke, extraField: { kept: true } });
    expect(parsed.timestamp).toEqual(new Date('2017-05-01T15:45:51.876Z'));
    expect((parsed as unknown as Record<string, unknown>)['extraField']).toEqual({ kept: true });
  });

  it.each([
    ['no type', { type: undefined }],
    ['an empty type', { type: '' }],
    ['an empty name', { name: '' }],
    ['a name that is not text', { name: 42 }],
    ['an empty timestamp', { timestamp: '' }],
    ['a conversation without an id', { conversation: {} }],
    ['a sender with an empty id', { from: { id: '' } }],
    ['an empty delivery mode', { deliveryMode: '' }],
  ])('still refuses an activity with %s, as the SDK does', (_what, change) => {
    useLeanActivityParsing();
    const bad = { ...searchInvoke, ...change };
    expect(() => sdkParse(bad)).toThrow();
    expect(() => Activity.fromObject(bad)).toThrow();
  });

  it('can be switched on more than once', () => {
    useLeanActivityParsing();
    const once = Activity.fromObject;
    useLeanActivityParsing();
    expect(Activity.fromObject).toBe(once);
  });
});
