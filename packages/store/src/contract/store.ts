import type {
  AppliedMigration,
  CampaignProgressOptions,
  ClaimDueTimersArgs,
  ClaimedTimer,
  FindAuditArgs,
  FindCampaignsArgs,
  FindConflictsArgs,
  FindFilesArgs,
  FindInstancesArgs,
  FindMessageSubscriptionsArgs,
  FindOverdueTasksArgs,
  FindSchoolsArgs,
  FindSubmissionsArgs,
  FindTasksArgs,
  FindUsersArgs,
  InstanceSummary,
  ListOfficesArgs,
  MessageSubscription,
  Page,
  ProgressDimension,
  ProgressRow,
  ReleaseTimerLeaseArgs,
  TaskView,
} from './queries.js';
import type {
  AuditEvent,
  Campaign,
  Conflict,
  District,
  Draft,
  FileRecord,
  Instance,
  NewFile,
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
export type ListMigrations = () => Promise<AppliedMigration[]>;
export type Backup = (destinationPath: string) => Promise<void>;

export type PutOffice = (office: Office) => Promise<void>;
export type GetOffice = (id: string) => Promise<Office | null>;
export type ListOffices = (args?: ListOfficesArgs) => Promise<Office[]>;
export type PutDistrict = (district: District) => Promise<void>;
export type ListDistricts = (officeId: string) => Promise<District[]>;
export type PutSchool = (school: School) => Promise<void>;
export type GetSchool = (id: string) => Promise<School | null>;
export type FindSchools = (args: FindSchoolsArgs) => Promise<Page<School>>;
export type PutUser = (user: User) => Promise<void>;
export type GetUser = (id: string) => Promise<User | null>;
export type GetUserByUsername = (username: string) => Promise<User | null>;
export type FindUsers = (args: FindUsersArgs) => Promise<Page<User>>;
export type PutConflict = (conflict: Conflict) => Promise<void>;
export type DeleteConflict = (inspectorId: string, schoolId: string) => Promise<boolean>;
export type FindConflicts = (args: FindConflictsArgs) => Promise<Conflict[]>;
export type HasConflict = (inspectorId: string, schoolId: string) => Promise<boolean>;

export type CreateProgramVersion = (version: ProgramVersion) => Promise<void>;
export type GetProgramVersion = (key: string, version: number) => Promise<ProgramVersion | null>;
export type GetLatestProgramVersion = (key: string) => Promise<ProgramVersion | null>;
export type ListProgramVersions = (key?: string) => Promise<ProgramVersion[]>;
export type SetProgramVersionStatus = (
  key: string,
  version: number,
  status: ProgramVersion['status'],
) => Promise<ProgramVersion>;

export type CreateCampaign = (campaign: Campaign) => Promise<void>;
export type GetCampaign = (id: string) => Promise<Campaign | null>;
export type UpdateCampaign = (campaign: Campaign) => Promise<void>;
export type FindCampaigns = (args: FindCampaignsArgs) => Promise<Page<Campaign>>;

export interface CreateInstanceResult {
  created: boolean;
  instance: Instance;
}
export type CreateInstance = (instance: Instance) => Promise<CreateInstanceResult>;
export interface CreateInstancesResult {
  /** How many of the given instances were new. */
  created: number;
  /** Ids that already existed and were left as they were. */
  existingIds: string[];
}
export type CreateInstances = (instances: Instance[]) => Promise<CreateInstancesResult>;
export type FindInstances = (args: FindInstancesArgs) => Promise<Page<InstanceSummary>>;
export type GetInstance = (id: string) => Promise<Instance | null>;
export type UpdateInstance = (instance: Instance, expectedVersion: number) => Promise<Instance>;
export type FindTasks = (args: FindTasksArgs) => Promise<Page<TaskView>>;
export type GetTask = (taskId: string) => Promise<TaskView | null>;
export type FindOverdueTasks = (args: FindOverdueTasksArgs) => Promise<Page<TaskView>>;
export type CampaignProgress = (
  campaignId: string,
  groupBy: ProgressDimension[],
  options?: CampaignProgressOptions,
) => Promise<ProgressRow[]>;

export type ClaimDueTimers = (args: ClaimDueTimersArgs) => Promise<ClaimedTimer[]>;
export type ReleaseTimerLease = (args: ReleaseTimerLeaseArgs) => Promise<boolean>;
export type NextTimerDueAt = () => Promise<string | null>;
export type FindMessageSubscriptions = (
  args: FindMessageSubscriptionsArgs,
) => Promise<Page<MessageSubscription>>;

export interface CreateSubmissionResult {
  created: boolean;
  submission: Submission;
}
export type CreateSubmission = (submission: Submission) => Promise<CreateSubmissionResult>;
export type GetSubmission = (id: string) => Promise<Submission | null>;
export type FindSubmissions = (args: FindSubmissionsArgs) => Promise<Page<Submission>>;

export interface PutFileResult {
  created: boolean;
  file: FileRecord;
}
export interface StoredFile {
  file: FileRecord;
  bytes: Uint8Array;
}
export type PutFile = (file: NewFile, bytes: Uint8Array) => Promise<PutFileResult>;
export type GetFile = (id: string) => Promise<StoredFile | null>;
export type GetFileRecord = (id: string) => Promise<FileRecord | null>;
export type FindFiles = (args: FindFilesArgs) => Promise<Page<FileRecord>>;

export type PutDraft = (draft: Draft) => Promise<void>;
export type GetDraft = (taskId: string) => Promise<Draft | null>;
export type DeleteDraft = (taskId: string) => Promise<boolean>;

export type AppendAudit = (event: AuditEvent) => Promise<void>;
export type FindAudit = (args: FindAuditArgs) => Promise<Page<AuditEvent>>;

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
  /** The schema migrations applied to this database, oldest first. */
  listMigrations: ListMigrations;
  /**
   * Optional capability: writes a consistent copy of the whole store to a file while the store stays in
   * use. SQLite has it (online backup API); for MongoDB use `mongodump` (see README).
   */
  backup?: Backup;

  // Organisation
  /** Creates or replaces an office (upsert by id). */
  putOffice: PutOffice;
  getOffice: GetOffice;
  /** Offices (all, or a subtree / one level), ordered by path: a parent comes before its children. */
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
  /** Users matching every given filter, ordered by id. */
  findUsers: FindUsers;
  /** Records a 回避 pair (upsert by inspectorId + schoolId). */
  putConflict: PutConflict;
  /** Removes a 回避 pair; false if there was none. */
  deleteConflict: DeleteConflict;
  /** The 回避 pairs of one inspector or one school, ordered by the other id. */
  findConflicts: FindConflicts;
  /** Whether this inspector must not inspect this school. */
  hasConflict: HasConflict;

  // Programs
  /** Inserts a new immutable version; an existing `${key}@${version}` is `STORE_ERR_DUPLICATE`. */
  createProgramVersion: CreateProgramVersion;
  getProgramVersion: GetProgramVersion;
  /** The highest active version of a program. */
  getLatestProgramVersion: GetLatestProgramVersion;
  /** Versions ordered by key, then version. */
  listProgramVersions: ListProgramVersions;
  /**
   * Retires or re-activates a version (the only change a published version allows) and returns it;
   * an unknown version is `STORE_ERR_NOT_FOUND`.
   */
  setProgramVersionStatus: SetProgramVersionStatus;

  // Campaigns
  /** Inserts a campaign; an existing id is `STORE_ERR_DUPLICATE`. */
  createCampaign: CreateCampaign;
  getCampaign: GetCampaign;
  /** Replaces a campaign (last write wins); a missing id is `STORE_ERR_NOT_FOUND`. */
  updateCampaign: UpdateCampaign;
  /** Campaigns newest first, optionally within an office subtree, of a status or of a program. */
  findCampaigns: FindCampaigns;

  // Instances
  /**
   * Idempotent create: if an instance with this id exists, nothing is written and `created` is false
   * (a retried launch never duplicates a school); the stored instance is returned.
   */
  createInstance: CreateInstance;
  /**
   * `createInstance` for many (a campaign launch): ids that exist are left as they were. Each instance
   * is written atomically; the batch as a whole is not (SQLite happens to write it in one
   * transaction). A retried batch is safe. All instances are validated before any is written.
   */
  createInstances: CreateInstances;
  getInstance: GetInstance;
  /** Instance summaries (no engine state), ordered by (createdAt, id). */
  findInstances: FindInstances;
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
  /** Open tasks due before `now`, ordered by (dueAt, id): the most overdue first. */
  findOverdueTasks: FindOverdueTasks;
  /**
   * Counts a campaign's instances grouped by the given dimensions (no dimensions: one row, the total).
   * Rows are ordered by the dimensions' values (missing values first). Answered from an index.
   */
  campaignProgress: CampaignProgress;

  // Timers and messages (embedded in the instance record, indexed for the scheduler)
  /**
   * Leases up to `limit` due timers (`dueAt <= now`) that nobody holds a live lease on, earliest first,
   * and returns them. Atomic per timer across processes: two schedulers never both get one timer
   * while its lease lasts; once `leaseMs` has passed the timer can be claimed again (the holder
   * crashed). The lease ends when an instance update removes or re-arms the timer at another time.
   */
  claimDueTimers: ClaimDueTimers;
  /** Gives a lease back early (firing failed and should be retried soon); false if not held by `owner`. */
  releaseTimerLease: ReleaseTimerLease;
  /** The earliest armed timer's due time, to know when to wake the scheduler; null if none. */
  nextTimerDueAt: NextTimerDueAt;
  /** Instances waiting for a message with this name and correlation key. */
  findMessageSubscriptions: FindMessageSubscriptions;

  // Submissions
  /** Idempotent create by id: an existing id is left as it was and returned with `created: false`. */
  createSubmission: CreateSubmission;
  getSubmission: GetSubmission;
  /** Submissions of an instance, task, campaign, school or form, ordered by (submittedAt, id). */
  findSubmissions: FindSubmissions;

  // Files (SQLite: a BLOB column; MongoDB: GridFS)
  /**
   * Stores a file's bytes with its SHA-256 and size. Idempotent by id: the same id with the same bytes
   * returns the stored record (`created: false`); the same id with other bytes is `STORE_ERR_DUPLICATE`.
   */
  putFile: PutFile;
  /** The record and the bytes, or null. */
  getFile: GetFile;
  /** The record without the bytes, or null. */
  getFileRecord: GetFileRecord;
  /** The files of one owner, ordered by (createdAt, id). */
  findFiles: FindFiles;

  // Drafts (one per task, last write wins)
  putDraft: PutDraft;
  getDraft: GetDraft;
  /** Removes the draft (after the task is submitted); false if there was none. */
  deleteDraft: DeleteDraft;

  // Audit (append-only: the contract has no method that changes or deletes an event)
  /** Appends an event; an existing id is `STORE_ERR_DUPLICATE`. */
  appendAudit: AppendAudit;
  /** Events newest first, filtered by actor, target, action and time range. */
  findAudit: FindAudit;
}
