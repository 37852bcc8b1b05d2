import { type Static, Type } from '@sinclair/typebox';
import { Id, InstanceStatusSchema, IsoDateTime, OpenTaskSchema, SchoolTypeSchema } from './records.js';

/**
 * The arguments and results of the store's queries, as TypeBox schemas: adapters check every query at
 * the boundary with the same schema that gives its TypeScript type.
 */

/** A record version or program version number. */
export const VersionNumber = Type.Integer({ minimum: 1 });

/** An office path such as "/p1/c1/": subtree queries match every path that starts with it. */
export const OfficePathPrefix = Type.String({ minLength: 3, pattern: '^/.*/$' });

/** Cursor pagination: `cursor` is opaque; pass back `nextCursor` to get the next page in the same stable order. */
export const PageArgsSchema = Type.Object({
  /** Page size, 1–1000. */
  limit: Type.Integer({ minimum: 1, maximum: 1000 }),
  cursor: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type PageArgs = Static<typeof PageArgsSchema>;

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/** An open task together with the instance fields a task list shows and filters on. */
export const TaskViewSchema = Type.Composite([
  OpenTaskSchema,
  Type.Object({
    instanceId: Id,
    instanceVersion: Type.Integer({ minimum: 1 }),
    campaignId: Id,
    programKey: Type.String(),
    programVersion: Type.Integer({ minimum: 1 }),
    scope: Type.Union([Type.Literal('school'), Type.Literal('campaign')]),
    schoolId: Type.Union([Id, Type.Null()]),
    districtId: Type.Union([Id, Type.Null()]),
    schoolType: Type.Union([SchoolTypeSchema, Type.Null()]),
    officePath: Type.String(),
  }),
]);
export type TaskView = Static<typeof TaskViewSchema>;

/**
 * Open tasks, ordered by (createdAt, id). Filters combine with AND; `audience` matches any of its keys.
 */
export const FindTasksArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      /** Tasks whose audience contains any of these principal keys (`user:u1`, `school:s1`, `office:o1`); an empty list matches nothing. */
      audience: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 100 })),
      campaignId: Type.Optional(Id),
      schoolId: Type.Optional(Id),
      /** Only tasks due strictly before this instant (overdue lists). */
      dueBefore: Type.Optional(IsoDateTime),
    }),
  ],
  { additionalProperties: false },
);
export type FindTasksArgs = Static<typeof FindTasksArgsSchema>;

export const ProgressDimensionSchema = Type.Union([
  Type.Literal('status'),
  Type.Literal('districtId'),
  Type.Literal('schoolType'),
  Type.Literal('officePath'),
]);
export type ProgressDimension = Static<typeof ProgressDimensionSchema>;
export const ProgressGroupBySchema = Type.Array(ProgressDimensionSchema, { maxItems: 4, uniqueItems: true });

/**
 * One group of a progress count. A dimension asked for is present on every row, except that a null
 * value (a campaign-scope instance has no district or school type) leaves the field out.
 */
export const ProgressRowSchema = Type.Object({
  status: Type.Optional(InstanceStatusSchema),
  districtId: Type.Optional(Type.String()),
  schoolType: Type.Optional(SchoolTypeSchema),
  officePath: Type.Optional(Type.String()),
  count: Type.Integer({ minimum: 0 }),
});
export type ProgressRow = Static<typeof ProgressRowSchema>;

/** Schools, ordered by id. */
export const FindSchoolsArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      officePathPrefix: Type.Optional(OfficePathPrefix),
      districtId: Type.Optional(Id),
      types: Type.Optional(Type.Array(SchoolTypeSchema, { minItems: 1 })),
      ownership: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('private')])),
      ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000 })),
      inspectorId: Type.Optional(Id),
    }),
  ],
  { additionalProperties: false },
);
export type FindSchoolsArgs = Static<typeof FindSchoolsArgsSchema>;
