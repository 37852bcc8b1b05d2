import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { SchoolType as FormsSchoolType } from '@ddt/forms';
import type { Campaign, Instance, ProgramVersion, School, SchoolType } from '../src/index.js';
import { createSqliteStore } from '../src/index.js';

/**
 * Instance records exactly as the runtime writes them for the full 开学督导 program (definitions/kaixue,
 * school-scope process Process_KaixueSchool): schools of one campaign (program.json default parameters)
 * are launched and driven through the real `WorkflowRuntime` (in memory) with validated answers
 * (`engine/bench/kaixue-answers.ts`: the self-check with its score sheet, the county review, the
 * on-site check); the `sample.draw` job runs through the real `TimerScheduler` and built-in handler of
 * @ddt/plugins, as the server does. The records are then copied with other ids, schools and times.
 *
 * Stages are mixed like a campaign under way:
 *   45% wait at Task_SelfCheck (task audience `school:…`, the 自查逾期 boundary timer armed),
 *   20% at Task_CountyReview (the launching office's task, audience `office:…`),
 *   25% at Task_OnsiteCheck (drawn for 实地督查; the school's 责任督学, audience `user:…`),
 *   10% are completed: half not drawn (End_Passed), half after a passed on-site check (End_OnsitePassed).
 *
 * The engine and the handlers live in packages that depend on this one, so they are imported only
 * here, by the benchmark, and never by the store itself.
 */

const T0 = '2026-03-02T00:00:00.000Z';
const DAY = 86_400_000;
const BASE_TIME = Date.UTC(2025, 8, 1);
/** The kaixue target types (program.json `targetSchoolTypes`) the bench schools cycle through. */
const SCHOOL_TYPES: SchoolType[] = ['primary', 'junior', 'nine_year', 'complete_secondary', 'senior'];
/** Templates per stage and school type: a row takes one of its own school's type. */
const PER_TYPE = 2;
const TEMPLATES_PER_STAGE = PER_TYPE * SCHOOL_TYPES.length;
/**
 * Schools past the county review, per type: the sample (30%, stratified by type, in a campaign of
 * 5 × (2 × PER_TYPE + PAST_REVIEW_PER_TYPE) schools) has to reach PER_TYPE + 1 of them in every type.
 */
const PAST_REVIEW_PER_TYPE = 16;

export interface Layout {
  schools: number;
  campaigns: number;
}

type Stage = 'selfCheck' | 'countyReview' | 'onsiteCheck' | 'completed';
const STAGES: Stage[] = ['selfCheck', 'countyReview', 'onsiteCheck', 'completed'];
/** Where each stage waits and who sees the task (audience prefix); null: the instance has ended. */
const WAITS: Record<Stage, { elementId: string; audience: string } | null> = {
  selfCheck: { elementId: 'Task_SelfCheck', audience: 'school:' },
  countyReview: { elementId: 'Task_CountyReview', audience: 'office:' },
  onsiteCheck: { elementId: 'Task_OnsiteCheck', audience: 'user:' },
  completed: null,
};

interface Template {
  stage: Stage;
  schoolType: SchoolType;
  /** The template school's number, in its markers. */
  t: number;
  /** The record as JSON, with markers where ids, places and times go. */
  json: string;
}

/** Markers are fixed-width (`SCHOOL_T007`) so that none is a prefix of another. */
const marker = {
  campaign: 'CAMPAIGN_T',
  school: (t: number) => `SCHOOL_T${String(t).padStart(3, '0')}`,
  inspector: (t: number) => `INSPECTOR_T${String(t).padStart(3, '0')}`,
  district: 'DISTRICT_T',
  office: 'OFFICE_T',
};

const SCHOOL_NAMES = ['城关', '实验', '第一', '第二', '育才', '希望', '民族', '新区', '红星', '东风'];
const TYPE_NAMES: Record<string, string> = {
  primary: '小学',
  junior: '初级中学',
  nine_year: '九年一贯制学校',
  complete_secondary: '中学',
  senior: '高级中学',
};

