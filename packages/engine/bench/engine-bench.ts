/**
 * `npm run bench:engine` — the full 开学督导 program (definitions/kaixue) on our runtime with the SQLite
 * store, beside bare bpmn-engine doing the same work in memory on one thread, measured in the same run.
 * Prints figures; it is not a test. Each measurement runs in its own child process so that its peak RSS
 * is its own. Options: --runs 3 --sizes 10000,50000 --completions 10000 --concurrency 32 --sync FULL
 * --baseline 2000.
 *
 * Launch: BulkLauncher runs the school-scope process (Process_KaixueSchool) once per school to its first
 * wait — Task_SelfCheck with its non-interrupting 自查逾期 boundary timer armed as a stored timer row —
 * and writes the records; then it starts the program's one campaign-scope instance (Process_KaixueCounty,
 * waiting for its 督导截止 timer). The time includes that instance; the rate counts schools only.
 *
 * Completion: the school's self-check (Task_SelfCheck), with what the server passes to `completeTask`:
 * cleaned form data and score sheet (`kaixue-answers.ts`, validated and scored once, outside the
 * timing). The instance moves to Task_CountyReview (the office's task, with its due date); every result
 * is checked. They run on one thread with `--concurrency` in flight, as a server answers many schools
 * submitting at once; the SQLite store commits the writes of one event-loop turn together (group
 * commit), and the figure says how many completions shared a commit. One at a time is measured too.
 *
 * The baseline (see `baselineDescription`) is bare bpmn-engine on the same BPMN with a FEEL resolver.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SchoolType as ScoredSchoolType } from '@ddt/forms';
import { loadProgramFolder } from '@ddt/program';
import {
  type Campaign,
  createSqliteStore,
  type ProgramVersion,
  type School,
  type SchoolType,
  type SqliteStore,
} from '@ddt/store';
import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import { evaluate, FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import Serializer, { TypeResolver } from 'moddle-context-serializer';
import { BulkLauncher, WorkflowRuntime } from '../src/index.js';
import { kaixueDefaultParams, loadKaixueForms, selfCheckAnswer } from './kaixue-answers.js';

const kaixueFolder = fileURLToPath(new URL('../../../definitions/kaixue/', import.meta.url));
const zeebe = createRequire(import.meta.url)('zeebe-bpmn-moddle/resources/zeebe.json') as Record<
  string,
  unknown
>;
const silent = () => ({ debug() {}, error() {}, warn() {} });

const SCHOOL_PROCESS = 'Process_KaixueSchool';
const COUNTY_PROCESS = 'Process_KaixueCounty';
const SCHOOL_TYPES: SchoolType[] = ['primary', 'junior', 'nine_year', 'complete_secondary', 'senior'];
/**
 * Distinct answers the completions cycle through (each validated and scored once); a multiple of the
 * number of school types, so school i gets an answer scored for its own type.
 */
const ANSWER_VARIANTS = 60;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '10000,50000' },
    completions: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '32' },
    baseline: { type: 'string', default: '2000' },
    from: { type: 'string', default: '0' },
    sync: { type: 'string', default: 'FULL' },
    child: { type: 'string' },
    db: { type: 'string' },
    count: { type: 'string' },
    templates: { type: 'string', default: 'on' },
    campaign: { type: 'string' },
  },
});

interface Figure {
  rate: number;
  maxRssMb: number;
  /** Completions: writes acknowledged per commit (fsync). */
  perCommit?: number;
}

// ---------------------------------------------------------------- the program and its schools

function schoolOf(i: number, campaignId: string): School {
  return {
    id: `${campaignId}-${i}`,
    name: `第${i + 1}${['小学', '初级中学', '九年一贯制学校', '中学', '高级中学'][i % 5]}`,
    type: SCHOOL_TYPES[i % SCHOOL_TYPES.length]!,
    ownership: i % 9 === 0 ? 'private' : 'public',
    officeId: 'o1',
    officePath: '/o1/',
    districtId: `d${i % 20}`,
    inspectorId: `inspector-${i % 300}`,
  };
}

