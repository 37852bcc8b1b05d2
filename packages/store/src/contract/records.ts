import { type Static, Type } from '@sinclair/typebox';

/**
 * The records every adapter stores. Each is a TypeBox schema, so the same definition validates input at
 * the store boundary and gives the TypeScript type (`Static<>`).
 */

export const Id = Type.String({ minLength: 1, maxLength: 128 });
/**
 * An instant in UTC with milliseconds, exactly as `Date.prototype.toISOString()` writes it
 * ("2025-09-01T08:00:00.000Z"). One fixed form makes string order equal time order, so both stores
 * sort and compare timestamps (due dates, leases, cursors) as plain strings in their indexes.
 */
export const IsoDateTime = Type.String({
  format: 'date-time',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
});

export const SchoolTypeSchema = Type.Union(
  [
    Type.Literal('primary'), // 小学
    Type.Literal('junior'), // 初中
    Type.Literal('nine_year'), // 九年一贯制
    Type.Literal('complete_secondary'), // 完全中学
    Type.Literal('senior'), // 普通高中
    Type.Literal('kindergarten'), // 幼儿园
    Type.Literal('training'), // 校外培训机构
    Type.Literal('special'), // 特殊教育学校
  ],
  { $id: 'SchoolType' },
);
export type SchoolType = Static<typeof SchoolTypeSchema>;

export const RoleSchema = Type.Union([
  Type.Literal('office'),
  Type.Literal('inspector'),
  Type.Literal('school'),
]);
export type Role = Static<typeof RoleSchema>;

/**
 * What a user is within its role: a 督学 is 专职 (full-time) or 兼职 (part-time); a school user is the
 * 校长 (principal) or the school's 联络员 (liaison). Office users have none.
 */
export const UserPostSchema = Type.Union([
  Type.Literal('full_time'), // 专职督学
  Type.Literal('part_time'), // 兼职督学
  Type.Literal('principal'), // 校长
  Type.Literal('liaison'), // 联络员
]);
export type UserPost = Static<typeof UserPostSchema>;

/** A 督导室 in the 省/市/县 tree. `path` lists the ids from the root down to this office, as "/a/b/c/". */
export const OfficeSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]),
    parentId: Type.Union([Id, Type.Null()]),
    path: Type.String({ minLength: 3 }),
  },
  { additionalProperties: false },
);
export type Office = Static<typeof OfficeSchema>;

/** A 责任区 under a county office. */
export const DistrictSchema = Type.Object(
  { id: Id, name: Type.String({ minLength: 1, maxLength: 200 }), officeId: Id },
  { additionalProperties: false },
);
export type District = Static<typeof DistrictSchema>;

export const SchoolSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    type: SchoolTypeSchema,
    ownership: Type.Union([Type.Literal('public'), Type.Literal('private')]),
    officeId: Id,
    /** The owning office's path, copied here so subtree queries need no join. */
    officePath: Type.String({ minLength: 3 }),
    districtId: Id,
    /** The school's 责任督学 (挂牌), a user id. */
    inspectorId: Type.Union([Id, Type.Null()]),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    contact: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type School = Static<typeof SchoolSchema>;

