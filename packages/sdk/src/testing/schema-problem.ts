import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

export interface SchemaProblem {
  /** JSON pointer of the offending field (`/phone`); `/` for the value itself. */
  field: string;
  message: string;
}

/** The first place `value` breaks `schema`, or null if it fits. */
export function schemaProblem(schema: TSchema, value: unknown): SchemaProblem | null {
  const error = Value.Errors(schema, value).First();
  if (!error) return null;
  return { field: error.path || '/', message: error.message };
}
