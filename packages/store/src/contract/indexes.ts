/**
 * Every index the store needs, declared once. Each adapter creates these at `init()`: MongoDB as they
 * stand (paths are document paths; `id` is stored as `_id`), SQLite by mapping each path to a column of
 * the table that holds it (instance sub-records live in side tables there, see `sqlite/tables.ts`).
 * Each entry names the query it serves, so an index nobody needs is easy to spot and drop.
 */

export type CollectionName =
  | 'offices'
  | 'districts'
  | 'schools'
  | 'users'
  | 'programVersions'
  | 'campaigns'
  | 'instances'
  | 'submissions'
  | 'auditEvents';

export interface IndexField {
  path: string;
  order: 1 | -1;
}

export interface IndexDeclaration {
  collection: CollectionName;
  /** Unique across all collections; adapters use it as the index name. */
  name: string;
  fields: readonly IndexField[];
  unique?: boolean;
  /** The operation (and filter) this index answers. */
  serves: string;
}

const asc = (...paths: string[]): IndexField[] => paths.map((path) => ({ path, order: 1 }));

export const INDEXES: readonly IndexDeclaration[] = [
  { collection: 'offices', name: 'offices_path', fields: asc('path'), serves: 'listOffices (by path)' },
  {
    collection: 'districts',
    name: 'districts_office',
    fields: asc('officeId', 'id'),
    serves: 'listDistricts',
  },
  {
    collection: 'schools',
    name: 'schools_office_path',
    fields: asc('officePath', 'id'),
    serves: 'findSchools { officePathPrefix }',
  },
  {
    collection: 'schools',
    name: 'schools_district',
    fields: asc('districtId', 'id'),
    serves: 'findSchools { districtId }',
  },
  {
    collection: 'schools',
    name: 'schools_inspector',
    fields: asc('inspectorId', 'id'),
    serves: 'findSchools { inspectorId }',
  },
  {
    collection: 'users',
    name: 'users_username',
    fields: asc('username'),
    unique: true,
    serves: 'getUserByUsername',
  },
  {
    collection: 'programVersions',
    name: 'program_versions_key_version',
    fields: asc('key', 'version'),
    unique: true,
    serves: 'getProgramVersion, getLatestProgramVersion, listProgramVersions',
  },
  {
    collection: 'instances',
    name: 'instances_progress',
    fields: asc('campaignId', 'status', 'districtId', 'schoolType', 'officePath'),
    serves: 'campaignProgress (covering: every dimension is in the index)',
  },
  {
    collection: 'instances',
    name: 'tasks_audience',
    fields: asc('tasks.audience', 'tasks.createdAt', 'tasks.id'),
    serves: 'findTasks { audience } — the inbox',
  },
  {
    collection: 'instances',
    name: 'tasks_school',
    fields: asc('schoolId', 'tasks.createdAt', 'tasks.id'),
    serves: 'findTasks { schoolId }',
  },
  {
    collection: 'instances',
    name: 'tasks_campaign',
    fields: asc('campaignId', 'tasks.createdAt', 'tasks.id'),
    serves: 'findTasks { campaignId }',
  },
  {
    collection: 'instances',
    name: 'tasks_created',
    fields: asc('tasks.createdAt', 'tasks.id'),
    serves: 'findTasks without filters',
  },
  {
    collection: 'submissions',
    name: 'submissions_instance',
    fields: asc('instanceId', 'submittedAt', 'id'),
    serves: 'submissions of an instance',
  },
  { collection: 'auditEvents', name: 'audit_at', fields: asc('at', 'id'), serves: 'audit by time' },
];
