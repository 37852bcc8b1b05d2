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
  | 'conflicts'
  | 'programVersions'
  | 'campaigns'
  | 'instances'
  | 'submissions'
  | 'files'
  | 'drafts'
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

function index(
  collection: CollectionName,
  name: string,
  paths: string[],
  serves: string,
  unique = false,
): IndexDeclaration {
  return unique
    ? { collection, name, fields: asc(...paths), serves, unique }
    : { collection, name, fields: asc(...paths), serves };
}

export const INDEXES: readonly IndexDeclaration[] = [
  index('offices', 'offices_path', ['path'], 'listOffices (subtree by path range, parent first)'),
  index('districts', 'districts_office', ['officeId', 'id'], 'listDistricts'),
  index('schools', 'schools_office_path', ['officePath', 'id'], 'findSchools { officePathPrefix }'),
  index('schools', 'schools_district', ['districtId', 'id'], 'findSchools { districtId }'),
  index('schools', 'schools_inspector', ['inspectorId', 'id'], 'findSchools { inspectorId }'),
  index('users', 'users_username', ['username'], 'getUserByUsername; usernames are unique', true),
  index('users', 'users_office', ['officeId', 'id'], 'findUsers { officeId }'),
  index('users', 'users_school', ['schoolId', 'id'], 'findUsers { schoolId }'),
  index('users', 'users_role', ['role', 'id'], 'findUsers { role }'),
  index(
    'conflicts',
    'conflicts_pair',
    ['inspectorId', 'schoolId'],
    'hasConflict, findConflicts { inspectorId }',
    true,
  ),
  index('conflicts', 'conflicts_school', ['schoolId', 'inspectorId'], 'findConflicts { schoolId }'),
  index(
    'programVersions',
    'program_versions_key_version',
    ['key', 'version'],
    'getProgramVersion, getLatestProgramVersion, listProgramVersions',
    true,
  ),
  index('campaigns', 'campaigns_created', ['createdAt', 'id'], 'findCampaigns (newest first)'),
  index(
    'campaigns',
    'campaigns_office',
    ['officePath', 'createdAt', 'id'],
    'findCampaigns { officePathPrefix }',
  ),
  index(
    'instances',
    'instances_progress',
    ['campaignId', 'scope', 'status', 'districtId', 'schoolType', 'officePath'],
    'campaignProgress (covering: every dimension is in the index)',
  ),
  index('instances', 'instances_campaign', ['campaignId', 'createdAt', 'id'], 'findInstances { campaignId }'),
  index(
    'instances',
    'instances_campaign_status',
    ['campaignId', 'status', 'createdAt', 'id'],
    'findInstances { campaignId, status }',
  ),
  index('instances', 'instances_school', ['schoolId', 'createdAt', 'id'], 'findInstances { schoolId }'),
  index('instances', 'tasks_id', ['tasks.id'], 'getTask'),
  index(
    'instances',
    'tasks_audience',
    ['tasks.audience', 'tasks.createdAt', 'tasks.id'],
    'findTasks { audience }: the inbox',
  ),
  index(
    'instances',
    'tasks_groups',
    ['tasks.candidateGroups', 'tasks.createdAt', 'tasks.id'],
    'findTasks { candidateGroup }',
  ),
  index('instances', 'tasks_created', ['tasks.createdAt', 'tasks.id'], 'findTasks without filters'),
  index('instances', 'tasks_school', ['schoolId', 'tasks.createdAt', 'tasks.id'], 'findTasks { schoolId }'),
  index(
    'instances',
    'tasks_campaign',
    ['campaignId', 'tasks.createdAt', 'tasks.id'],
    'findTasks { campaignId }',
  ),
  index(
    'instances',
    'tasks_assignee',
    ['tasks.assignee', 'tasks.createdAt', 'tasks.id'],
    'findTasks { assignee }',
  ),
  index('instances', 'tasks_due', ['tasks.dueAt', 'tasks.id'], 'findOverdueTasks; findTasks { dueBefore }'),
  index(
    'instances',
    'tasks_campaign_due',
    ['campaignId', 'tasks.dueAt', 'tasks.id'],
    'findOverdueTasks { campaignId }',
  ),
  index(
    'instances',
    'tasks_district_due',
    ['districtId', 'tasks.dueAt', 'tasks.id'],
    'findOverdueTasks { districtId }',
  ),
  index(
    'instances',
    'tasks_office_due',
    ['officePath', 'tasks.dueAt', 'tasks.id'],
    'findOverdueTasks { officePathPrefix }',
  ),
  index('instances', 'timers_due', ['timers.dueAt'], 'claimDueTimers, nextTimerDueAt'),
  index(
    'instances',
    'messages_subscription',
    ['messages.name', 'messages.correlationKey', 'id', 'messages.executionId'],
    'findMessageSubscriptions',
  ),
  index(
    'submissions',
    'submissions_instance',
    ['instanceId', 'submittedAt', 'id'],
    'findSubmissions { instanceId }',
  ),
  index('submissions', 'submissions_task', ['taskId', 'submittedAt', 'id'], 'findSubmissions { taskId }'),
  index(
    'submissions',
    'submissions_campaign',
    ['campaignId', 'submittedAt', 'id'],
    'findSubmissions { campaignId }',
  ),
  index(
    'submissions',
    'submissions_school',
    ['schoolId', 'submittedAt', 'id'],
    'findSubmissions { schoolId }',
  ),
  index('files', 'files_owner', ['owner', 'createdAt', 'id'], 'findFiles { owner }'),
  index('auditEvents', 'audit_at', ['at', 'id'], 'findAudit (newest first)'),
  index('auditEvents', 'audit_actor', ['actorId', 'at', 'id'], 'findAudit { actorId }'),
  index('auditEvents', 'audit_target', ['target', 'at', 'id'], 'findAudit { target }'),
  index('auditEvents', 'audit_action', ['action', 'at', 'id'], 'findAudit { action }'),
];
