import { type Static, Type } from '@sinclair/typebox';
import {
  ArmedTimerSchema,
  AwaitedMessageSchema,
  CampaignSchema,
  Id,
  InstanceSchema,
  InstanceStatusSchema,
  IsoDateTime,
  OfficeSchema,
  OpenTaskSchema,
  RoleSchema,
  SchoolTypeSchema,
} from './records.js';

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
 * A task's status follows from the filters: overdue is `dueBefore: now`, not yet due is `dueAfter: now`;
 * finished tasks are no longer open (see the instance's `history` and the submissions).
 */
export const FindTasksArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      /** Tasks whose audience contains any of these principal keys (`user:u1`, `school:s1`, `office:o1`); an empty list matches nothing. */
      audience: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 100 })),
      campaignId: Type.Optional(Id),
      schoolId: Type.Optional(Id),
      /** Tasks assigned to this user or school id. */
      assignee: Type.Optional(Type.String({ minLength: 1 })),
      /** Tasks offered to this candidate group. */
      candidateGroup: Type.Optional(Type.String({ minLength: 1 })),
      /** Only tasks due strictly before this instant (overdue lists). */
      dueBefore: Type.Optional(IsoDateTime),
      /** Only tasks due at or after this instant (tasks without a due date never match). */
      dueAfter: Type.Optional(IsoDateTime),
    }),
  ],
  { additionalProperties: false },
);
export type FindTasksArgs = Static<typeof FindTasksArgsSchema>;

/** Open tasks due before `now`, most overdue first: ordered by (dueAt, id). */
export const FindOverdueTasksArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      now: IsoDateTime,
      campaignId: Type.Optional(Id),
      /** Tasks of instances in this office subtree. */
      officePathPrefix: Type.Optional(OfficePathPrefix),
      districtId: Type.Optional(Id),
      schoolId: Type.Optional(Id),
    }),
  ],
  { additionalProperties: false },
);
export type FindOverdueTasksArgs = Static<typeof FindOverdueTasksArgsSchema>;

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

export const CampaignProgressOptionsSchema = Type.Object(
  {
    /** Count only school-scope (or only campaign-scope) instances. Default: all of the campaign's instances. */
    scope: Type.Optional(Type.Union([Type.Literal('school'), Type.Literal('campaign')])),
  },
  { additionalProperties: false },
);
export type CampaignProgressOptions = Static<typeof CampaignProgressOptionsSchema>;

/** An instance without its engine state: what lists and monitors show. */
export const InstanceSummarySchema = Type.Omit(InstanceSchema, ['state']);
export type InstanceSummary = Static<typeof InstanceSummarySchema>;

/** Instances ordered by (createdAt, id). Give `campaignId` or `schoolId`; other filters narrow. */
export const FindInstancesArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      campaignId: Type.Optional(Id),
      schoolId: Type.Optional(Id),
      status: Type.Optional(InstanceStatusSchema),
      scope: Type.Optional(Type.Union([Type.Literal('school'), Type.Literal('campaign')])),
      districtId: Type.Optional(Id),
      schoolType: Type.Optional(SchoolTypeSchema),
      officePathPrefix: Type.Optional(OfficePathPrefix),
    }),
  ],
  { additionalProperties: false },
);
export type FindInstancesArgs = Static<typeof FindInstancesArgsSchema>;

export const CreateInstancesArgsSchema = Type.Array(InstanceSchema, { minItems: 1, maxItems: 5000 });

/** Campaigns, newest first: ordered by (createdAt, id) descending. */
export const FindCampaignsArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      officePathPrefix: Type.Optional(OfficePathPrefix),
      status: Type.Optional(CampaignSchema.properties.status),
      programKey: Type.Optional(Type.String({ minLength: 1 })),
    }),
  ],
  { additionalProperties: false },
);
export type FindCampaignsArgs = Static<typeof FindCampaignsArgsSchema>;

export const ListOfficesArgsSchema = Type.Object(
  {
    pathPrefix: Type.Optional(OfficePathPrefix),
    level: Type.Optional(OfficeSchema.properties.level),
  },
  { additionalProperties: false },
);
export type ListOfficesArgs = Static<typeof ListOfficesArgsSchema>;

