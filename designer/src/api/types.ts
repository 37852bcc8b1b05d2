import type { Static } from '@sinclair/typebox';
// program.json's schema, from the package the server checks bundles with.
import type { ParameterSchema, ProgramManifestSchema } from '../../../packages/program/src/manifest.js';
// Type-only imports of the server's TypeBox route schemas: erased from the bundle, so the browser gets the
// exact request and response shapes without bundling any server code.
import type { AuditListSchema } from '../../../server/src/schemas/audit.js';
import type {
  AssignmentReportSchema,
  CampaignLaunchBodySchema,
  CampaignListSchema,
  CampaignViewSchema,
  CancelResultSchema,
  LaunchPreviewSchema,
  LaunchResultSchema,
  NotSubmittedListSchema,
  OverdueListSchema,
  ProgressRowsSchema,
  RemindResultSchema,
  TargetFilterSchema,
} from '../../../server/src/schemas/campaigns.js';
import type { OwnershipSchema, SchoolTypeSchema } from '../../../server/src/schemas/common.js';
import type { FileViewSchema } from '../../../server/src/schemas/files.js';
import type { ImportReportSchema } from '../../../server/src/schemas/imports.js';
import type { NotificationListSchema } from '../../../server/src/schemas/notifications.js';
import type { DistrictViewSchema, OfficeViewSchema } from '../../../server/src/schemas/organisation.js';
import type {
  BundleBodySchema,
  BundleProblemSchema,
  DraftDetailSchema,
  DraftListSchema,
  DraftUploadResultSchema,
  ProgramListSchema,
  ProgramVersionDetailSchema,
  ProgramVersionListSchema,
  ProgramVersionSummarySchema,
  PublishResultSchema,
} from '../../../server/src/schemas/programs.js';
import type {
  CreateSchoolBodySchema,
  SchoolListSchema,
  SchoolProfileSchema,
  SchoolViewSchema,
  UpdateSchoolBodySchema,
} from '../../../server/src/schemas/schools.js';
import type { SubmissionViewSchema } from '../../../server/src/schemas/submissions.js';
import type {
  ClaimResultSchema,
  CompleteTaskResultSchema,
  DraftResultSchema,
  ReturnResultSchema,
  TaskDetailSchema,
  TaskHistoryEntrySchema,
  TaskListQuerySchema,
  TaskListSchema,
  TaskSummarySchema,
} from '../../../server/src/schemas/tasks.js';
import type {
  CreateUserBodySchema,
  UserDetailSchema,
  UserListSchema,
  UserViewSchema,
} from '../../../server/src/schemas/users.js';

export type User = Static<typeof UserViewSchema>;
export type Role = User['role'];
export type UserPage = Static<typeof UserListSchema>;
export type UserDetail = Static<typeof UserDetailSchema>;
export type CreateUserRequest = Static<typeof CreateUserBodySchema>;

export type TaskSummary = Static<typeof TaskSummarySchema>;
export type TaskPage = Static<typeof TaskListSchema>;
export type TaskListQuery = Partial<Static<typeof TaskListQuerySchema>>;
export type TaskDetail = Static<typeof TaskDetailSchema>;
export type TaskHistoryEntry = Static<typeof TaskHistoryEntrySchema>;
export type CompleteResult = Static<typeof CompleteTaskResultSchema>;
export type DraftResult = Static<typeof DraftResultSchema>;
export type ReturnResult = Static<typeof ReturnResultSchema>;
export type ClaimResult = Static<typeof ClaimResultSchema>;
export type SubmissionView = Static<typeof SubmissionViewSchema>;
export type FileView = Static<typeof FileViewSchema>;

export type ProgramSummary = Static<typeof ProgramListSchema>['items'][number];
export type ProgramVersionSummary = Static<typeof ProgramVersionSummarySchema>;
export type ProgramVersionList = Static<typeof ProgramVersionListSchema>;
export type ProgramVersionDetail = Static<typeof ProgramVersionDetailSchema>;
export type ProgramManifest = Static<typeof ProgramManifestSchema>;
export type ProgramParameter = Static<typeof ParameterSchema>;
export type ProgramBundle = Static<typeof BundleBodySchema>;
export type BundleProblem = Static<typeof BundleProblemSchema>;
export type ProgramDraftPage = Static<typeof DraftListSchema>;
export type ProgramDraftDetail = Static<typeof DraftDetailSchema>;
export type DraftUploadResult = Static<typeof DraftUploadResultSchema>;
export type PublishResult = Static<typeof PublishResultSchema>;

export type SchoolType = Static<typeof SchoolTypeSchema>;
export type Ownership = Static<typeof OwnershipSchema>;
export type School = Static<typeof SchoolViewSchema>;
export type SchoolPage = Static<typeof SchoolListSchema>;
export type SchoolProfile = Static<typeof SchoolProfileSchema>;
export type CreateSchoolRequest = Static<typeof CreateSchoolBodySchema>;
export type UpdateSchoolRequest = Static<typeof UpdateSchoolBodySchema>;
export type Office = Static<typeof OfficeViewSchema>;
export type District = Static<typeof DistrictViewSchema>;

export type TargetFilter = Static<typeof TargetFilterSchema>;
export type CampaignLaunchRequest = Static<typeof CampaignLaunchBodySchema>;
export type LaunchPreview = Static<typeof LaunchPreviewSchema>;
export type LaunchResult = Static<typeof LaunchResultSchema>;
export type AssignmentReport = Static<typeof AssignmentReportSchema>;
export type CampaignPage = Static<typeof CampaignListSchema>;
export type CampaignSummary = CampaignPage['items'][number];
export type CampaignDetail = Static<typeof CampaignViewSchema>;
export type CampaignProgress = CampaignDetail['progress'];
export type ProgressRows = Static<typeof ProgressRowsSchema>;
export type ProgressRow = ProgressRows['rows'][number];
export type OverduePage = Static<typeof OverdueListSchema>;
export type NotSubmittedPage = Static<typeof NotSubmittedListSchema>;
export type RemindResult = Static<typeof RemindResultSchema>;
export type CancelResult = Static<typeof CancelResultSchema>;

export type ImportReport = Static<typeof ImportReportSchema>;
export type ImportKind = 'schools' | 'inspectors' | 'assignments';
export type NotificationPage = Static<typeof NotificationListSchema>;
export type AuditPage = Static<typeof AuditListSchema>;

/** A Form.io form definition; the renderer owns its shape. */
export type FormioFormJson = Record<string, unknown>;

/**
 * One field error of a rejected submission (`FORM_ERR_INVALID`); the server's problem schema types `errors`
 * only as records, so the fields are read defensively.
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
  problems?: unknown[];
}
