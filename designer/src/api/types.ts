import type { Static } from '@sinclair/typebox';
// Type-only imports of the server's TypeBox route schemas: erased from the bundle, so the browser gets the
// exact response shapes without bundling any server code.
import type {
  CampaignViewSchema,
  LaunchBodySchema,
  LaunchResultSchema,
  ProgramListSchema,
  SchoolListSchema,
} from '../../../server/src/schemas/campaigns.js';
import type {
  CompleteTaskResultSchema,
  TaskDetailSchema,
  TaskListSchema,
  TaskSummarySchema,
} from '../../../server/src/schemas/tasks.js';
import type { UserViewSchema } from '../../../server/src/schemas/users.js';

export type User = Static<typeof UserViewSchema>;
export type Role = User['role'];

export type TaskSummary = Static<typeof TaskSummarySchema>;
export type TaskPage = Static<typeof TaskListSchema>;
export type TaskDetail = Static<typeof TaskDetailSchema>;
export type CompleteResult = Static<typeof CompleteTaskResultSchema>;

export type ProgramSummary = Static<typeof ProgramListSchema>['items'][number];
export type School = Static<typeof SchoolListSchema>['items'][number];
export type LaunchRequest = Static<typeof LaunchBodySchema>;
export type LaunchResult = Static<typeof LaunchResultSchema>;
export type CampaignDetail = Static<typeof CampaignViewSchema>;
export type CampaignProgress = CampaignDetail['progress'];

/** A Form.io form definition; the renderer owns its shape. */
export type FormioFormJson = Record<string, unknown>;

/**
 * One field error of a rejected submission (`FORM_ERR_INVALID`), as the API brief documents it; the server's
 * problem schema types `errors` only as records, so the fields are read defensively.
 */
export interface FieldError {
  path: string;
  key?: string;
  rule?: string;
  message: string;
}

/** `application/problem+json` body of every API error. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: unknown[];
}
