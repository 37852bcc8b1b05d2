import { type Static, Type } from '@sinclair/typebox';

export const UserViewSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Union([Type.Literal('office'), Type.Literal('inspector'), Type.Literal('school')]),
  officeId: Type.Union([Type.String(), Type.Null()]),
  schoolId: Type.Union([Type.String(), Type.Null()]),
});
export type UserView = Static<typeof UserViewSchema>;

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
