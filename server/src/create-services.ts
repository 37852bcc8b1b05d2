import { BulkLauncher, TimerScheduler, WorkflowRuntime } from '@ddt/engine';
import { createBuiltInHandlers, createHandlerRegistry, type LoadedPlugin } from '@ddt/plugins';
import type { Store } from '@ddt/store';
import { AuditLog } from './audit/audit-log.js';
import { CampaignLauncher } from './campaigns/campaign-launcher.js';
import { CampaignMonitor } from './campaigns/campaign-monitor.js';
import { CampaignPlanner } from './campaigns/campaign-planner.js';
import { EvidenceFiles } from './files/evidence-files.js';
import { ImportService } from './imports/import-service.js';
import { NotificationService } from './notifications/notification-service.js';
import { ConflictRegister } from './organisation/conflict-register.js';
import { OfficeDirectory } from './organisation/office-directory.js';
import { SchoolDirectory } from './organisation/school-directory.js';
import type { Services } from './plugins/services.js';
import { ProgramCatalog } from './programs/program-catalog.js';
import { ProgramDrafts } from './programs/program-drafts.js';
import { SchoolProfile } from './results/school-profile.js';
import { SubmissionReader } from './results/submission-reader.js';
import { Scopes } from './scope/access-scope.js';
import { SubmissionScorer } from './tasks/submission-scorer.js';
import { TaskService } from './tasks/task-service.js';
import { UserDirectory } from './users/user-directory.js';

/** Task-handler plugins (`loadPlugins`) and built-in handler settings; a bad one throws a PluginError. */
export interface HandlerSettings {
  plugins?: LoadedPlugin[];
  webhookEndpoints?: unknown;
}

/** Wires the application services on top of one store. */
export function createServices(
  store: Store,
  now: () => Date = () => new Date(),
  settings: HandlerSettings = {},
): Services {
  const handlers = createHandlerRegistry({
    builtIns: createBuiltInHandlers({ store, now, webhookEndpoints: settings.webhookEndpoints }),
    plugins: settings.plugins ?? [],
  });
  const runtime = new WorkflowRuntime({ store, now, handlers });
  const audit = new AuditLog(store, now);
  const scopes = new Scopes(store);
  const catalog = new ProgramCatalog(store, audit, now, () => handlers.types());
  const notifications = new NotificationService(store, audit);
  const schools = new SchoolDirectory(store, audit);
  const files = new EvidenceFiles(store, catalog, audit, now);
  const planner = new CampaignPlanner(store, now);
  return {
    store,
    runtime,
    scheduler: new TimerScheduler({ store, runtime, now }),
    audit,
    scopes,
    users: new UserDirectory(store, audit, now),
    offices: new OfficeDirectory(store, audit),
    schools,
    conflicts: new ConflictRegister(store, audit, now),
    imports: new ImportService(store, audit, now),
    catalog,
    drafts: new ProgramDrafts(store, catalog, audit, now),
    planner,
    launcher: new CampaignLauncher(store, planner, new BulkLauncher({ store, now }), audit, now),
    monitor: new CampaignMonitor(store, notifications, audit, now),
    notifications,
    tasks: new TaskService(
      store,
      runtime,
      catalog,
      scopes,
      files,
      new SubmissionScorer(store, catalog),
      audit,
      now,
    ),
    files,
    submissions: new SubmissionReader(store, audit),
    profiles: new SchoolProfile(store, schools, audit),
    now,
  };
}
