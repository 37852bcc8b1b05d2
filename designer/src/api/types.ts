// Shapes of the foundation HTTP API (see the server's route schemas). They are written here by hand until the
// server's TypeBox schemas live in a package the browser can import types from.

export type Role = 'office' | 'inspector' | 'school';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  schoolId: string | null;
}

export interface TaskSummary {
  id: string;
  name: string;
  formId: string;
  programKey: string;
  programName: string;
  campaignId: string;
  campaignTitle: string;
  schoolId: string;
  schoolName: string;
  dueAt: string | null;
  createdAt: string;
}

export interface TaskPage {
  items: TaskSummary[];
  nextCursor: string | null;
}

/** A Form.io form definition; the renderer owns its shape. */
export type FormioFormJson = { components: unknown[] } & Record<string, unknown>;

export interface TaskDetail {
  task: TaskSummary;
  form: FormioFormJson | null;
  draft: Record<string, unknown> | null;
}

export interface CompleteResult {
  taskId: string;
  instanceId: string;
  instanceStatus: string;
}

export interface ProgramSummary {
  key: string;
  name: string;
  version: number;
  description: string;
}

export interface School {
  id: string;
  name: string;
  type: string;
  districtId: string;
  inspectorId: string | null;
}

export interface LaunchRequest {
  title: string;
  schoolIds: string[];
  deadline?: string;
}

export interface LaunchResult {
  campaignId: string;
  launched: number;
}

export interface Campaign {
  id: string;
  title: string;
  programKey: string;
  programVersion: number;
  createdAt: string;
  deadline: string | null;
  targetCount: number;
  status: string;
}

export interface CampaignProgress {
  total: number;
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
}

export interface CampaignDetail {
  campaign: Campaign;
  progress: CampaignProgress;
}

/** One field error of a rejected form submission (`FORM_ERR_INVALID`). */
export interface FieldError {
  path: string;
  key: string;
  rule: string;
  message: string;
}

/** `application/problem+json` body of every API error. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
}
