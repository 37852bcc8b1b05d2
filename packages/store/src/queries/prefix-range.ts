/**
 * The half-open range [from, to) of strings starting with `prefix`, under binary (code unit) order, so a
 * subtree query on office paths is an index range on both SQLite and MongoDB. Office paths end with
 * "/", so bumping the last code unit never meets a surrogate.
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}
