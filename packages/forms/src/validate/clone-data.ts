/**
 * Copies submitted JSON so validation can work on it without touching the caller's object. Only own
 * enumerable properties are copied and `__proto__` is never written, so the copy cannot reach a prototype.
 */
export function cloneData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let index = 0; index < value.length; index++) out[index] = cloneData(value[index]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') continue;
    out[key] = cloneData((value as Record<string, unknown>)[key]);
  }
  return out;
}
