import { Type } from '@sinclair/typebox';
import {
  CursorSchema,
  IdSchema,
  NameSchema,
  OwnershipSchema,
  SchoolTypeSchema,
  TextSchema,
} from './common.js';

export const SchoolViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  ownership: Type.String(),
  officeId: Type.String(),
  districtId: Type.String(),
  inspectorId: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  contact: Type.Union([Type.String(), Type.Null()]),
});

export const SchoolListSchema = Type.Object({
  items: Type.Array(SchoolViewSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const SchoolListQuerySchema = Type.Object(
  {
    officeId: Type.Optional(IdSchema),
    districtId: Type.Optional(IdSchema),
    type: Type.Optional(SchoolTypeSchema),
    ownership: Type.Optional(OwnershipSchema),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 1000 }),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);

const schoolFields = {
  name: NameSchema,
  type: SchoolTypeSchema,
  ownership: OwnershipSchema,
  officeId: IdSchema,
  districtId: IdSchema,
  /** The 责任督学 (挂牌); null for none. */
  inspectorId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  address: Type.Optional(TextSchema(500)),
  contact: Type.Optional(TextSchema(200)),
};

export const CreateSchoolBodySchema = Type.Object(
  { id: IdSchema, ...schoolFields },
  { additionalProperties: false },
);

export const UpdateSchoolBodySchema = Type.Partial(
  Type.Object(schoolFields, { additionalProperties: false }),
  {
    additionalProperties: false,
    minProperties: 1,
  },
);

const ScoreBriefSchema = Type.Object({
  total: Type.Number(),
  maxTotal: Type.Number(),
  grade: Type.String(),
  passed: Type.Boolean(),
});

export const SchoolProfileSchema = Type.Object({
  school: SchoolViewSchema,
  campaigns: Type.Array(
    Type.Object({
      campaignId: Type.String(),
      title: Type.String(),
      semester: Type.Union([Type.String(), Type.Null()]),
      programKey: Type.String(),
      programName: Type.String(),
      programVersion: Type.Integer(),
      launchedAt: Type.String(),
      status: Type.String(),
      openTasks: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          dueAt: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
      completedTasks: Type.Array(
        Type.Object({
          taskId: Type.String(),
          name: Type.String(),
          completedAt: Type.String(),
          submissionId: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
      submissions: Type.Array(
        Type.Object({
          id: Type.String(),
          formId: Type.String(),
          submittedAt: Type.String(),
          score: Type.Union([ScoreBriefSchema, Type.Null()]),
        }),
      ),
    }),
  ),
});

export const ConflictViewSchema = Type.Object({
  inspectorId: Type.String(),
  schoolId: Type.String(),
  reason: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const ConflictListSchema = Type.Object({ items: Type.Array(ConflictViewSchema) });

export const ConflictListQuerySchema = Type.Object(
  { inspectorId: Type.Optional(IdSchema), schoolId: Type.Optional(IdSchema) },
  { additionalProperties: false },
);

export const DeclareConflictBodySchema = Type.Object(
  { inspectorId: Type.Optional(IdSchema), schoolId: IdSchema, reason: TextSchema(500, 1) },
  { additionalProperties: false },
);

export const DeclareConflictResultSchema = Type.Object({
  conflict: ConflictViewSchema,
  /**
   * The inspector is the school's 责任督学 (挂牌): campaigns now hand the school to another inspector of
   * its 责任区 until the office changes the 挂牌.
   */
  responsibleInspector: Type.Boolean(),
});

export const ConflictParamsSchema = Type.Object(
  { inspectorId: IdSchema, schoolId: IdSchema },
  { additionalProperties: false },
);
