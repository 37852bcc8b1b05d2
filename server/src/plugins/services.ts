import type { WorkflowRuntime } from '@ddt/engine';
import type { Store } from '@ddt/store';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { CampaignLauncher } from '../campaigns/campaign-launcher.js';
import type { ProgramCatalog } from '../programs/program-catalog.js';
import type { TaskService } from '../tasks/task-service.js';

/** Everything routes need, built once by the server entry (or a test) and shared through `app.services`. */
export interface Services {
  store: Store;
  runtime: WorkflowRuntime;
  catalog: ProgramCatalog;
  launcher: CampaignLauncher;
  tasks: TaskService;
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
