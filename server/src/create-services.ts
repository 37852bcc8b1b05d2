import { WorkflowRuntime } from '@ddt/engine';
import type { Store } from '@ddt/store';
import { CampaignLauncher } from './campaigns/campaign-launcher.js';
import type { Services } from './plugins/services.js';
import { ProgramCatalog } from './programs/program-catalog.js';
import { TaskService } from './tasks/task-service.js';

/** Wires the application services on top of one store. */
export function createServices(store: Store, now: () => Date = () => new Date()): Services {
  const runtime = new WorkflowRuntime({ store, now });
  const catalog = new ProgramCatalog(store, now);
  return {
    store,
    runtime,
    catalog,
    launcher: new CampaignLauncher(store, runtime, now),
    tasks: new TaskService(store, runtime, catalog, now),
    now,
  };
}
