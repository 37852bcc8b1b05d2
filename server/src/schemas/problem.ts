import { Type } from '@sinclair/typebox';

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    instance: Type.String(),
    errors: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** Response entries for the error statuses a route can return. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));
}
