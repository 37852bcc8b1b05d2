/**
 * Reads `a.b[0].c` from an object the way lodash `get` does for the paths Form.io templates and messages
 * use. Only own properties are read, so a path can never reach a prototype.
 */
export function readPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const segment of splitPath(path)) {
    if (current === null || current === undefined) return undefined;
    if (typeof current !== 'object' && typeof current !== 'string') return undefined;
    if (!Object.hasOwn(current as object, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

const pathCache = new Map<string, string[]>();

export function splitPath(path: string): string[] {
  let segments = pathCache.get(path);
  if (!segments) {
    segments = [];
    for (const match of path.matchAll(/[^.[\]]+|\[(?:"([^"]*)"|'([^']*)')\]/g)) {
      segments.push(match[1] ?? match[2] ?? match[0]);
    }
    if (pathCache.size < 5000) pathCache.set(path, segments);
  }
  return segments;
}
