import { Type } from '@sinclair/typebox';
import { CursorSchema, IdSchema, IsoDateTimeSchema } from './common.js';

export const AuditQuerySchema = Type.Object(
  {
    actorId: Type.Optional(IdSchema),
    target: Type.Optional(
      Type.String({ minLength: 1, maxLength: 300, pattern: '^[A-Za-z][A-Za-z0-9_.:@#-]*$' }),
    ),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z][a-z0-9.-]*$' })),
    from: Type.Optional(IsoDateTimeSchema),
    to: Type.Optional(IsoDateTimeSchema),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);

export const AuditEventViewSchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  target: Type.String(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

export const AuditListSchema = Type.Object({
  items: Type.Array(AuditEventViewSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
