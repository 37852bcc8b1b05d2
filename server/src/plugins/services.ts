import type { TimerScheduler, WorkflowRuntime } from '@ddt/engine';
import type { Store } from '@ddt/store';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditLog } from '../audit/audit-log.js';
import type { CampaignLauncher } from '../campaigns/campaign-launcher.js';
import type { CampaignMonitor } from '../campaigns/campaign-monitor.js';
import type { CampaignPlanner } from '../campaigns/campaign-planner.js';
import type { EvidenceFiles } from '../files/evidence-files.js';
import type { ImportService } from '../imports/import-service.js';
import type { NotificationService } from '../notifications/notification-service.js';
import type { ConflictRegister } from '../organisation/conflict-register.js';
import type { OfficeDirectory } from '../organisation/office-directory.js';
import type { SchoolDirectory } from '../organisation/school-directory.js';
import type { ProgramCatalog } from '../programs/program-catalog.js';
import type { ProgramDrafts } from '../programs/program-drafts.js';
import type { SchoolProfile } from '../results/school-profile.js';
import type { SubmissionReader } from '../results/submission-reader.js';
import type { Scopes } from '../scope/access-scope.js';
import type { TaskService } from '../tasks/task-service.js';
import type { UserDirectory } from '../users/user-directory.js';

/** Everything routes need, built once by the server entry (or a test) and shared through `app.services`. */
export interface Services {
  store: Store;
  runtime: WorkflowRuntime;
  /** Fires due timers and jobs; the server entry starts it after listening and stops it on shutdown. */
  scheduler: TimerScheduler;
  audit: AuditLog;
  scopes: Scopes;
  users: UserDirectory;
  offices: OfficeDirectory;
  schools: SchoolDirectory;
  conflicts: ConflictRegister;
  imports: ImportService;
  catalog: ProgramCatalog;
  drafts: ProgramDrafts;
  planner: CampaignPlanner;
  launcher: CampaignLauncher;
  monitor: CampaignMonitor;
  notifications: NotificationService;
  tasks: TaskService;
  files: EvidenceFiles;
  submissions: SubmissionReader;
  profiles: SchoolProfile;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export const services = fp(
  async (app: FastifyInstance, options: { services: Services }) => {
    app.decorate('services', options.services);
  },
  { name: 'services' },
);