/** Users ordered by id. */
export const FindUsersArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      role: Type.Optional(RoleSchema),
      officeId: Type.Optional(Id),
      schoolId: Type.Optional(Id),
    }),
  ],
  { additionalProperties: false },
);
export type FindUsersArgs = Static<typeof FindUsersArgsSchema>;

/** Submissions ordered by (submittedAt, id). Give at least one filter. */
export const FindSubmissionsArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      instanceId: Type.Optional(Id),
      taskId: Type.Optional(Id),
      campaignId: Type.Optional(Id),
      schoolId: Type.Optional(Id),
      formId: Type.Optional(Type.String({ minLength: 1 })),
    }),
  ],
  { additionalProperties: false },
);
export type FindSubmissionsArgs = Static<typeof FindSubmissionsArgsSchema>;

export const ClaimDueTimersArgsSchema = Type.Object(
  {
    /** Timers with `dueAt <= now` are due. */
    now: IsoDateTime,
    /** How long the claim holds; after that another owner may claim the timer again. */
    leaseMs: Type.Integer({ minimum: 1, maximum: 24 * 3600 * 1000 }),
    /** Who claims, e.g. `scheduler:<host>:<pid>`. */
    owner: Type.String({ minLength: 1, maxLength: 200 }),
    limit: Type.Integer({ minimum: 1, maximum: 1000 }),
  },
  { additionalProperties: false },
);
export type ClaimDueTimersArgs = Static<typeof ClaimDueTimersArgsSchema>;

export const ClaimedTimerSchema = Type.Object({
  instanceId: Id,
  timer: ArmedTimerSchema,
  leaseOwner: Type.String(),
  leaseUntil: IsoDateTime,
});
export type ClaimedTimer = Static<typeof ClaimedTimerSchema>;

export const ReleaseTimerLeaseArgsSchema = Type.Object(
  { instanceId: Id, timerId: Id, owner: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
export type ReleaseTimerLeaseArgs = Static<typeof ReleaseTimerLeaseArgsSchema>;

/** Instances waiting for a message, ordered by (instanceId, executionId). */
export const FindMessageSubscriptionsArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      name: Type.String({ minLength: 1 }),
      /** Null matches subscriptions that wait without a correlation key. */
      correlationKey: Type.Union([Type.String(), Type.Null()]),
    }),
  ],
  { additionalProperties: false },
);
export type FindMessageSubscriptionsArgs = Static<typeof FindMessageSubscriptionsArgsSchema>;

export const MessageSubscriptionSchema = Type.Object({
  instanceId: Id,
  instanceVersion: Type.Integer({ minimum: 1 }),
  message: AwaitedMessageSchema,
});
export type MessageSubscription = Static<typeof MessageSubscriptionSchema>;

/** The files attached to one owner, ordered by (createdAt, id). */
export const FindFilesArgsSchema = Type.Composite(
  [PageArgsSchema, Type.Object({ owner: Type.String({ minLength: 1, maxLength: 300 }) })],
  { additionalProperties: false },
);
export type FindFilesArgs = Static<typeof FindFilesArgsSchema>;

/** Audit events, newest first: ordered by (at, id) descending. */
export const FindAuditArgsSchema = Type.Composite(
  [
    PageArgsSchema,
    Type.Object({
      actorId: Type.Optional(Id),
      target: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
      action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      /** Events at or after this instant. */
      from: Type.Optional(IsoDateTime),
      /** Events strictly before this instant. */
      to: Type.Optional(IsoDateTime),
    }),
  ],
  { additionalProperties: false },
);
export type FindAuditArgs = Static<typeof FindAuditArgsSchema>;

/** 回避 pairs of one inspector or of one school (give exactly one). */
export const FindConflictsArgsSchema = Type.Union([
  Type.Object({ inspectorId: Id }, { additionalProperties: false }),
  Type.Object({ schoolId: Id }, { additionalProperties: false }),
]);
export type FindConflictsArgs = Static<typeof FindConflictsArgsSchema>;

export const AppliedMigrationSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  appliedAt: IsoDateTime,
});
export type AppliedMigration = Static<typeof AppliedMigrationSchema>;
