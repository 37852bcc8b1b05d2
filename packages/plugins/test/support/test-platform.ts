import { type AnyTaskHandler, TimerScheduler, WorkflowRuntime } from '@ddt/engine';
import {
  createSqliteStore,
  type Instance,
  type ProgramVersion,
  type School,
  type SqliteStore,
} from '@ddt/store';
import { createBuiltInHandlers, createHandlerRegistry, type LoadedPlugin } from '../../src/index.js';
import { TestClock } from './test-clock.js';

export const school: School = {
  id: 's1',
  name: '测试小学',
  type: 'primary',
  ownership: 'public',
  officeId: 'o1',
  officePath: '/o1/',
  districtId: 'd1',
  inspectorId: 'u9',
};

export interface PlatformOptions {
  bpmn: string;
  plugins?: LoadedPlugin[];
  /** Replaces the built-ins (default: `createBuiltInHandlers` on this store and clock). */
  builtIns?: (store: SqliteStore, clock: TestClock) => AnyTaskHandler[];
  manifest?: Record<string, unknown>;
  forms?: ProgramVersion['forms'];
}

/**
 * What a server wires, in memory: a real SQLite store with one office, school, program version and
 * campaign; the handler registry (built-ins + plugins); the runtime and the scheduler on a test clock.
 */
export async function startPlatform(options: PlatformOptions) {
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const clock = new TestClock();
  const program: ProgramVersion = {
    id: 'test@1',
    key: 'test',
    version: 1,
    name: '测试项目',
    manifest: options.manifest ?? {},
    bpmn: options.bpmn,
    forms: options.forms ?? {},
    status: 'active',
    publishedAt: '2026-01-01T00:00:00.000Z',
    publishedBy: null,
  };
  await store.putOffice({ id: 'o1', name: '测试县督导室', level: 'county', parentId: null, path: '/o1/' });
  await store.putDistrict({ id: 'd1', name: '第一责任区', officeId: 'o1' });
  await store.putSchool(school);
  await store.createProgramVersion(program);
  const campaign = {
    id: 'c1',
    programKey: 'test',
    programVersion: 1,
    title: '测试批次',
    officeId: 'o1',
    officePath: '/o1/',
    params: {},
    deadline: null,
    status: 'active' as const,
    targetCount: 1,
    createdBy: 'u1',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  await store.createCampaign(campaign);

  const handlers = createHandlerRegistry({
    builtIns: options.builtIns
      ? options.builtIns(store, clock)
      : createBuiltInHandlers({ store, now: clock.now }),
    plugins: options.plugins ?? [],
  });
  const quiet = { info() {}, warn() {}, error() {} };
  const runtime = new WorkflowRuntime({ store, now: clock.now, handlers, jobLogger: quiet });
  const scheduler = new TimerScheduler({ store, runtime, now: clock.now });

  return {
    store,
    clock,
    program,
    handlers,
    runtime,
    scheduler,
    /** Starts the school's instance with these launch parameters (`params.*` in FEEL). */
    async launch(params: Record<string, unknown> = {}): Promise<string> {
      const { instance } = await runtime.startInstance({
        instanceId: 'c1:s1',
        program,
        campaign,
        school,
        params,
      });
      return instance.id;
    },
    async instance(id: string): Promise<Instance> {
      return (await store.getInstance(id))!;
    },
    /** Job state as the runtime keeps it (failures, last error). */
    async jobs(id: string) {
      const state = (await store.getInstance(id))?.state as {
        jobs: Record<
          string,
          { failures: number; lastError: string | null; dueAt: string | null; idempotencyKey: string }
        >;
      };
      return Object.values(state.jobs);
    },
    close: () => store.close(),
  };
}

export const openTasks = (instance: Instance) => instance.tasks.map((task) => task.elementId);
export const variablesOf = (instance: Instance) => JSON.stringify(instance.state);