async function launchTemplates(): Promise<Template[]> {
  const { loadProgramFolder } = await import('@ddt/program');
  const { TimerScheduler, WorkflowRuntime } = await import('@ddt/engine');
  const { createBuiltInHandlers, createHandlerRegistry } = await import('@ddt/plugins');
  const answers = await import('../../engine/bench/kaixue-answers.js');
  const folder = fileURLToPath(new URL('../../../definitions/kaixue/', import.meta.url));
  const bundle = await loadProgramFolder(folder);
  const kit = answers.loadKaixueForms();
  const program: ProgramVersion = {
    id: 'kaixue@1',
    key: 'kaixue',
    version: 1,
    name: bundle.manifest.name,
    manifest: bundle.manifest as unknown as Record<string, unknown>,
    bpmn: bundle.bpmn,
    forms: bundle.forms,
    status: 'active',
    publishedAt: T0,
    publishedBy: null,
  };
  const perType = 2 * PER_TYPE + PAST_REVIEW_PER_TYPE;
  const campaign: Campaign = {
    id: marker.campaign,
    programKey: 'kaixue',
    programVersion: 1,
    title: '2026年春季开学工作专项督导',
    officeId: marker.office,
    officePath: `/${marker.office}/`,
    params: answers.kaixueDefaultParams(),
    deadline: null,
    status: 'active',
    targetCount: perType * SCHOOL_TYPES.length,
    createdBy: 'u-admin',
    createdAt: T0,
  };
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  await store.createProgramVersion(program);
  await store.createCampaign(campaign);
  // The campaign's days: launched on T0, self-checks in on day 2, reviews (and the draw) on day 4,
  // on-site checks on day 6 — all before the 自查逾期 timers (P7D) fall due.
  let clock = Date.parse(T0);
  const now = () => new Date(clock);
  const handlers = createHandlerRegistry({ builtIns: createBuiltInHandlers({ store, now }), plugins: [] });
  const runtime = new WorkflowRuntime({ store, now, handlers });
  const scheduler = new TimerScheduler({ store, runtime, now });

  // School t: type SCHOOL_TYPES[t % 5]; schools 0–9 stay at the self-check, 10–19 at the county review,
  // the others are reviewed and drawn.
  const schools: School[] = [];
  for (let t = 0; t < perType * SCHOOL_TYPES.length; t++) {
    const type = SCHOOL_TYPES[t % SCHOOL_TYPES.length]!;
    const school: School = {
      id: marker.school(t),
      name: `${SCHOOL_NAMES[Math.floor(t / SCHOOL_TYPES.length) % SCHOOL_NAMES.length]}${TYPE_NAMES[type]}`,
      type,
      ownership: t % 9 === 0 ? 'private' : 'public',
      officeId: marker.office,
      officePath: `/${marker.office}/`,
      districtId: marker.district,
      inspectorId: marker.inspector(t),
    };
    await store.putSchool(school);
    await runtime.startInstance({
      instanceId: `${campaign.id}:${school.id}`,
      program,
      campaign,
      school,
      params: campaign.params,
    });
    schools.push(school);
  }
  const instanceOf = async (t: number) => (await store.getInstance(`${campaign.id}:${marker.school(t)}`))!;
  const complete = async (t: number, elementId: string, output: Record<string, unknown>, by: string) => {
    const task = (await instanceOf(t)).tasks.find((open) => open.elementId === elementId);
    if (!task) throw new Error(`${marker.school(t)} has no open ${elementId}`);
    return runtime.completeTask({
      taskId: task.id,
      output,
      submissionId: `sub-${t}-${elementId}`,
      completedBy: by,
    });
  };
  const selfChecks = new Map<number, Record<string, unknown>>();

  clock += 2 * DAY;
  for (let t = TEMPLATES_PER_STAGE; t < schools.length; t++) {
    const answer = answers.selfCheckAnswer(kit, t, schools[t]!.type as FormsSchoolType);
    selfChecks.set(t, answer);
    await complete(t, 'Task_SelfCheck', answer, `u-${marker.school(t)}`);
  }
  clock += 2 * DAY;
  for (let t = 2 * TEMPLATES_PER_STAGE; t < schools.length; t++)
    await complete(t, 'Task_CountyReview', answers.countyReviewAnswer(kit, 'pass'), 'u-admin');
  // The sample is drawn by the service task's job: the scheduler runs the due jobs with the handler.
  const pass = await scheduler.runDue();
  if (pass.outcomes.fired !== schools.length - 2 * TEMPLATES_PER_STAGE)
    throw new Error(`sample.draw: ${JSON.stringify(pass)}`);

  // Per type: PER_TYPE drawn schools stay at the on-site check; of the completed, PER_TYPE / 2 were not
  // drawn (End_Passed) and the others pass their on-site check (End_OnsitePassed).
  clock += 2 * DAY;
  const chosen: { t: number; stage: Stage }[] = [];
  for (let t = 0; t < 2 * TEMPLATES_PER_STAGE; t++)
    chosen.push({ t, stage: t < TEMPLATES_PER_STAGE ? 'selfCheck' : 'countyReview' });
  for (const [k, type] of SCHOOL_TYPES.entries()) {
    const drawn: number[] = [];
    const notDrawn: number[] = [];
    for (let t = 2 * TEMPLATES_PER_STAGE + k; t < schools.length; t += SCHOOL_TYPES.length) {
      const instance = await instanceOf(t);
      if (instance.tasks.some((task) => task.elementId === 'Task_OnsiteCheck')) drawn.push(t);
      else if (instance.status === 'completed') notDrawn.push(t);
      else throw new Error(`${instance.id} neither drawn nor completed: ${instance.status}`);
    }
    const onsiteDone = PER_TYPE - Math.floor(PER_TYPE / 2);
    if (drawn.length < PER_TYPE + onsiteDone || notDrawn.length < PER_TYPE - onsiteDone)
      throw new Error(`${type}: ${drawn.length} drawn, ${notDrawn.length} not; raise PAST_REVIEW_PER_TYPE`);
    for (const t of drawn.slice(0, PER_TYPE)) chosen.push({ t, stage: 'onsiteCheck' });
    for (const t of drawn.slice(PER_TYPE, PER_TYPE + onsiteDone)) {
      const answer = answers.onsiteCheckAnswer(kit, t, selfChecks.get(t)!, type as FormsSchoolType);
      await complete(t, 'Task_OnsiteCheck', answer, marker.inspector(t));
      chosen.push({ t, stage: 'completed' });
    }
    for (const t of notDrawn.slice(0, PER_TYPE - onsiteDone)) chosen.push({ t, stage: 'completed' });
  }

  const templates: Template[] = [];
  for (const stage of STAGES) {
    // Ordered by type, PER_TYPE each: template k of a stage has type SCHOOL_TYPES[k % 5].
    const ofStage = chosen.filter((c) => c.stage === stage);
    for (let k = 0; k < TEMPLATES_PER_STAGE; k++) {
      const type = SCHOOL_TYPES[k % SCHOOL_TYPES.length]!;
      const { t } = ofStage.filter((c) => schools[c.t]!.type === type)[Math.floor(k / SCHOOL_TYPES.length)]!;
      const instance = await instanceOf(t);
      const wait = WAITS[stage];
      const ok = wait
        ? instance.status === 'running' &&
          instance.tasks.length === 1 &&
          instance.tasks[0]!.elementId === wait.elementId &&
          instance.tasks[0]!.audience.length === 1 &&
          instance.tasks[0]!.audience[0]!.startsWith(wait.audience) &&
          instance.timers.length === (stage === 'selfCheck' ? 1 : 0)
        : instance.status === 'completed' && instance.tasks.length === 0 && instance.timers.length === 0;
      if (!ok) throw new Error(`template ${instance.id} is not at stage ${stage}`);
      templates.push({ stage, schoolType: type, t, json: JSON.stringify(instance) });
    }
  }
  await store.close();
  return templates;
}

