import type { CollectionName } from '../contract/indexes.js';

/**
 * How the contract's collections are laid out in SQLite. Each record is stored whole as JSON in `doc`;
 * the fields queries filter or sort on are copied into columns. An instance's open tasks, task audience
 * keys, timers and awaited messages live in side tables rewritten in the same transaction as the
 * instance row, so every query is an index lookup.
 *
 * `columns` maps a record path (as used in `contract/indexes.ts`) to a column. A declared index goes to
 * the first table of its collection that has a column for each of its paths.
 */
export interface SqliteTable {
  collection: CollectionName;
  table: string;
  /** The table's primary key; a declared index on exactly these columns is already there. */
  primaryKey: readonly string[];
  columns: Readonly<Record<string, string>>;
  /** Indexes only this layout needs (finding side rows by instance), not part of the contract. */
  ownIndexes?: readonly { name: string; columns: readonly string[] }[];
}

export const TABLES: readonly SqliteTable[] = [
  { collection: 'offices', table: 'offices', primaryKey: ['id'], columns: { id: 'id', path: 'path' } },
  {
    collection: 'districts',
    table: 'districts',
    primaryKey: ['id'],
    columns: { id: 'id', officeId: 'office_id' },
  },
  {
    collection: 'schools',
    table: 'schools',
    primaryKey: ['id'],
    columns: {
      id: 'id',
      officePath: 'office_path',
      districtId: 'district_id',
      type: 'type',
      ownership: 'ownership',
      inspectorId: 'inspector_id',
    },
  },
  {
    collection: 'users',
    table: 'users',
    primaryKey: ['id'],
    columns: { id: 'id', username: 'username', role: 'role', officeId: 'office_id', schoolId: 'school_id' },
  },
  {
    collection: 'conflicts',
    table: 'conflicts',
    primaryKey: ['inspector_id', 'school_id'],
    columns: { inspectorId: 'inspector_id', schoolId: 'school_id' },
  },
  {
    collection: 'programVersions',
    table: 'program_versions',
    primaryKey: ['id'],
    columns: { id: 'id', key: 'key', version: 'version', status: 'status' },
  },
  {
    collection: 'campaigns',
    table: 'campaigns',
    primaryKey: ['id'],
    columns: {
      id: 'id',
      officePath: 'office_path',
      status: 'status',
      programKey: 'program_key',
      createdAt: 'created_at',
    },
  },
  {
    collection: 'instances',
    table: 'instances',
    primaryKey: ['id'],
    columns: {
      id: 'id',
      campaignId: 'campaign_id',
      scope: 'scope',
      schoolId: 'school_id',
      officePath: 'office_path',
      districtId: 'district_id',
      schoolType: 'school_type',
      status: 'status',
      version: 'version',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  },
  {
    collection: 'instances',
    table: 'open_tasks',
    primaryKey: ['task_id'],
    columns: {
      'tasks.id': 'task_id',
      'tasks.createdAt': 'created_at',
      'tasks.dueAt': 'due_at',
      'tasks.assignee': 'assignee',
      campaignId: 'campaign_id',
      schoolId: 'school_id',
      districtId: 'district_id',
      officePath: 'office_path',
    },
    ownIndexes: [{ name: 'open_tasks_instance', columns: ['instance_id'] }],
  },
  {
    // The inbox: one row per (audience key, task), keyed as `tasks_audience` declares and carrying the
    // task view and the filter columns, so an inbox page is one range of this table.
    collection: 'instances',
    table: 'task_keys',
    primaryKey: ['key', 'created_at', 'task_id'],
    columns: { 'tasks.audience': 'key', 'tasks.createdAt': 'created_at', 'tasks.id': 'task_id' },
  },
  {
    collection: 'instances',
    table: 'task_groups',
    primaryKey: ['grp', 'created_at', 'task_id'],
    columns: { 'tasks.candidateGroups': 'grp', 'tasks.createdAt': 'created_at', 'tasks.id': 'task_id' },
  },
  {
    collection: 'instances',
    table: 'timers',
    primaryKey: ['instance_id', 'timer_id'],
    columns: { 'timers.id': 'timer_id', 'timers.dueAt': 'due_at' },
  },
  {
    collection: 'instances',
    table: 'awaited_messages',
    primaryKey: ['rowid'],
    columns: {
      id: 'instance_id',
      'messages.name': 'name',
      'messages.correlationKey': 'correlation_key',
      'messages.executionId': 'execution_id',
    },
    ownIndexes: [{ name: 'awaited_messages_instance', columns: ['instance_id'] }],
  },
  {
    collection: 'submissions',
    table: 'submissions',
    primaryKey: ['id'],
    columns: {
      id: 'id',
      taskId: 'task_id',
      instanceId: 'instance_id',
      campaignId: 'campaign_id',
      schoolId: 'school_id',
      formId: 'form_id',
      submittedAt: 'submitted_at',
    },
  },
  {
    collection: 'files',
    table: 'files',
    primaryKey: ['id'],
    columns: { id: 'id', owner: 'owner', createdAt: 'created_at' },
  },
  { collection: 'drafts', table: 'drafts', primaryKey: ['task_id'], columns: { taskId: 'task_id' } },
  {
    collection: 'auditEvents',
    table: 'audit_events',
    primaryKey: ['id'],
    columns: { id: 'id', at: 'at', actorId: 'actor_id', action: 'action', target: 'target' },
  },
];
