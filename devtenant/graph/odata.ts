// The subset of OData query options Reciprocal uses: $select, $top,
// $skiptoken paging, and $filter with eq/ne/ge/le/gt/lt joined by and/or,
// string literals with '' escaping, numbers, booleans and null.
import { badRequest } from '../graphErrors.js';

/** The base of every `@odata.context` Graph returns. */
export const graphContext = 'https://graph.microsoft.com/v1.0/$metadata';

type Literal = string | number | boolean | null;
export type FilterNode =
  | { op: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { op: 'eq' | 'ne' | 'ge' | 'le' | 'gt' | 'lt'; path: string; value: Literal }
  | { op: 'startswith'; path: string; value: string };

interface Token {
  type: 'ident' | 'string' | 'number' | 'paren' | 'comma';
  value: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c === ',' ? 'comma' : 'paren', value: c });
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length)
          throw badRequest(`Invalid filter clause: unterminated string literal at position ${i}.`, 'BadRequest');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ type: 'string', value });
      continue;
    }
    const m = /^[A-Za-z0-9_./@:-]+/.exec(text.slice(i));
    if (!m) throw badRequest(`Invalid filter clause: unexpected '${c}' at position ${i}.`);
    const word = m[0];
    tokens.push({ type: /^-?\d+(\.\d+)?$/.test(word) ? 'number' : 'ident', value: word });
    i += word.length;
  }
  return tokens;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const t = tokens[pos++];
    if (!t) throw badRequest('Invalid filter clause: the expression ends too soon.');
    return t;
  };
  const literal = (t: Token): Literal => {
    if (t.type === 'string') return t.value;
    if (t.type === 'number') return Number(t.value);
    if (t.value === 'true' || t.value === 'false') return t.value === 'true';
    if (t.value === 'null') return null;
    throw badRequest(`Invalid filter clause: '${t.value}' is not a literal.`);
  };
  const primary = (): FilterNode => {
    const t = next();
    if (t.type === 'paren' && t.value === '(') {
      const inner = or();
      const close = next();
      if (close.value !== ')') throw badRequest("Invalid filter clause: ')' expected.");
      return inner;
    }
    if (t.type === 'ident' && t.value.toLowerCase() === 'startswith') {
      if (next().value !== '(') throw badRequest("Invalid filter clause: '(' expected after startswith.");
      const path = next().value;
      if (next().type !== 'comma') throw badRequest("Invalid filter clause: ',' expected.");
      const value = literal(next());
      if (next().value !== ')') throw badRequest("Invalid filter clause: ')' expected.");
      return { op: 'startswith', path, value: String(value) };
    }
    if (t.type !== 'ident') throw badRequest(`Invalid filter clause: property expected, found '${t.value}'.`);
    const op = next().value.toLowerCase();
    if (!['eq', 'ne', 'ge', 'le', 'gt', 'lt'].includes(op))
      throw badRequest(`Invalid filter clause: unsupported operator '${op}'.`);
    return { op: op as 'eq', path: t.value, value: literal(next()) };
  };
  /** `operand (op operand)*`, grouped from the left; `and` binds tighter than `or`. */
  const chain = (op: 'and' | 'or', operand: () => FilterNode) => (): FilterNode => {
    let left = operand();
    while (peek()?.type === 'ident' && peek()!.value.toLowerCase() === op) {
      pos++;
      left = { op, left, right: operand() };
    }
    return left;
  };
  const and = chain('and', primary);
  const or = chain('or', and);
  const tree = or();
  if (pos !== tokens.length) throw badRequest(`Invalid filter clause: unexpected '${tokens[pos]!.value}'.`);
  return tree;
}

function compare(a: unknown, b: Literal): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

/** Evaluates a filter against an object; `resolve` maps a property path to its value. */
export function matchesFilter(node: FilterNode, resolve: (path: string) => unknown): boolean {
  switch (node.op) {
    case 'and':
      return matchesFilter(node.left, resolve) && matchesFilter(node.right, resolve);
    case 'or':
      return matchesFilter(node.left, resolve) || matchesFilter(node.right, resolve);
    case 'startswith':
      return String(resolve(node.path) ?? '')
        .toLowerCase()
        .startsWith(node.value.toLowerCase());
    case 'eq': {
      const v = resolve(node.path);
      if (typeof v === 'string' && typeof node.value === 'string') return v.toLowerCase() === node.value.toLowerCase();
      return (v ?? null) === node.value;
    }
    case 'ne':
      return !matchesFilter({ ...node, op: 'eq' }, resolve);
    case 'ge':
      return compare(resolve(node.path), node.value) >= 0;
    case 'le':
      return compare(resolve(node.path), node.value) <= 0;
    case 'gt':
      return compare(resolve(node.path), node.value) > 0;
    case 'lt':
      return compare(resolve(node.path), node.value) < 0;
  }
}

export function parseTop(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('$top') ?? query.get('top');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badRequest(`Invalid value '${raw}' for query parameter $top.`);
  return Math.min(n, max);
}

export function parseSelect(query: URLSearchParams): string[] | null {
  const raw = query.get('$select') ?? query.get('select');
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
}

export function applySelect<T extends Record<string, unknown>>(
  obj: T,
  select: string[] | null,
  keep: string[] = ['id'],
): Record<string, unknown> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const k of [...keep, ...select]) if (k in obj) out[k] = obj[k];
  return out;
}

/** Opaque continuation token for @odata.nextLink paging. */
export function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeSkipToken(query: URLSearchParams): number {
  const raw = query.get('$skiptoken');
  if (!raw) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through
  }
  throw badRequest('The $skiptoken is not valid.');
}

/** A page of results and the link to the next one (same query, new skip token). */
export function page<T>(
  all: T[],
  query: URLSearchParams,
  baseUrl: string,
  path: string,
  top: number,
): { value: T[]; nextLink?: string } {
  const offset = decodeSkipToken(query);
  const value = all.slice(offset, offset + top);
  if (offset + top >= all.length) return { value };
  const q = new URLSearchParams(query);
  q.set('$skiptoken', encodeSkipToken(offset + top));
  return { value, nextLink: `${baseUrl}${path}?${q.toString()}` };
}
