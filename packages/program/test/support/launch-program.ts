import { join } from 'node:path';
import { HandlerRegistry, TimerScheduler, WorkflowRuntime } from '@ddt/engine';
import { loadProgramFolder } from '@ddt/program';
import type { TaskHandler } from '@ddt/sdk';
import {
  type Campaign,
  createSqliteStore,
  type ProgramVersion,
  type School,
  type SchoolType,
  type SqliteStore,
} from '@ddt/store';
import { definitionsDir } from './program-folders.js';

export const LAUNCHED_AT = new Date('2026-03-02T01:00:00.000Z');
const quiet = { info() {}, warn() {}, error() {} };

export const schoolOf = (type: SchoolType): School => ({
  id: `s-${type}`,
  name: '城关第一学校',
  type,
  ownership: 'public',
  officeId: 'o1',
  officePath: '/o1/',
  districtId: 'd1',
  inspectorId: 'u-inspector',
});

export interface LaunchedProgram {
  store: SqliteStore;
  runtime: WorkflowRuntime;
  scheduler: TimerScheduler;
  clock: { now: Date };
  hasCampaignProcess: boolean;
  /** Completes the open task of `elementId` in the school instance with `output` as its submission. */
  complete(elementId: string, output: Record<string, unknown>): Promise<void>;
  schoolInstance(): ReturnType<SqliteStore['getInstance']>;
}

/**
 * Publishes a shipped program into a fresh in-memory SQLite store, launches it for one school (and the
 * campaign-scope process when there is one) on the real runtime, and fires timers already due.
 */
export async function launchProgram(
  folder: string,
  type: SchoolType,
  options: { params?: Record<string, unknown>; handlers?: TaskHandler[] } = {},
): Promise<LaunchedProgram> {
  const bundle = await loadProgramFolder(join(definitionsDir, folder));
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const program: ProgramVersion = {
    id: `${bundle.manifest.key}@1`,
    key: bundle.manifest.key,
    version: 1,
    name: bundle.manifest.name,
    manifest: bundle.manifest as unknown as Record<string, unknown>,
    bpmn: bundle.bpmn,
    forms: bundle.forms,
    status: 'active',
    publishedAt: LAUNCHED_AT.toISOString(),
    publishedBy: null,
  };
  const params = {
    ...Object.fromEntries(bundle.manifest.parameters.map((p) => [p.key, p.default])),
    ...options.params,
  };
  const campaign: Campaign = {
    id: 'c1',
    programKey: program.key,
    programVersion: 1,
    title: '2026年春季督导',
    officeId: 'o1',
    officePath: '/o1/',
    params,
    deadline: '2026-07-15T10:00:00.000Z',
    status: 'active',
    targetCount: 1,
    createdBy: 'u-admin',
    createdAt: LAUNCHED_AT.toISOString(),
  };
  const school = schoolOf(type);
  await store.putOffice({ id: 'o1', name: '城关县督导室', level: 'county', parentId: null, path: '/o1/' });
  await store.putDistrict({ id: 'd1', name: '第一责任区', officeId: 'o1' });
  await store.putSchool(school);
  await store.createProgramVersion(program);
  await store.createCampaign(campaign);
  const clock = { now: LAUNCHED_AT };
  const now = () => clock.now;
  const runtime = new WorkflowRuntime({
    store,
    now,
    jobLogger: quiet,
    handlers: new HandlerRegistry(options.handlers ?? []),
  });
  const scheduler = new TimerScheduler({ store, runtime, now, owner: 'program-tests' });
  await runtime.startInstance({ instanceId: 'c1:school', program, campaign, school, params });
  const hasCampaignProcess = (await runtime.scopesOf(program)).includes('campaign');
  if (hasCampaignProcess) await runtime.startCampaignInstance({ program, campaign, params });
  await scheduler.runDue();
  return {
    store,
    runtime,
    scheduler,
    clock,
    hasCampaignProcess,
    schoolInstance: () => store.getInstance('c1:school'),
    async complete(elementId, output) {
      const instance = await store.getInstance('c1:school');
      const task = instance?.tasks.find((t) => t.elementId === elementId);
      if (!task)
        throw new Error(`no open task ${elementId}: ${instance?.tasks.map((t) => t.elementId).join(', ')}`);
      await runtime.completeTask({ taskId: task.id, output, submissionId: null, completedBy: null });
      await scheduler.runDue();
    },
  };
}
