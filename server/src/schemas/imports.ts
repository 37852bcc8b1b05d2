import { Type } from '@sinclair/typebox';
import { IdSchema } from './common.js';

export const ImportKindParamsSchema = Type.Object(
  { kind: Type.Union([Type.Literal('schools'), Type.Literal('inspectors'), Type.Literal('assignments')]) },
  { additionalProperties: false },
);

export const ImportQuerySchema = Type.Object(
  {
    /** Check only (the default); `false` imports when every row is good. */
    dryRun: Type.Boolean({ default: true }),
    /** The office the rows belong to; default the caller's office. */
    officeId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);

export const RowErrorSchema = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  message: Type.String(),
});

export const ImportReportSchema = Type.Object({
  jobId: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
  generatedPasswords: Type.Array(Type.Object({ username: Type.String(), password: Type.String() })),
});

export const ImportStatusSchema = Type.Object({
  jobId: Type.String(),
  kind: Type.String(),
  rows: Type.Integer(),
  startedAt: Type.String(),
  completedAt: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('completed'), Type.Literal('unfinished')]),
});
