import { type Static, Type } from '@sinclair/typebox';

/** One validation error, as the server returns it and the browser shows it. */
export const FieldErrorSchema = Type.Object(
  {
    /** Data path of the value, with row indexes: `rooms[0].room`. */
    path: Type.String(),
    /** The component's key (`room`). */
    key: Type.String(),
    /** Form.io rule name (`required`, `min`, `pattern`, `onlyAvailableItems`, …) or `type` for a wrong JSON type. */
    rule: Type.String(),
    /** zh-CN message from the shared dictionary. */
    message: Type.String(),
  },
  { additionalProperties: false },
);
export type FieldError = Static<typeof FieldErrorSchema>;

export const ValidationResultSchema = Type.Union([
  Type.Object({ ok: Type.Literal(true), data: Type.Record(Type.String(), Type.Unknown()) }),
  Type.Object({ ok: Type.Literal(false), errors: Type.Array(FieldErrorSchema) }),
]);
export type ValidationResult = Static<typeof ValidationResultSchema>;
