import { HandlerRegistry, WorkflowRuntime } from '@ddt/engine';
import { createBuiltInHandlers } from '@ddt/plugins';
import type { ProgramBundle } from '@ddt/program';
import {
  type Campaign,
  createSqliteStore,
  type ProgramVersion,
  type School,
  type SchoolType,
  type SqliteStore,
} from '@ddt/store';
import { type FlowRecorder, recordFlows } from './flow-recorder.js';
import { type OutcomePlan, withPlannedErrors } from './outcome-plan.js';

export interface WorldOptions {
  /** When the campaign is launched. Default 2026-03-02T01:00Z (a Monday, 09:00 in Beijing). */
  launchedAt?: Date;
  /**
   * Days from the launch to the campaign deadline; null for a campaign without deadline. Default 35: the
   * campaign then spans a month's end (monthly cycles turn once before the deadline and once after).
   */
  deadlineDays?: number | null;
  /** Schools of the first target type (a population for sampling). Default 8; one of every other type. */
  firstTypeSchools?: number;
  /** Launch parameters over the program's defaults. */
  params?: Record<string, unknown>;
}

const quietLogger = { info() {}, warn() {}, error() {} };

/**
 * The platform a simulation runs on: a temporary in-memory SQLite store with one county office, a
 * 责任区 and schools of the program's target types, the program published as version 1, one campaign
 * launched to all those schools, the real runtime with the built-in handlers (wrapped so the simulator
 * can have a handler raise a BPMN error on a chosen attempt), and a clock the simulator moves.
 */
export interface SimWorld {
  store: SqliteStore;
  runtime: WorkflowRuntime;
  clock: { now: number };
  /** When the campaign was launched: every instance's exploration starts there. */
  launchedAt: number;
  program: ProgramVersion;
  campaign: Campaign;
  schools: School[];
  params: Record<string, unknown>;
  plan: OutcomePlan;
  flows: FlowRecorder;
  /** Instance ids: the campaign-scope one (if the program has one), then one per school. */
  instanceIds: string[];
  close(): Promise<void>;
}

export async function createWorld(bundle: ProgramBundle, options: WorldOptions = {}): Promise<SimWorld> {
  const launchedAt = options.launchedAt ?? new Date('2026-03-02T01:00:00.000Z');
  const deadlineDays = options.deadlineDays === undefined ? 35 : options.deadlineDays;
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const clock = { now: launchedAt.getTime() };
  const now = () => new Date(clock.now);
  const manifest = bundle.manifest;
  const program: ProgramVersion = {
    id: `${manifest.key}@1`,
    key: manifest.key,
    version: 1,
    name: manifest.name,
    manifest: manifest as unknown as Record<string, unknown>,
    bpmn: bundle.bpmn,
    forms: bundle.forms,
    status: 'active',
    publishedAt: launchedAt.toISOString(),
    publishedBy: null,
  };
  const params = {
    ...Object.fromEntries(manifest.parameters.map((parameter) => [parameter.key, parameter.default])),
    ...options.params,
  };
  const types = manifest.targetSchoolTypes as SchoolType[];
  const schools: School[] = [];
  types.forEach((type, typeIndex) => {
    const count = typeIndex === 0 ? (options.firstTypeSchools ?? 8) : 1;
    for (let i = 1; i <= count; i++) {
      schools.push({
        id: `s-${type}-${i}`,
        name: `模拟${type}学校${i}`,
        type,
        ownership: 'public',
        officeId: 'o-sim',
        officePath: '/o-sim/',
        districtId: i % 2 === 0 ? 'd-sim-2' : 'd-sim-1',
        inspectorId: 'u-sim-inspector',
      });
    }
  });
  const campaign: Campaign = {
    id: 'sim-campaign',
    programKey: program.key,
    programVersion: 1,
    title: `${manifest.name}（模拟）`,
    officeId: 'o-sim',
    officePath: '/o-sim/',
    params,
    deadline:
      deadlineDays === null ? null : new Date(launchedAt.getTime() + deadlineDays * 86_400_000).toISOString(),
    status: 'active',
    targetCount: schools.length,
    createdBy: 'u-sim-admin',
    createdAt: launchedAt.toISOString(),
  };
  await store.putOffice({
    id: 'o-sim',
    name: '模拟县教育督导室',
    level: 'county',
    parentId: null,
    path: '/o-sim/',
  });
  await store.putDistrict({ id: 'd-sim-1', name: '第一责任区', officeId: 'o-sim' });
  await store.putDistrict({ id: 'd-sim-2', name: '第二责任区', officeId: 'o-sim' });
  for (const school of schools) await store.putSchool(school);
  await store.createProgramVersion(program);
  await store.createCampaign(campaign);

  const plan: OutcomePlan = { raise: null };
  const handlers = new HandlerRegistry(
    createBuiltInHandlers({ store, now }).map((handler) => withPlannedErrors(handler, plan)),
  );
  // Launch templates reproduce engine runs without running the engine; the simulator watches the engine.
  const runtime = new WorkflowRuntime({
    store,
    now,
    handlers,
    jobLogger: quietLogger,
    launchTemplates: false,
  });
  const flows = recordFlows(await runtime.definitionFor(program));

  const instanceIds: string[] = [];
  if ((await runtime.scopesOf(program)).includes('campaign')) {
    const { instance } = await runtime.startCampaignInstance({ program, campaign, params });
    instanceIds.push(instance.id);
  }
  // One school of each type first: later schools of the first type are explored only for what is left.
  const ordered = [...schools].sort(
    (a, b) => Number(a.id.endsWith('-1') === false) - Number(b.id.endsWith('-1') === false),
  );
  for (const school of ordered) {
    const { instance } = await runtime.startInstance({
      instanceId: `${campaign.id}:${school.id}`,
      program,
      campaign,
      school,
      params,
    });
    instanceIds.push(instance.id);
  }
  return {
    store,
    runtime,
    clock,
    launchedAt: launchedAt.getTime(),
    program,
    campaign,
    schools,
    params,
    plan,
    flows,
    instanceIds,
    close: () => store.close(),
  };
}
