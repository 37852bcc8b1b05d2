import { Type } from '@sinclair/typebox';

export const SubmissionViewSchema = Type.Object({
  submission: Type.Object({
    id: Type.String(),
    taskId: Type.String(),
    instanceId: Type.String(),
    campaignId: Type.String(),
    schoolId: Type.Union([Type.String(), Type.Null()]),
    formId: Type.String(),
    programVersion: Type.Integer(),
    data: Type.Record(Type.String(), Type.Unknown()),
    score: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    submittedBy: Type.String(),
    submittedAt: Type.String(),
  }),
  /** The form version the submission was validated against, to show it read-only. */
  form: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** Whether the instance accepted this submission (a concurrent second submit is stored but not accepted). */
  accepted: Type.Boolean(),
});
