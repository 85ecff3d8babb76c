// FNV-1a (32-bit): a small, stable, non-cryptographic hash for deterministic
// ids (pairs, touchpoints, action items) and seeded tie-breaks. Never for secrets.

/** The 32-bit FNV-1a hash of `text`'s UTF-16 code units, as an unsigned integer. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** `fnv1a` in base 36, the form ids carry. */
export const fnv1aId = (text: string): string => fnv1a(text).toString(36);
