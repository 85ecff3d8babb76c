// Request bodies parsed with zod; the first problem becomes a 400 in the words Graph uses.
import type { z } from 'zod';
import { badRequest } from '../graphErrors.js';

export function parsePayload<S extends z.ZodType>(schema: S, body: unknown, code = 'BadRequest'): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw badRequest(`Invalid request: ${issue.path.join('.') || 'body'}: ${issue.message}`, code);
}
