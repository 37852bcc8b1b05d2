import type {
  AuditEvent,
  Campaign,
  District,
  Instance,
  InstanceStatus,
  Office,
  OpenTask,
  ProgramVersion,
  School,
  SchoolType,
  Submission,
  User,
} from './records.js';

/** Cursor pagination: `cursor` is opaque; pass back `nextCursor` to get the next page in the same stable order. */
export interface PageArgs {
  limit: number;
  cursor?: string | null;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An open task together with the instance fields a task list shows and filters on. */
export interface TaskView extends OpenTask {
  instanceId: string;
  instanceVersion: number;
  campaignId: string;
  programKey: string;
  programVersion: number;
  scope: 'school' | 'campaign';
  schoolId: string | null;
  districtId: string | null;
  schoolType: SchoolType | null;
  officePath: string;
}

export interface FindTasksArgs extends PageArgs {
  /** Tasks whose audience contains any of these principal keys (`user:u1`, `school:s1`, `office:o1`). */
  audience?: string[];
  campaignId?: string;
  schoolId?: string;
  /** Only tasks due strictly before this instant (overdue lists). */
  dueBefore?: string;
}

export type ProgressDimension = 'status' | 'districtId' | 'schoolType' | 'officePath';
export interface ProgressRow {
  status?: InstanceStatus;
  districtId?: string;
  schoolType?: SchoolType;
  officePath?: string;
  count: number;
}

export interface FindSchoolsArgs extends PageArgs {
  officePathPrefix?: string;
  districtId?: string;
  types?: SchoolType[];
  ownership?: 'public' | 'private';
  ids?: string[];
  inspectorId?: string;
}

/**
 * The storage contract. Every adapter (SQLite, MongoDB) implements all of it and passes the one
 * conformance suite.
 *
 * Guarantees shared by all adapters:
 * - A method returns only after its write is durable; a write it returned from survives a crash.
 * - Each method is atomic on the one record it writes. No method writes two records atomically, and
 *   none needs to: an instance record holds engine state, open tasks, timers and awaited messages.
 * - Bad records are refused with `StoreError` code `STORE_ERR_INVALID` before anything is written.
 */
export interface Store {
  readonly name: string;
  /** Opens the store, runs pending migrations and creates the declared indexes. Idempotent. */
  init(): Promise<void>;
  close(): Promise<void>;

  // Organisation
  putOffice(office: Office): Promise<void>;
  getOffice(id: string): Promise<Office | null>;
  listOffices(): Promise<Office[]>;
  putDistrict(district: District): Promise<void>;
  listDistricts(officeId: string): Promise<District[]>;
  putSchool(school: School): Promise<void>;
  getSchool(id: string): Promise<School | null>;
  findSchools(args: FindSchoolsArgs): Promise<Page<School>>;
  /** Creates or replaces a user (upsert by id); usernames are unique (`STORE_ERR_DUPLICATE`). */
  putUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | null>;
  getUserByUsername(username: string): Promise<User | null>;

  // Programs
  /** Inserts a new immutable version; an existing `${key}@${version}` is `STORE_ERR_DUPLICATE`. */
  createProgramVersion(version: ProgramVersion): Promise<void>;
  getProgramVersion(key: string, version: number): Promise<ProgramVersion | null>;
  /** The highest active version of a program. */
  getLatestProgramVersion(key: string): Promise<ProgramVersion | null>;
  listProgramVersions(key?: string): Promise<ProgramVersion[]>;

  // Campaigns
  createCampaign(campaign: Campaign): Promise<void>;
  getCampaign(id: string): Promise<Campaign | null>;
  updateCampaign(campaign: Campaign): Promise<void>;

  // Instances
  /**
   * Idempotent create: if an instance with this id exists, nothing is written and `created` is false
   * (a retried launch never duplicates a school).
   */
  createInstance(instance: Instance): Promise<{ created: boolean; instance: Instance }>;
  getInstance(id: string): Promise<Instance | null>;
  /**
   * Replaces the instance if its stored version equals `expectedVersion`, writing `expectedVersion + 1`.
   * Otherwise throws `StoreError` `STORE_ERR_CONFLICT` and writes nothing: of two concurrent writers
   * exactly one wins.
   */
  updateInstance(instance: Instance, expectedVersion: number): Promise<Instance>;
  findTasks(args: FindTasksArgs): Promise<Page<TaskView>>;
  getTask(taskId: string): Promise<TaskView | null>;
  /** Counts a campaign's instances grouped by the given dimensions. */
  campaignProgress(campaignId: string, groupBy: ProgressDimension[]): Promise<ProgressRow[]>;

  // Submissions
  /** Idempotent create by id: an existing id is left as it was and returned with `created: false`. */
  createSubmission(submission: Submission): Promise<{ created: boolean; submission: Submission }>;
  getSubmission(id: string): Promise<Submission | null>;

  // Audit (append-only)
  appendAudit(event: AuditEvent): Promise<void>;
}
