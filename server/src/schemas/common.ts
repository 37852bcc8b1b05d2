import { type TSchema, Type } from '@sinclair/typebox';

/**
 * Building blocks shared by the resource schemas. Ids are restricted to plain characters so that
 * anything that looks like a query operator (`{"$gt": ""}`, `[$ne]`) is refused before a route runs.
 */

export const IdSchema = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:@-]*$',
});

/** Task ids are `${instanceId}:${executionId}`, longer than other ids. */
export const TaskIdSchema = Type.String({
  minLength: 1,
  maxLength: 300,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:@-]*$',
});

/** A person's or an organisation's name: any text but control characters. */
export const NameSchema = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
});

/** Free text (reasons, comments, addresses). */
export function TextSchema(maxLength: number, minLength = 0) {
  return Type.String({
    minLength,
    maxLength,
    pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$',
  });
}

export const UsernameSchema = Type.String({
  minLength: 2,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]*$',
});

export const PasswordSchema = Type.String({ minLength: 1, maxLength: 256 });

/** Opaque cursor handed back by the store. */
export const CursorSchema = Type.String({ minLength: 1, maxLength: 500 });

export const LimitSchema = Type.Integer({ minimum: 1, maximum: 100, default: 20 });

export const IsoDateTimeSchema = Type.String({ format: 'date-time', maxLength: 40 });

export const PageQuerySchema = Type.Object(
  { limit: LimitSchema, cursor: Type.Optional(CursorSchema) },
  { additionalProperties: false },
);

export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

/** A page of a list: items in a stable order, and the cursor of the next page (null on the last). */
export function PageSchema<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const SchoolTypeSchema = Type.Union([
  Type.Literal('primary'),
  Type.Literal('junior'),
  Type.Literal('nine_year'),
  Type.Literal('complete_secondary'),
  Type.Literal('senior'),
  Type.Literal('kindergarten'),
  Type.Literal('training'),
  Type.Literal('special'),
]);

export const OwnershipSchema = Type.Union([Type.Literal('public'), Type.Literal('private')]);
