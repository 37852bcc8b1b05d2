import { WorkflowRuntime } from '@ddt/engine';
import { createBuiltInHandlers, createHandlerRegistry, type LoadedPlugin } from '@ddt/plugins';
import type { Store } from '@ddt/store';
import { CampaignLauncher } from './campaigns/campaign-launcher.js';
import type { Services } from './plugins/services.js';
import { ProgramCatalog } from './programs/program-catalog.js';
import { TaskService } from './tasks/task-service.js';

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
