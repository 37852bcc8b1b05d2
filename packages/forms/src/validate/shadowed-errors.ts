import type { FieldError } from '../schemas/field-error.js';

/** Removes errors on values the shape check already rejected (and removed), so each problem is told once. */
export function withoutShadowedErrors(
  errors: FieldError[],
  rejectedPaths: ReadonlySet<string>,
): FieldError[] {
  if (rejectedPaths.size === 0) return errors;
  return errors.filter((error) => {
    for (const path of rejectedPaths) {
      if (error.path === path || error.path.startsWith(`${path}.`) || error.path.startsWith(`${path}[`))
        return false;
    }
    return true;
  });
}