export const UserSchema = Type.Object(
  {
    id: Id,
    username: Type.String({ minLength: 1, maxLength: 64 }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    /** 专职/兼职 for inspectors, 校长/联络员 for school users; absent for office users. */
    post: Type.Optional(UserPostSchema),
    /** Office users: their office. Inspectors: the county office they serve. */
    officeId: Type.Union([Id, Type.Null()]),
    /** School users: their school. */
    schoolId: Type.Union([Id, Type.Null()]),
    passwordHash: Type.String(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type User = Static<typeof UserSchema>;

/** One published, immutable version of a program (an inspection process with its forms). */
export const ProgramVersionSchema = Type.Object(
  {
    /** `${key}@${version}` */
    id: Id,
    key: Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$' }),
    version: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1 }),
    /** program.json as published (see @ddt/program). */
    manifest: Type.Record(Type.String(), Type.Unknown()),
    bpmn: Type.String({ minLength: 1 }),
    /** Form.io form definitions by form id. */
    forms: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
    status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
    publishedAt: IsoDateTime,
    publishedBy: Type.Union([Id, Type.Null()]),
    /**
     * The path of the office that owns the program (published its first version); absent for the
     * platform's programs, published from `definitions/` at start.
     */
    ownerPath: Type.Optional(Type.String({ minLength: 3 })),
  },
  { additionalProperties: false },
);
export type ProgramVersion = Static<typeof ProgramVersionSchema>;

/** A 督导任务批次: one launch of a program version to a set of schools. */
export const CampaignSchema = Type.Object(
  {
    id: Id,
    programKey: Type.String(),
    programVersion: Type.Integer({ minimum: 1 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    officeId: Id,
    officePath: Type.String({ minLength: 3 }),
    params: Type.Record(Type.String(), Type.Unknown()),
    deadline: Type.Union([IsoDateTime, Type.Null()]),
    status: Type.Union([
      Type.Literal('launching'),
      Type.Literal('active'),
      Type.Literal('completed'),
      Type.Literal('cancelled'),
    ]),
    targetCount: Type.Integer({ minimum: 0 }),
    createdBy: Id,
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Campaign = Static<typeof CampaignSchema>;

/** A user task waiting for someone, as indexed by the store. */
export const OpenTaskSchema = Type.Object(
  {
    /** Stable id: `${instanceId}:${executionId}`. */
    id: Id,
    elementId: Type.String(),
    executionId: Type.String(),
    name: Type.String(),
    formId: Type.Union([Type.String(), Type.Null()]),
    /** Resolved assignee: a user id or a school id, or null for a group task. */
    assignee: Type.Union([Type.String(), Type.Null()]),
    candidateGroups: Type.Array(Type.String()),
    /**
     * Who may see and act on the task, as principal keys (`user:<id>`, `school:<id>`, `office:<id>`),
     * resolved when the task opens so that an inbox is one indexed lookup.
     */
    audience: Type.Array(Type.String()),
    dueAt: Type.Union([IsoDateTime, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type OpenTask = Static<typeof OpenTaskSchema>;

/** A timer the instance waits on; the scheduler claims due timers with a lease. */
export const ArmedTimerSchema = Type.Object(
  {
    id: Id,
    elementId: Type.String(),
    executionId: Type.String(),
    dueAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type ArmedTimer = Static<typeof ArmedTimerSchema>;

export const AwaitedMessageSchema = Type.Object(
  {
    elementId: Type.String(),
    executionId: Type.String(),
    name: Type.String(),
    correlationKey: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type AwaitedMessage = Static<typeof AwaitedMessageSchema>;

export const IncidentSchema = Type.Object(
  {
    id: Id,
    elementId: Type.String(),
    error: Type.String(),
    at: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Incident = Static<typeof IncidentSchema>;

/** A user task an instance has finished: who completed it, when, and with which submission. */
export const CompletedTaskSchema = Type.Object(
  {
    taskId: Id,
    elementId: Type.String(),
    name: Type.String(),
    formId: Type.Union([Type.String(), Type.Null()]),
    submissionId: Type.Union([Id, Type.Null()]),
    completedBy: Type.Union([Id, Type.Null()]),
    completedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type CompletedTask = Static<typeof CompletedTaskSchema>;

export const InstanceStatusSchema = Type.Union([
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export type InstanceStatus = Static<typeof InstanceStatusSchema>;

/**
 * One process instance: engine state plus everything the platform indexes about it. Written as ONE
 * record with a version check, so a workflow step never needs a multi-document transaction.
 */
export const InstanceSchema = Type.Object(
  {
    id: Id,
    campaignId: Id,
    programKey: Type.String(),
    programVersion: Type.Integer({ minimum: 1 }),
    /**
     * `school`: one instance per target school (schoolId, districtId and schoolType set).
     * `campaign`: one instance per campaign for the launching office (county summaries, roll-ups);
     * its school fields are null.
     */
    scope: Type.Union([Type.Literal('school'), Type.Literal('campaign')]),
    schoolId: Type.Union([Id, Type.Null()]),
    /** The school's office path, or the launching office's path for a campaign-scope instance. */
    officePath: Type.String({ minLength: 3 }),
    districtId: Type.Union([Id, Type.Null()]),
    schoolType: Type.Union([SchoolTypeSchema, Type.Null()]),
    /**
     * The 责任督学 this instance's `inspector` tasks go to: the school's 挂牌 inspector at launch, or the
     * stand-in the launch chose when that inspector declared 回避. Absent on records written before it
     * existed; readers then fall back to the school's current inspector.
     */
    inspectorId: Type.Optional(Type.Union([Id, Type.Null()])),
    status: InstanceStatusSchema,
    /** bpmn-engine state without the definition source. */
    state: Type.Unknown(),
    tasks: Type.Array(OpenTaskSchema),
    timers: Type.Array(ArmedTimerSchema),
    messages: Type.Array(AwaitedMessageSchema),
    incidents: Type.Array(IncidentSchema),
    /**
     * Completed user tasks, oldest first. The submission that completed a task is the one named here:
     * submissions are written first under fresh ids, and only the winning instance write references one.
     */
    history: Type.Optional(Type.Array(CompletedTaskSchema)),
    /** Incremented by every write; `updateInstance` succeeds only against the version it read. */
    version: Type.Integer({ minimum: 1 }),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Instance = Static<typeof InstanceSchema>;

/** A validated form submission. Written before the instance step that references it, under an idempotent id. */
export const SubmissionSchema = Type.Object(
  {
    id: Id,
    taskId: Id,
    instanceId: Id,
    campaignId: Id,
    schoolId: Type.Union([Id, Type.Null()]),
    elementId: Type.String(),
    formId: Type.String(),
    /** The program version whose form validated this submission. */
    programVersion: Type.Integer({ minimum: 1 }),
    data: Type.Record(Type.String(), Type.Unknown()),
    score: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    submittedBy: Id,
    submittedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Submission = Static<typeof SubmissionSchema>;

export const AuditEventSchema = Type.Object(
  {
    id: Id,
    at: IsoDateTime,
    actorId: Type.Union([Id, Type.Null()]),
    action: Type.String({ minLength: 1, maxLength: 100 }),
    target: Type.String({ maxLength: 300 }),
    requestId: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type AuditEvent = Static<typeof AuditEventSchema>;

/**
 * What a caller says about a file it stores (evidence photos, scanned documents). The store adds the
 * size and content hash.
 */
export const NewFileSchema = Type.Object(
  {
    id: Id,
    /** The original file name, as shown to users. */
    name: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ minLength: 1, maxLength: 200 }),
    /** What the file belongs to, e.g. `task:<taskId>` or `submission:<id>`; null while unattached. */
    owner: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
    createdBy: Type.Union([Id, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type NewFile = Static<typeof NewFileSchema>;

export const FileRecordSchema = Type.Composite(
  [
    NewFileSchema,
    Type.Object({
      size: Type.Integer({ minimum: 0 }),
      /** Lower-case hex SHA-256 of the bytes. */
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    }),
  ],
  { additionalProperties: false },
);
export type FileRecord = Static<typeof FileRecordSchema>;

/** The unsubmitted form data of one task, saved as the user types (last write wins). */
export const DraftSchema = Type.Object(
  {
    taskId: Id,
    instanceId: Id,
    data: Type.Record(Type.String(), Type.Unknown()),
    savedBy: Id,
    savedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Draft = Static<typeof DraftSchema>;

/** A 回避 pair: this inspector must not inspect this school (relatives, former post, …). */
export const ConflictSchema = Type.Object(
  {
    inspectorId: Id,
    schoolId: Id,
    reason: Type.String({ maxLength: 500 }),
    createdBy: Type.Union([Id, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Conflict = Static<typeof ConflictSchema>;
