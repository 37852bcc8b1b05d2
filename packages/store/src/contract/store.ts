import type {
  FindSchoolsArgs,
  FindTasksArgs,
  Page,
  ProgressDimension,
  ProgressRow,
  TaskView,
} from './queries.js';
import type {
  AuditEvent,
  Campaign,
  District,
  Instance,
  Office,
  ProgramVersion,
  School,
  Submission,
  User,
} from './records.js';

export type {
  FindSchoolsArgs,
  FindTasksArgs,
  Page,
  PageArgs,
  ProgressDimension,
  ProgressRow,
  TaskView,
} from './queries.js';

// One type per operation, so an adapter, a wrapper or a test double can name exactly what it implements.

export type Init = () => Promise<void>;
export type Close = () => Promise<void>;

export type PutOffice = (office: Office) => Promise<void>;
export type GetOffice = (id: string) => Promise<Office | null>;
export type ListOffices = () => Promise<Office[]>;
export type PutDistrict = (district: District) => Promise<void>;
export type ListDistricts = (officeId: string) => Promise<District[]>;
export type PutSchool = (school: School) => Promise<void>;
export type GetSchool = (id: string) => Promise<School | null>;
export type FindSchools = (args: FindSchoolsArgs) => Promise<Page<School>>;
export type PutUser = (user: User) => Promise<void>;
export type GetUser = (id: string) => Promise<User | null>;
export type GetUserByUsername = (username: string) => Promise<User | null>;

export type CreateProgramVersion = (version: ProgramVersion) => Promise<void>;
export type GetProgramVersion = (key: string, version: number) => Promise<ProgramVersion | null>;
export type GetLatestProgramVersion = (key: string) => Promise<ProgramVersion | null>;
export type ListProgramVersions = (key?: string) => Promise<ProgramVersion[]>;

export type CreateCampaign = (campaign: Campaign) => Promise<void>;
export type GetCampaign = (id: string) => Promise<Campaign | null>;
export type UpdateCampaign = (campaign: Campaign) => Promise<void>;

export interface CreateInstanceResult {
  created: boolean;
  instance: Instance;
}
export type CreateInstance = (instance: Instance) => Promise<CreateInstanceResult>;
export type GetInstance = (id: string) => Promise<Instance | null>;
export type UpdateInstance = (instance: Instance, expectedVersion: number) => Promise<Instance>;
export type FindTasks = (args: FindTasksArgs) => Promise<Page<TaskView>>;
export type GetTask = (taskId: string) => Promise<TaskView | null>;
export type CampaignProgress = (campaignId: string, groupBy: ProgressDimension[]) => Promise<ProgressRow[]>;

export interface CreateSubmissionResult {
  created: boolean;
  submission: Submission;
}
export type CreateSubmission = (submission: Submission) => Promise<CreateSubmissionResult>;
export type GetSubmission = (id: string) => Promise<Submission | null>;

export type AppendAudit = (event: AuditEvent) => Promise<void>;

/**
 * The storage contract. Every adapter (SQLite, MongoDB) implements all of it and passes the one
 * conformance suite (`test/conformance`).
 *
 * Guarantees shared by all adapters:
 * - A method returns only after its write is durable; a write it returned from survives a crash.
 * - Each method is atomic on the one record it writes. No method writes two records atomically, and
 *   none needs to: an instance record holds engine state, open tasks, timers and awaited messages.
 * - Bad records and bad query arguments are refused with `StoreError` code `STORE_ERR_INVALID` (the
 *   detail names the field path) before anything is written.
 * - Records come back exactly as they were written (deep-equal), including Chinese and non-BMP text.
 * - Lists are paged by a cursor over a unique sort key: paging while others insert never repeats or
 *   skips an item that existed when paging began.
 */
export interface Store {
  /** `sqlite` or `mongodb`. */
  readonly name: string;
  /** Opens the store, runs pending migrations and creates the declared indexes. Idempotent. */
  init: Init;
  /** Closes the connection; the store cannot be used afterwards. */
  close: Close;

  // Organisation
  /** Creates or replaces an office (upsert by id). */
  putOffice: PutOffice;
  getOffice: GetOffice;
  /** All offices, ordered by path (a parent comes before its children). */
  listOffices: ListOffices;
  /** Creates or replaces a 责任区 (upsert by id). */
  putDistrict: PutDistrict;
  /** The 责任区 of a county office, ordered by id. */
  listDistricts: ListDistricts;
  /** Creates or replaces a school (upsert by id). */
  putSchool: PutSchool;
  getSchool: GetSchool;
  /** Schools matching every given filter, ordered by id. */
  findSchools: FindSchools;
  /** Creates or replaces a user (upsert by id); usernames are unique (`STORE_ERR_DUPLICATE`). */
  putUser: PutUser;
  getUser: GetUser;
  getUserByUsername: GetUserByUsername;

  // Programs
  /** Inserts a new immutable version; an existing `${key}@${version}` is `STORE_ERR_DUPLICATE`. */
  createProgramVersion: CreateProgramVersion;
  getProgramVersion: GetProgramVersion;
  /** The highest active version of a program. */
  getLatestProgramVersion: GetLatestProgramVersion;
  /** Versions ordered by key, then version. */
  listProgramVersions: ListProgramVersions;

  // Campaigns
  /** Inserts a campaign; an existing id is `STORE_ERR_DUPLICATE`. */
  createCampaign: CreateCampaign;
  getCampaign: GetCampaign;
  /** Replaces a campaign (last write wins); a missing id is `STORE_ERR_NOT_FOUND`. */
  updateCampaign: UpdateCampaign;

  // Instances
  /**
   * Idempotent create: if an instance with this id exists, nothing is written and `created` is false
   * (a retried launch never duplicates a school); the stored instance is returned.
   */
  createInstance: CreateInstance;
  getInstance: GetInstance;
  /**
   * Replaces the instance if its stored version equals `expectedVersion`, writing `expectedVersion + 1`
   * (the `version` field passed in is ignored) and returning the record as stored. Otherwise throws
   * `STORE_ERR_CONFLICT` (or `STORE_ERR_NOT_FOUND` for an unknown id) and writes nothing: of two
   * concurrent writers exactly one wins. Open tasks, timers and awaited messages are re-indexed in the
   * same atomic write.
   */
  updateInstance: UpdateInstance;
  /** Open tasks ordered by (createdAt, id); see `FindTasksArgs`. Answered from indexes, never a scan. */
  findTasks: FindTasks;
  /** One open task by its id, or null once it is no longer open. */
  getTask: GetTask;
  /**
   * Counts a campaign's instances grouped by the given dimensions (no dimensions: one row, the total).
   * Rows are ordered by the dimensions' values.
   */
  campaignProgress: CampaignProgress;

  // Submissions
  /** Idempotent create by id: an existing id is left as it was and returned with `created: false`. */
  createSubmission: CreateSubmission;
  getSubmission: GetSubmission;

  // Audit (append-only: the contract has no method that changes or deletes an event)
  /** Appends an event; an existing id is `STORE_ERR_DUPLICATE`. */
  appendAudit: AppendAudit;
}
