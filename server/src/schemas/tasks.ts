import { type Static, Type } from '@sinclair/typebox';

export const TaskIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 300 }) });

export const PageQuerySchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
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
});
export type TaskSummary = Static<typeof TaskSummarySchema>;

export const TaskListSchema = Type.Object({
  items: Type.Array(TaskSummarySchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const TaskDetailSchema = Type.Object({
  task: TaskSummarySchema,
  form: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  draft: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const CompleteTaskBodySchema = Type.Object(
  { data: Type.Record(Type.String(), Type.Unknown()) },
  { additionalProperties: false },
);

export const CompleteTaskResultSchema = Type.Object({
  taskId: Type.String(),
  instanceId: Type.String(),
  instanceStatus: Type.String(),
});
