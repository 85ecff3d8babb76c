// Compares two JSON trees by keys and value types: what "the same shape as
// the published payload" means for a contract test.
export type ShapeDifference = string;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Every key the published object has must be in ours with the same type
 * (recursively; arrays compare their first elements). `nullable` names paths
 * where the published example shows null and a value is as valid (or the
 * reverse), as Graph's own schema says.
 */
export function shapeDifferences(
  published: unknown,
  ours: unknown,
  path = '$',
  nullable: ReadonlySet<string> = new Set(),
): ShapeDifference[] {
  const [p, o] = [typeOf(published), typeOf(ours)];
  if (p !== o) {
    if ((p === 'null' || o === 'null') && nullable.has(path)) return [];
    return [`${path}: published ${p}, ours ${o}`];
  }
  if (p === 'array') {
    const [pa, oa] = [published as unknown[], ours as unknown[]];
    if (pa.length === 0 || oa.length === 0) return [];
    return shapeDifferences(pa[0], oa[0], `${path}[0]`, nullable);
  }
  if (p === 'object') {
    const [po, oo] = [published as Record<string, unknown>, ours as Record<string, unknown>];
    return Object.keys(po).flatMap((k) =>
      k in oo ? shapeDifferences(po[k], oo[k], `${path}.${k}`, nullable) : [`${path}.${k}: missing in ours`],
    );
  }
  return [];
}
