// zod compiles a parser for each object schema (`new Function`) the first time
// it parses with it; in a tab that parses a few answers per schema that costs
// more than it saves, so the client parses without it. Its own file: each
// schema compiles once per module graph, and another test may already have.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src/client/api.js';

const realFunction = globalThis.Function;
let compiled = 0;
/** zod probes once whether it may compile (`new Function('')`) as its first object schema is built: not a parser. */
const countParser = (args: unknown[]) => {
  if (String(args.at(-1) ?? '').trim() !== '') compiled++;
};

afterEach(() => {
  globalThis.Function = realFunction;
});

const answer = (body: unknown) =>
  (async () =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;

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
        fetch: answer({
          id: '11111111-2222-4333-8444-555555555555',
          displayName: 'Ana Ruiz',
          mail: 'ana@contoso.test',
          department: 'Transplant',
          careerStage: 'early',
          timeZone: 'America/Chicago',
          roles: ['Participant'],
        }),
      },
    );
    await expect(client.me()).resolves.toMatchObject({ displayName: 'Ana Ruiz' });
    await expect(client.me()).resolves.toMatchObject({ roles: ['Participant'] });
    expect(compiled).toBe(0);
  });
});
