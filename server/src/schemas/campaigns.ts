import { Type } from '@sinclair/typebox';
import {
  CursorSchema,
  IdSchema,
  IsoDateTimeSchema,
  LimitSchema,
  NameSchema,
  OwnershipSchema,
  PageSchema,
  SchoolTypeSchema,
  TextSchema,
} from './common.js';

export { ProgramListSchema } from './programs.js';
// The designer imports these schemas' types (designer/src/api/types.ts); keep their names.
export { SchoolListSchema } from './schools.js';

export const ProgramKeySchema = Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$' });

export const ProgramKeyParamsSchema = Type.Object({ key: ProgramKeySchema }, { additionalProperties: false });

const ParamsSchema = Type.Record(
  Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,63}$' }),
  Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean()]),
  { maxProperties: 100, additionalProperties: false },
);

/** The older launch route: an explicit list of schools. */
export const LaunchBodySchema = Type.Object(
  {
    title: NameSchema,
    schoolIds: Type.Array(IdSchema, { minItems: 1, maxItems: 100000 }),
    deadline: Type.Optional(IsoDateTimeSchema),
    params: Type.Optional(ParamsSchema),
    semester: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  },
  { additionalProperties: false },
);

export const TargetFilterSchema = Type.Object(
  {
    officeId: Type.Optional(IdSchema),
    districtIds: Type.Optional(Type.Array(IdSchema, { minItems: 1, maxItems: 1000, uniqueItems: true })),
    schoolTypes: Type.Optional(Type.Array(SchoolTypeSchema, { minItems: 1, uniqueItems: true })),
    ownership: Type.Optional(OwnershipSchema),
    schoolIds: Type.Optional(Type.Array(IdSchema, { minItems: 1, maxItems: 100000 })),
  },
  { additionalProperties: false },
);

export const CampaignLaunchBodySchema = Type.Object(
  {
    programKey: ProgramKeySchema,
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    title: NameSchema,
    /** 学期, e.g. 2026年春季学期; the process sees it as `params.semester`. */
    semester: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    deadline: Type.Optional(IsoDateTimeSchema),
    params: Type.Optional(ParamsSchema),
    targets: TargetFilterSchema,
  },
  { additionalProperties: false },
);

export const AssignmentReportSchema = Type.Object({
  reassigned: Type.Array(
    Type.Object({
      schoolId: Type.String(),
      schoolName: Type.String(),
      fromInspectorId: Type.String(),
      toInspectorId: Type.String(),
    }),
  ),
  unassigned: Type.Array(
    Type.Object({
      schoolId: Type.String(),
      schoolName: Type.String(),
      reason: Type.Union([Type.Literal('none'), Type.Literal('conflict')]),
      fromInspectorId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const LaunchPreviewSchema = Type.Object({
  programKey: Type.String(),
  programVersion: Type.Integer(),
  count: Type.Integer(),
  excludedByType: Type.Integer(),
  byType: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
  byDistrict: Type.Array(Type.Object({ districtId: Type.String(), count: Type.Integer() })),
  params: Type.Record(Type.String(), Type.Unknown()),
  deadline: Type.Union([Type.String(), Type.Null()]),
  assignments: AssignmentReportSchema,
});

export const LaunchResultSchema = Type.Object({
  campaignId: Type.String(),
  launched: Type.Integer(),
  failed: Type.Integer(),
  assignments: AssignmentReportSchema,
});

export const CampaignIdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

export const CampaignSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  programKey: Type.String(),
  programVersion: Type.Integer(),
  createdAt: Type.String(),
  deadline: Type.Union([Type.String(), Type.Null()]),
  targetCount: Type.Integer(),
  status: Type.String(),
  officeId: Type.String(),
  semester: Type.Union([Type.String(), Type.Null()]),
  params: Type.Record(Type.String(), Type.Unknown()),
});

export const CampaignProgressCountsSchema = Type.Object({
  total: Type.Integer(),
  running: Type.Integer(),
  completed: Type.Integer(),
  failed: Type.Integer(),
  cancelled: Type.Integer(),
});

export const CampaignViewSchema = Type.Object({
  campaign: CampaignSummarySchema,
  progress: CampaignProgressCountsSchema,
});

export const CampaignListQuerySchema = Type.Object(
  {
    status: Type.Optional(
      Type.Union([
        Type.Literal('launching'),
        Type.Literal('active'),
        Type.Literal('completed'),
        Type.Literal('cancelled'),
      ]),
    ),
    programKey: Type.Optional(ProgramKeySchema),
    limit: LimitSchema,
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);

export const CampaignListSchema = PageSchema(CampaignSummarySchema);

export const ProgressQuerySchema = Type.Object(
  {
    /** Comma-separated dimensions: status, districtId, schoolType. */
    groupBy: Type.String({
      default: 'status',
      pattern: '^(status|districtId|schoolType)(,(status|districtId|schoolType)){0,2}$',
    }),
  },
  { additionalProperties: false },
);

export const ProgressRowsSchema = Type.Object({
  rows: Type.Array(
    Type.Object({
      status: Type.Optional(Type.String()),
      districtId: Type.Optional(Type.String()),
      districtName: Type.Optional(Type.String()),
      schoolType: Type.Optional(Type.String()),
      count: Type.Integer(),
    }),
  ),
});

export const OverdueListSchema = PageSchema(
  Type.Object({
    taskId: Type.String(),
    name: Type.String(),
    schoolId: Type.Union([Type.String(), Type.Null()]),
    schoolName: Type.Union([Type.String(), Type.Null()]),
    districtId: Type.Union([Type.String(), Type.Null()]),
    dueAt: Type.String(),
    overdueDays: Type.Integer(),
  }),
);

export const NotSubmittedListSchema = PageSchema(
  Type.Object({
    schoolId: Type.String(),
    schoolName: Type.String(),
    districtId: Type.Union([Type.String(), Type.Null()]),
    taskName: Type.String(),
    dueAt: Type.Union([Type.String(), Type.Null()]),
  }),
);

export const RemindBodySchema = Type.Object(
  { message: Type.Optional(TextSchema(500, 1)) },
  { additionalProperties: false },
);

export const RemindResultSchema = Type.Object({ reminded: Type.Integer() });

export const CancelBodySchema = Type.Object({ reason: TextSchema(500, 1) }, { additionalProperties: false });

export const CancelResultSchema = Type.Object({ cancelled: Type.Integer() });
