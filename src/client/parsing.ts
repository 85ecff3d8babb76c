/**
 * How the browser parses with zod: without the parser zod compiles for each
 * object schema (`new Function`) the first time it parses with it. A page
 * parses a few answers per schema, and compiling cost more than it saved
 * (about 30 ms on a cold tab). Said at each parse: zod's global `jitless`
 * is read when a schema is built, and src/core builds its schemas before any
 * client code can set it.
 */
export const withoutCompiling = { jitless: true } as const;
