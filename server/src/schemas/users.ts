import { UserPostSchema } from '@ddt/store';
import { type Static, Type } from '@sinclair/typebox';
import { CursorSchema, IdSchema, PageSchema, PasswordSchema, UsernameSchema } from './common.js';

export const RoleSchema = Type.Union([
  Type.Literal('office'),
  Type.Literal('inspector'),
  Type.Literal('school'),
]);

export const UserViewSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  /** 专职/兼职督学 (full_time/part_time), 校长/联络员 (principal/liaison); null for office users. */
  post: Type.Union([UserPostSchema, Type.Null()]),
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

export const ChangePasswordBodySchema = Type.Object(
  { currentPassword: PasswordSchema, newPassword: PasswordSchema },
  { additionalProperties: false },
);

export const CreateUserBodySchema = Type.Object(
  {
    username: UsernameSchema,
    displayName: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$' }),
    role: RoleSchema,
    /** Inspectors: full_time (专职) or part_time (兼职); school users: principal (校长) or liaison (联络员). */
    post: Type.Optional(UserPostSchema),
    /** Office users and inspectors: their office. */
    officeId: Type.Optional(IdSchema),
    /** School users: their school. */
    schoolId: Type.Optional(IdSchema),
    password: PasswordSchema,
  },
  { additionalProperties: false },
);

export const UpdateUserBodySchema = Type.Object(
  {
    displayName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$' }),
    ),
    post: Type.Optional(UserPostSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBodySchema>;

export const ResetPasswordBodySchema = Type.Object(
  { password: PasswordSchema },
  { additionalProperties: false },
);

export const UserListQuerySchema = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    officeId: Type.Optional(IdSchema),
    schoolId: Type.Optional(IdSchema),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);

export const UserListSchema = PageSchema(UserViewSchema);

export const UserDetailSchema = Type.Object({
  user: UserViewSchema,
  /** Seconds until a lock-out after failed logins ends; 0 when not locked. */
  lockedForSeconds: Type.Integer({ minimum: 0 }),
});
