// zod compiles a parser for each object schema (`new Function`) the first time
// it parses with it; in a tab that parses a few answers per schema that costs
// more than it saves, so the client parses without it. Its own file: each
// schema compiles once per module graph, and another test may already have.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src/client/api.js';
import { json, me } from './support/answers.js';

const realFunction = globalThis.Function;
let compiled = 0;
/** zod probes once whether it may compile (`new Function('')`) as its first object schema is built: not a parser. */
const countParser = (args: unknown[]) => {
  if (String(args.at(-1) ?? '').trim() !== '') compiled++;
};

afterEach(() => {
  globalThis.Function = realFunction;
});

describe('ApiClient parsing', () => {
  it('parses answers with the contract schemas without compiling code for them', async () => {
    globalThis.Function = new Proxy(realFunction, {
      construct(target, args) {
        countParser(args);
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        countParser(args);
        return Reflect.apply(target, self, args);
      },
    });
    const client = new ApiClient(
      { kind: 'dev-sign-in', getToken: async () => 'token' },
      {
        fetch: async () => json(200, me)(),
      },
    );
    await expect(client.me()).resolves.toMatchObject({ displayName: 'Ana Ruiz' });
    await expect(client.me()).resolves.toMatchObject({ roles: ['Participant'] });
    expect(compiled).toBe(0);
  });
});
