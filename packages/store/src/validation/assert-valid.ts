import type { Static, TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { StoreError } from '../errors.js';
import { registerFormats } from './formats.js';

registerFormats();

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerFor<T extends TSchema>(schema: T): TypeCheck<T> {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    compiled.set(schema, checker);
  }
  return checker as TypeCheck<T>;
}

/**
 * Checks a record or query at the store boundary. A failure throws `STORE_ERR_INVALID` naming the first
 * offending field path (JSON pointer), before any adapter touches its database.
 */
export function assertValid<T extends TSchema>(
  schema: T,
  value: unknown,
  what: string,
): asserts value is Static<T> {
  const checker = checkerFor(schema);
  if (checker.Check(value)) return;
  const errors = [...checker.Errors(value)]
    .slice(0, 5)
    .map((e) => ({ path: e.path || '/', message: e.message }));
  const first = errors[0] ?? { path: '/', message: 'invalid' };
  throw new StoreError('STORE_ERR_INVALID', `${what}无效：字段 ${first.path} ${first.message}`, {
    what,
    path: first.path,
    errors,
  });
}
