import { type Static, Type } from '@sinclair/typebox';
import { CursorSchema, IdSchema, LimitSchema, TaskIdSchema, TextSchema } from './common.js';

export const TaskIdParamsSchema = Type.Object({ id: TaskIdSchema }, { additionalProperties: false });

export { PageQuerySchema } from './common.js';

export const TaskListQuerySchema = Type.Object(
  {
    limit: LimitSchema,
    cursor: Type.Optional(CursorSchema),
    programKey: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,63}$' })),
    campaignId: Type.Optional(IdSchema),
    /** true: only tasks past their due date; false: only tasks not (yet) overdue. */
    overdue: Type.Optional(Type.Boolean()),
    /** `open` (default): tasks waiting for me; `completed`: tasks I completed, newest first. */
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('completed')])),
  },
  { additionalProperties: false },
);

export const TaskSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  formId: Type.Union([Type.String(), Type.Null()]),
  programKey: Type.String(),
  programName: Type.String(),
  campaignId: Type.String(),
  campaignTitle: Type.String(),
  schoolId: Type.Union([Type.String(), Type.Null()]),
  schoolName: Type.Union([Type.String(), Type.Null()]),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  instanceId: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('completed')]),
  completedAt: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  /** A group task (offered to a school, an office …) that one member may claim. */
  claimable: Type.Boolean(),
  /** The user who claimed the group task; null while unclaimed. */
  claimedBy: Type.Union([Type.String(), Type.Null()]),
  /** That user's name, so the others of the group know whom to ask. */
  claimedByName: Type.Union([Type.String(), Type.Null()]),
});
export type TaskSummary = Static<typeof TaskSummarySchema>;

export const TaskListSchema = Type.Object({
  items: Type.Array(TaskSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const TaskHistoryEntrySchema = Type.Object({
  taskId: Type.String(),
  name: Type.String(),
  completedAt: Type.String(),
  completedBy: Type.Union([Type.String(), Type.Null()]),
  completedByName: Type.Union([Type.String(), Type.Null()]),
  submissionId: Type.Union([Type.String(), Type.Null()]),
});

export const TaskReturnSchema = Type.Object({
  at: Type.String(),
  taskName: Type.String(),
  comment: Type.String(),
  byName: Type.Union([Type.String(), Type.Null()]),
});

export const TaskDetailSchema = Type.Object({
  task: TaskSummarySchema,
  form: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** Values decided by earlier steps for fields of this form (process variables of the same name). */
  prefill: Type.Record(Type.String(), Type.Unknown()),
  draft: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** The instance's completed steps, oldest first (their submissions are at /api/submissions/:id). */
  history: Type.Array(TaskHistoryEntrySchema),
  /** Why the instance came back to this step (退回), newest first. */
  returns: Type.Array(TaskReturnSchema),
  /** Whether this task can be returned for revision (its process routes `returned`). */
  returnable: Type.Boolean(),
});

export const CompleteTaskBodySchema = Type.Object(
  { data: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);

export const ScoreSummarySchema = Type.Object({
  total: Type.Number(),
  maxTotal: Type.Number(),
  percent: Type.Number(),
  grade: Type.String(),
  passed: Type.Boolean(),
  failedKeyIndicators: Type.Array(Type.String()),
});

export const CompleteTaskResultSchema = Type.Object({
  taskId: Type.String(),
  instanceId: Type.String(),
  instanceStatus: Type.String(),
  submissionId: Type.Union([Type.String(), Type.Null()]),
  score: Type.Union([ScoreSummarySchema, Type.Null()]),
});

export const DraftBodySchema = CompleteTaskBodySchema;
export const DraftResultSchema = Type.Object({ taskId: Type.String(), savedAt: Type.String() });

export const ReturnBodySchema = Type.Object(
  { comment: TextSchema(2000, 1) },
  { additionalProperties: false },
);

export const ReturnResultSchema = Type.Object({
  taskId: Type.String(),
  instanceId: Type.String(),
  instanceStatus: Type.String(),
});

export const ClaimResultSchema = Type.Object({
  taskId: Type.String(),
  claimedBy: Type.Union([Type.String(), Type.Null()]),
});
