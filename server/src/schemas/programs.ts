import { Type } from '@sinclair/typebox';
import { CursorSchema, IdSchema, LimitSchema, PageSchema } from './common.js';

export const ProgramListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      version: Type.Integer(),
      description: Type.String(),
      ownerOfficeId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const ProgramVersionParamsSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$' }),
    version: Type.Integer({ minimum: 1, maximum: 100000 }),
  },
  { additionalProperties: false },
);

export const ProgramVersionSummarySchema = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  publishedAt: Type.String(),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
  /** The office that owns the program; null for the platform's programs (from `definitions/`). */
  ownerOfficeId: Type.Union([Type.String(), Type.Null()]),
  /** Whether the caller may publish, retire and restore versions of this program. */
  manageable: Type.Boolean(),
});

export const ProgramVersionListSchema = Type.Object({ items: Type.Array(ProgramVersionSummarySchema) });

export const ProgramVersionDetailSchema = Type.Object({
  version: ProgramVersionSummarySchema,
  manifest: Type.Record(Type.String(), Type.Unknown()),
  bpmn: Type.String(),
  forms: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
});

/** A program bundle as JSON: program.json's content, the BPMN XML, and the Form.io forms by id. */
export const BundleBodySchema = Type.Object(
  {
    manifest: Type.Record(Type.String(), Type.Unknown()),
    bpmn: Type.String({ minLength: 1, maxLength: 5 * 1024 * 1024 }),
    forms: Type.Record(
      Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
      Type.Record(Type.String(), Type.Unknown()),
      { maxProperties: 100, additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const BundleProblemSchema = Type.Object({
  path: Type.String(),
  code: Type.String(),
  elementId: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
});

export const DraftSummarySchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  uploadedAt: Type.String(),
  uploadedBy: Type.Union([Type.String(), Type.Null()]),
});

export const DraftUploadResultSchema = Type.Object({
  draft: DraftSummarySchema,
  /** What the checks found; publishing is refused while any has severity `error`. */
  problems: Type.Array(BundleProblemSchema),
});

export const DraftDetailSchema = Type.Object({
  draft: DraftSummarySchema,
  problems: Type.Array(BundleProblemSchema),
  manifest: Type.Record(Type.String(), Type.Unknown()),
  bpmn: Type.String(),
  forms: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
});

export const DraftListQuerySchema = Type.Object(
  { limit: LimitSchema, cursor: Type.Optional(CursorSchema) },
  { additionalProperties: false },
);

export const DraftListSchema = PageSchema(DraftSummarySchema);

export const DraftParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

export const PublishResultSchema = Type.Object({
  version: ProgramVersionSummarySchema,
  /** False when the draft's content equals the latest version (nothing new was published). */
  created: Type.Boolean(),
});
