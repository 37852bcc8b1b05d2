import type {
  AuditEvent,
  Campaign,
  Conflict,
  District,
  Draft,
  FileRecord,
  Instance,
  Office,
  ProgramVersion,
  School,
  Submission,
  User,
} from '../contract/records.js';
import { codec } from './codec.js';

/** One codec per collection: which field is `_id` and which payloads are opaque JSON. */
export const CODECS = {
  offices: codec<Office>({ id: (r) => r.id, idField: 'id' }),
  districts: codec<District>({ id: (r) => r.id, idField: 'id' }),
  schools: codec<School>({ id: (r) => r.id, idField: 'id' }),
  users: codec<User>({ id: (r) => r.id, idField: 'id' }),
  conflicts: codec<Conflict>({ id: (r) => conflictId(r.inspectorId, r.schoolId) }),
  programVersions: codec<ProgramVersion>({ id: (r) => r.id, idField: 'id', opaque: ['manifest', 'forms'] }),
  campaigns: codec<Campaign>({ id: (r) => r.id, idField: 'id', opaque: ['params'] }),
  instances: codec<Instance>({ id: (r) => r.id, idField: 'id', opaque: ['state'] }),
  submissions: codec<Submission>({ id: (r) => r.id, idField: 'id', opaque: ['data', 'score'] }),
  files: codec<FileRecord>({ id: (r) => r.id, idField: 'id' }),
  drafts: codec<Draft>({ id: (r) => r.taskId, opaque: ['data'] }),
  auditEvents: codec<AuditEvent>({ id: (r) => r.id, idField: 'id', opaque: ['detail'] }),
};

/** A 回避 pair's `_id`: both ids, unambiguous whatever characters they hold. */
export function conflictId(inspectorId: string, schoolId: string): string {
  return JSON.stringify([inspectorId, schoolId]);
}