let loaded: Template[] | null = null;

/** Launches the templates through the runtime; call once before `kaixueInstance`. */
export async function prepareKaixueInstances(): Promise<void> {
  loaded ??= await launchTemplates();
}

/**
 * A hash of the templates (and of the code that makes rows of them): part of the cached store's key,
 * so that a store built from other templates is not reused. Taken over their shape and text: the
 * engine's generated ids, message ids and wall-clock stamps differ from one launch to the next, so
 * hex ids and digits are left out.
 */
export function kaixueTemplatesHash(): string {
  if (!loaded) throw new Error('call prepareKaixueInstances() first');
  const hash = createHash('sha256');
  for (const template of loaded) {
    const shape = template.json
      .replace(/"messageId":"[^"]*"/g, '"messageId":""')
      .replace(/[0-9a-f]{10}/g, '')
      .replace(/\d+/g, '0');
    hash.update(`${template.stage}\n${template.schoolType}\n${template.t}\n${shape}\n`);
  }
  hash.update(kaixueInstance.toString());
  return hash.digest('hex').slice(0, 12);
}

/**
 * The n-th instance, id `i<n>`: campaign `k<n % campaigns>` (or `campaignOf(n)`), school `s<n % schools>`
 * (bench layouts put one school in a campaign several times, so ids do not follow `${campaign}:${school}`),
 * copied from a template of the school's type.
 */
export function kaixueInstance(
  n: number,
  layout: Layout,
  campaignOf = (i: number) => `k${i % layout.campaigns}`,
): Instance {
  if (!loaded) throw new Error('call prepareKaixueInstances() first');
  // A hash of n, so that every school has instances at every stage: 9 + 4 + 5 + 2 of 20.
  const roll = (Math.imul(n ^ (n >>> 15), 0x2c1b3c6d) >>> 0) % 20;
  const stage = roll < 9 ? 0 : roll < 13 ? 1 : roll < 18 ? 2 : 3;
  const school = n % layout.schools;
  const k = (school % SCHOOL_TYPES.length) + SCHOOL_TYPES.length * (n % PER_TYPE);
  const template = loaded[stage * TEMPLATES_PER_STAGE + k]!;
  const { t } = template;
  const createdAt = new Date(BASE_TIME + n * 1000);
  const shift = (iso: string) =>
    new Date(Date.parse(iso) - Date.parse(T0) + createdAt.getTime()).toISOString();
  let json = template.json
    .split(`${marker.campaign}:${marker.school(t)}`)
    .join(`i${n}`)
    .split(marker.campaign)
    .join(campaignOf(n))
    .split(marker.school(t))
    .join(`s${school}`)
    .split(marker.inspector(t))
    .join(`u-insp${school % 977}`)
    .split(marker.district)
    .join(`d${school % 977}`)
    .split(`/${marker.office}/`)
    .join(`/p1/m${school % 13}/c${school % 131}/`)
    .split(marker.office)
    .join(`c${school % 131}`);
  // Times: every timestamp of the template moves by the same amount (due dates keep their distance).
  json = json.replace(
    /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"/g,
    (_, iso: string) => `"${shift(iso)}"`,
  );
  const instance = JSON.parse(json) as Instance;
  instance.schoolType = SCHOOL_TYPES[school % SCHOOL_TYPES.length]!;
  return instance;
}