async function kaixueProgram(): Promise<ProgramVersion> {
  const bundle = await loadProgramFolder(kaixueFolder);
  return {
    id: 'kaixue@1',
    key: 'kaixue',
    version: 1,
    name: bundle.manifest.name,
    manifest: bundle.manifest as unknown as Record<string, unknown>,
    bpmn: bundle.bpmn,
    forms: bundle.forms,
    status: 'active',
    publishedAt: new Date().toISOString(),
    publishedBy: null,
  };
}

function campaignOf(id: string): Campaign {
  return {
    id,
    programKey: 'kaixue',
    programVersion: 1,
    title: '2026年春季开学工作专项督导（基准）',
    officeId: 'o1',
    officePath: '/o1/',
    params: kaixueDefaultParams(),
    deadline: null,
    status: 'active',
    targetCount: 0,
    createdBy: 'u1',
    createdAt: new Date().toISOString(),
  };
}

async function openStore(path: string): Promise<SqliteStore> {
  const store = createSqliteStore({ path, synchronous: options.sync === 'NORMAL' ? 'NORMAL' : 'FULL' });
  await store.init();
  return store;
}

function report(figure: Figure): void {
  console.log(JSON.stringify(figure));
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

// ---------------------------------------------------------------- ours (child processes)

async function childLaunch(): Promise<void> {
  const store = await openStore(options.db!);
  const program = await kaixueProgram();
  await store.createProgramVersion(program);
  const campaign = campaignOf(options.campaign!);
  await store.createCampaign(campaign);
  const count = Number(options.count);
  const schools = Array.from({ length: count }, (_, i) => schoolOf(i, campaign.id));
  const started = performance.now();
  const result = await new BulkLauncher({
    store,
    workers: availableParallelism(),
    launchTemplates: options.templates === 'on',
  }).launch({ program, campaign, schools, params: campaign.params });
  const seconds = (performance.now() - started) / 1000;
  if (result.created !== count) throw new Error(`created ${result.created} of ${count}`);
  if (!result.campaignInstance?.created) throw new Error('the campaign-scope instance was not created');
  // Spot checks, outside the timing: where the instances wait.
  const first = await store.getInstance(`${campaign.id}:${schools[0]!.id}`);
  const last = await store.getInstance(`${campaign.id}:${schools[count - 1]!.id}`);
  for (const instance of [first, last]) {
    if (instance?.tasks[0]?.elementId !== 'Task_SelfCheck' || instance.timers.length !== 1)
      throw new Error(`school instance not waiting at Task_SelfCheck with its timer: ${instance?.id}`);
  }
  const county = await store.getInstance(result.campaignInstance.id);
  if (county?.timers.length !== 1) throw new Error('campaign instance not waiting for its timer');
  await store.close();
  report({ rate: count / seconds, maxRssMb: maxRssMb() });
}

async function childComplete(): Promise<void> {
  const store = await openStore(options.db!);
  const runtime = new WorkflowRuntime({ store, launchTemplates: options.templates === 'on' });
  const count = Number(options.count);
  const from = Number(options.from);
  const kit = loadKaixueForms();
  const answers = Array.from({ length: ANSWER_VARIANTS }, (_, n) =>
    selfCheckAnswer(kit, n, SCHOOL_TYPES[n % SCHOOL_TYPES.length] as ScoredSchoolType),
  );
  const work: { taskId: string; school: string; output: Record<string, unknown> }[] = [];
  for (let i = from; i < from + count; i++) {
    const school = schoolOf(i, options.campaign!);
    const instance = await store.getInstance(`${options.campaign}:${school.id}`);
    const task = instance!.tasks[0]!;
    if (task.elementId !== 'Task_SelfCheck') throw new Error(`${instance!.id} waits at ${task.elementId}`);
    work.push({ taskId: task.id, school: school.id, output: answers[i % ANSWER_VARIANTS]! });
  }
  const before = store.writeStats();
  const started = performance.now();
  let next = 0;
  let wrong = 0;
  // `concurrency` schools submitting at once: each takes the next task when its last one is done.
  await Promise.all(
    Array.from({ length: Number(options.concurrency) }, async () => {
      while (next < work.length) {
        const { taskId, school, output } = work[next++]!;
        const after = await runtime.completeTask({
          taskId,
          output,
          submissionId: `sub-${taskId}`,
          completedBy: `u-${school}`,
        });
        if (after.tasks.length !== 1 || after.tasks[0]!.elementId !== 'Task_CountyReview') wrong += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = store.writeStats();
  await store.close();
  if (wrong > 0) throw new Error(`${wrong} completions did not move on to Task_CountyReview`);
  report({
    rate: count / seconds,
    maxRssMb: maxRssMb(),
    perCommit: (after.writes - before.writes) / (after.commits - before.commits),
  });
}

// ---------------------------------------------------------------- the baseline: bare bpmn-engine

type BareMode = 'school-xml' | 'school' | 'whole';

const baselineDescription = [
  'Baseline: bare bpmn-engine 25 (Engine.execute / recover + resume + signal), one thread, in memory, no',
  'persistence, on the same process.bpmn, with a FEEL resolver as in bpmn-engine-notes §3: `expressions`',
  'evaluates every value starting with `=` with feelin `evaluate()` (parsed each time) against the process',
  'variables (FEEL dates/durations as ISO strings); others go to the default resolver. Timer values and',
  'gateway conditions of this program are FEEL. Zeebe extensions (dueDate, assignment, ioMapping) are not',
  'evaluated: bare bpmn-engine does not read them (our runtime does).',
  'Bare Engine.execute() starts every executable process of the file. Our runtime runs only the process of',
  "the instance's scope, so the headline baseline runs the school process alone: Process_KaixueCounty is",
  'marked isExecutable="false" in its copy of the XML (the only change). "whole file" runs both processes',
  '(the county timer evaluates to 30 days out and is not armed: over 24.8 days), for reference only.',
  'Launch = new Engine + execute(variables) + check it waits at Task_SelfCheck; the boundary timer (P7D) is',
  'a real setTimeout, so each engine is stop()ped when timers are armed, then dropped (no getState).',
  'Complete = new Engine + recover(state taken after launch, source stripped) + resume (re-arms the timer)',
  '+ signal Task_SelfCheck with the same answers as ours + check it waits at Task_CountyReview (the timer is',
  'discarded; stop() only if one is still armed). Cached sourceContext and no-op Logger unless "XML".',
];

/** The program's XML with every process but the school process not executable. */
function schoolOnly(bpmn: string): string {
  const pattern = new RegExp(`(<bpmn:process id="${COUNTY_PROCESS}"[^>]*isExecutable=")true"`);
  if (!pattern.test(bpmn)) throw new Error(`${COUNTY_PROCESS} not found as an executable process`);
  return bpmn.replace(pattern, '$1false"');
}

const defaultExpressions = (new (Elements.Environment as unknown as new () => { expressions: unknown })()
  .expressions ?? {}) as {
  resolveExpression(expression: unknown, context: unknown, fnContext?: unknown): unknown;
  isExpression(text: unknown): boolean;
  hasExpression(text: unknown): boolean;
};
const isFeelText = (text: unknown): text is string => typeof text === 'string' && text.startsWith('=');
const feelValue = (value: unknown): unknown =>
  value instanceof FeelDateTime ||
  value instanceof FeelDate ||
  value instanceof FeelTime ||
  value instanceof FeelDuration
    ? String(value)
    : value;
const bareFeelExpressions = {
  resolveExpression(
    expression: unknown,
    context: { environment?: { variables?: object }; content?: unknown },
    fn?: unknown,
  ) {
    if (!isFeelText(expression)) return defaultExpressions.resolveExpression(expression, context, fn);
    const variables = { ...context.environment?.variables, content: context.content };
    return feelValue(evaluate(expression.slice(1), variables).value);
  },
  isExpression: (text: unknown) => isFeelText(text) || defaultExpressions.isExpression(text),
  hasExpression: (text: unknown) => isFeelText(text) || defaultExpressions.hasExpression(text),
};

/** The variables our runtime starts a school instance with (`launchVariables`). */
function bareVariables(i: number, campaign: Campaign): Record<string, unknown> {
  const school = schoolOf(i, campaign.id);
  return {
    school: {
      id: school.id,
      name: school.name,
      type: school.type,
      ownership: school.ownership,
      districtId: school.districtId,
      officeId: school.officeId,
      inspectorId: school.inspectorId,
    },
    campaign: {
      id: campaign.id,
      title: campaign.title,
      deadline: campaign.deadline,
      officeId: campaign.officeId,
    },
    params: campaign.params,
  };
}

interface BareEngine {
  execute(options: { variables: Record<string, unknown> }): Promise<BareExecution>;
  recover(state: unknown): BareEngine;
  resume(): Promise<BareExecution>;
  getState(): Promise<{ definitions: { source?: unknown }[] }>;
  stop(): void;
  environment: { timers: { executing: unknown[] } };
}
interface BareExecution {
  getPostponed(): { id: string }[];
  signal(message: Record<string, unknown>): void;
}

async function childBaseline(mode: BareMode, complete: boolean): Promise<void> {
  const program = await kaixueProgram();
  const campaign = campaignOf('cbare');
  const count = Number(options.count);
  const xml = mode === 'whole' ? program.bpmn : schoolOnly(program.bpmn);
  const sourceContext = Serializer(await new BpmnModdle({ zeebe }).fromXML(xml), TypeResolver(Elements));
  const newEngine = (): BareEngine =>
    (mode === 'school-xml'
      ? new Engine({
          source: xml,
          moddleOptions: { zeebe },
          Logger: silent,
          expressions: bareFeelExpressions,
        } as never)
      : new Engine({
          sourceContext,
          Logger: silent,
          expressions: bareFeelExpressions,
        } as never)) as unknown as BareEngine;
  const stopIfArmed = (engine: BareEngine) => {
    if (engine.environment.timers.executing.length > 0) engine.stop();
  };
  const launch = async (i: number, keepState: boolean) => {
    const engine = newEngine();
    const execution = await engine.execute({ variables: bareVariables(i, campaign) });
    if (!execution.getPostponed().some((api) => api.id === 'Task_SelfCheck'))
      throw new Error('bare engine not waiting at Task_SelfCheck');
    let state: unknown = null;
    if (keepState) {
      const full = await engine.getState();
      for (const definition of full.definitions) delete definition.source;
      state = full;
    }
    stopIfArmed(engine);
    return state;
  };
  const warmUp = 200;
  if (!complete) {
    for (let i = 0; i < warmUp; i++) await launch(i, false);
    const started = performance.now();
    for (let i = 0; i < count; i++) await launch(warmUp + i, false);
    report({ rate: count / ((performance.now() - started) / 1000), maxRssMb: maxRssMb() });
    return;
  }
  const kit = loadKaixueForms();
  const answers = Array.from({ length: ANSWER_VARIANTS }, (_, n) =>
    selfCheckAnswer(kit, n, SCHOOL_TYPES[n % SCHOOL_TYPES.length] as ScoredSchoolType),
  );
  const states: unknown[] = [];
  for (let i = 0; i < warmUp + count; i++) states.push(await launch(i, true));
  const completeOne = async (state: unknown, i: number) => {
    const engine = newEngine().recover(state);
    const execution = await engine.resume();
    execution.signal({ id: 'Task_SelfCheck', ...answers[i % ANSWER_VARIANTS] });
    if (
      execution
        .getPostponed()
        .map((api) => api.id)
        .join() !== 'Task_CountyReview'
    )
      throw new Error('bare engine not waiting at Task_CountyReview');
    stopIfArmed(engine);
  };
  for (let i = 0; i < warmUp; i++) await completeOne(states[i], i);
  const started = performance.now();
  for (let i = warmUp; i < warmUp + count; i++) await completeOne(states[i], i);
  report({ rate: count / ((performance.now() - started) / 1000), maxRssMb: maxRssMb() });
}

// ---------------------------------------------------------------- parent: runs and prints

function measure(args: string[]): Figure {
  const output = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=source',
      fileURLToPath(import.meta.url),
      ...args,
      '--sync',
      options.sync!,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 },
  );
  const line = output.trim().split('\n').pop()!;
  return JSON.parse(line) as Figure;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const BARE_LAUNCH = 'bare bpmn-engine: launch, school process (cached sourceContext)';
const BARE_LAUNCH_XML = 'bare bpmn-engine: launch, school process (XML parsed per instance)';
const BARE_LAUNCH_WHOLE = 'bare bpmn-engine: launch, whole file = both processes (cached sourceContext)';
const BARE_COMPLETE = 'bare bpmn-engine: complete self-check (recover, resume, signal)';

async function parent(): Promise<void> {
  const runs = Number(options.runs);
  const sizes = options.sizes!.split(',').map(Number);
  const completions = Number(options.completions);
  const concurrency = Number(options.concurrency);
  const baselineCount = Number(options.baseline);
  const xmlCount = Math.max(100, Math.round(baselineCount / 4));
  console.log('督导通 engine benchmark — 开学督导 (definitions/kaixue, the full program)');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; store: SQLite file (WAL), synchronous=${options.sync}`,
  );
  console.log(
    `runs: ${runs} (medians below); bulk launch on ${availableParallelism()} worker threads; campaign params: program.json defaults`,
  );
  console.log(
    `Ours, launch N: N school-scope instances of ${SCHOOL_PROCESS} run to Task_SelfCheck (+ its 自查逾期 timer row) and`,
  );
  console.log(
    `  written, then the one campaign-scope instance (${COUNTY_PROCESS}, waiting for its timer): its time is included, the rate counts schools.`,
  );
  console.log(
    `Ours, complete: Task_SelfCheck with cleaned form data + score sheet (~7 KB of variables, ${ANSWER_VARIANTS} variants) → Task_CountyReview.`,
  );
  for (const line of baselineDescription) console.log(line);
  console.log(
    `Baseline sizes: ${baselineCount} instances after 200 warm-up (${xmlCount} for the XML variant), in one child process each.`,
  );
  const rows = new Map<string, Figure[]>();
  const add = (name: string, figure: Figure) => rows.set(name, [...(rows.get(name) ?? []), figure]);
  const launchName = (size: number) => `ours: launch ${size} schools persisted (+1 campaign instance)`;
  const completeName = `ours: complete ${completions} self-checks persisted (one thread, ${concurrency} in flight)`;
  const oneName = 'ours: complete 2000 self-checks persisted (one thread, one at a time)';
  const first = sizes[0]!;
  const offLaunchName = `ours: launch ${first} persisted, templates off`;
  const offCompleteName = `ours: complete 2000 self-checks persisted, templates off (${concurrency} in flight)`;

  for (let run = 1; run <= runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'ddt-bench-'));
    try {
      add(BARE_LAUNCH_XML, measure(['--child', 'bare-launch-school-xml', '--count', String(xmlCount)]));
      add(BARE_LAUNCH, measure(['--child', 'bare-launch-school', '--count', String(baselineCount)]));
      add(BARE_LAUNCH_WHOLE, measure(['--child', 'bare-launch-whole', '--count', String(baselineCount)]));
      add(BARE_COMPLETE, measure(['--child', 'bare-complete', '--count', String(baselineCount)]));
      for (const size of sizes) {
        const db = join(dir, `launch-${size}.sqlite`);
        add(
          launchName(size),
          measure(['--child', 'launch', '--db', db, '--campaign', `c${size}`, '--count', String(size)]),
        );
      }
      const offDb = join(dir, 'launch-off.sqlite');
      add(
        offLaunchName,
        measure([
          '--child',
          'launch',
          '--db',
          offDb,
          '--campaign',
          'coff',
          '--count',
          String(first),
          '--templates',
          'off',
        ]),
      );
      // Instances to complete: launched here, not measured.
      const completeDb = join(dir, 'complete.sqlite');
      measure([
        '--child',
        'launch',
        '--db',
        completeDb,
        '--campaign',
        'cdone',
        '--count',
        String(completions + 2000),
      ]);
      add(
        completeName,
        measure([
          '--child',
          'complete',
          '--db',
          completeDb,
          '--campaign',
          'cdone',
          '--count',
          String(completions),
          '--concurrency',
          String(concurrency),
        ]),
      );
      add(
        oneName,
        measure([
          '--child',
          'complete',
          '--db',
          completeDb,
          '--campaign',
          'cdone',
          '--from',
          String(completions),
          '--count',
          '2000',
          '--concurrency',
          '1',
        ]),
      );
      add(
        offCompleteName,
        measure([
          '--child',
          'complete',
          '--db',
          offDb,
          '--campaign',
          'coff',
          '--count',
          String(Math.min(2000, first)),
          '--templates',
          'off',
          '--concurrency',
          String(concurrency),
        ]),
      );
      console.log(`run ${run}/${runs} done`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  console.log('');
  console.log('| measurement | per second (median) | runs | peak RSS MiB (median) | writes per commit |');
  console.log('| --- | ---: | --- | ---: | ---: |');
  for (const [name, figures] of rows) {
    const rates = figures.map((figure) => figure.rate);
    const perCommit = figures.flatMap((f) => (f.perCommit === undefined ? [] : [f.perCommit]));
    console.log(
      `| ${name} | ${median(rates).toFixed(0)} | ${rates.map((rate) => rate.toFixed(0)).join(' / ')} | ${median(figures.map((f) => f.maxRssMb)).toFixed(0)} | ${perCommit.length ? median(perCommit).toFixed(1) : ''} |`,
    );
  }
  const rate = (name: string) => median((rows.get(name) ?? []).map((figure) => figure.rate));
  const rss = (name: string) => median((rows.get(name) ?? []).map((figure) => figure.maxRssMb));
  const bare = rate(BARE_LAUNCH);
  const bareWhole = rate(BARE_LAUNCH_WHOLE);
  const bareComplete = rate(BARE_COMPLETE);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log('');
  for (const size of sizes) {
    const ours = rate(launchName(size));
    const peak = rss(launchName(size));
    console.log(
      `launch ${size}: ${ours.toFixed(0)}/s persisted (target ≥ 1,000/s: ${verdict(ours >= 1000)}) = ${(ours / bare).toFixed(2)}× bare single-thread, school process (target ≥ 2×: ${verdict(ours / bare >= 2)}); ${(ours / bareWhole).toFixed(2)}× bare whole file; peak RSS ${peak.toFixed(0)} MiB${size >= 50_000 ? ` (target ≤ 1,024 MiB at 50,000: ${verdict(peak <= 1024)})` : ''}`,
    );
  }
  const completed = rate(completeName);
  const oneAtATime = rate(oneName);
  console.log(
    `complete ${completions}: ${completed.toFixed(0)}/s persisted with ${concurrency} in flight (target ≥ 600/s: ${verdict(completed >= 600)}) = ${(completed / bareComplete).toFixed(2)}× bare in-memory completions; one at a time ${oneAtATime.toFixed(0)}/s = ${(oneAtATime / bareComplete).toFixed(2)}×; peak RSS ${rss(completeName).toFixed(0)} MiB`,
  );
}

switch (options.child) {
  case undefined:
    await parent();
    break;
  case 'launch':
    await childLaunch();
    break;
  case 'complete':
    await childComplete();
    break;
  case 'bare-launch-school-xml':
    await childBaseline('school-xml', false);
    break;
  case 'bare-launch-school':
    await childBaseline('school', false);
    break;
  case 'bare-launch-whole':
    await childBaseline('whole', false);
    break;
  case 'bare-complete':
    await childBaseline('school', true);
    break;
  default:
    throw new Error(`unknown child ${options.child}`);
}
