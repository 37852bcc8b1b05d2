/**
 * `npm run bench:engine` — launches and completions of the 开学督导 program (definitions/kaixue) with the
 * SQLite store, beside bare bpmn-engine doing the same work in memory on one thread, measured in the
 * same run. Prints figures; it is not a test. Each measurement runs in its own child process so that
 * peak RSS is its own. Options: --runs 3 --sizes 10000,50000 --completions 10000 --concurrency 32
 * --sync FULL.
 *
 * Completions run on one thread with `--concurrency` of them in flight, as a server answers many
 * schools submitting at once; the SQLite store commits the writes of one event-loop turn together
 * (group commit), and the figure says how many completions shared a commit. One at a time is measured
 * too, for comparison.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadProgramFolder } from '@ddt/program';
import {
  type Campaign,
  createSqliteStore,
  type ProgramVersion,
  type School,
  type SqliteStore,
} from '@ddt/store';
import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import Serializer, { TypeResolver } from 'moddle-context-serializer';
import { BulkLauncher, WorkflowRuntime } from '../src/index.js';

const kaixueFolder = fileURLToPath(new URL('../../../definitions/kaixue/', import.meta.url));
const zeebe = createRequire(import.meta.url)('zeebe-bpmn-moddle/resources/zeebe.json') as Record<
  string,
  unknown
>;
const silent = () => ({ debug() {}, error() {}, warn() {} });

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '10000,50000' },
    completions: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '32' },
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

// ---------------------------------------------------------------- child measurements

function schoolsOf(count: number, prefix: string): School[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `第${i + 1}学校`,
    type: 'primary',
    ownership: 'public',
    officeId: 'o1',
    officePath: '/o1/',
    districtId: 'd1',
    inspectorId: `inspector-${i % 300}`,
  }));
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
    title: '开学督导（基准）',
    officeId: 'o1',
    officePath: '/o1/',
    params: { selfCheckPeriod: 'P7D', reviewPeriod: 'P5D' },
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

async function childLaunch(): Promise<void> {
  const store = await openStore(options.db!);
  const program = await kaixueProgram();
  await store.createProgramVersion(program);
  const campaign = campaignOf(options.campaign!);
  await store.createCampaign(campaign);
  const count = Number(options.count);
  const schools = schoolsOf(count, campaign.id);
  const started = performance.now();
  const result = await new BulkLauncher({
    store,
    workers: availableParallelism(),
    launchTemplates: options.templates === 'on',
  }).launch({
    program,
    campaign,
    schools,
    params: campaign.params,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.created !== count) throw new Error(`created ${result.created} of ${count}`);
  await store.close();
  report({ rate: count / seconds, maxRssMb: maxRssMb() });
}

async function childComplete(): Promise<void> {
  const store = await openStore(options.db!);
  const runtime = new WorkflowRuntime({ store, launchTemplates: options.templates === 'on' });
  const count = Number(options.count);
  const from = Number(options.from);
  const taskIds: string[] = [];
  for (let i = from; i < from + count; i++) {
    const instance = await store.getInstance(`${options.campaign}:${options.campaign}-${i}`);
    taskIds.push(instance!.tasks[0]!.id);
  }
  const before = store.writeStats();
  const started = performance.now();
  let next = 0;
  // `concurrency` schools submitting at once: each takes the next task when its last one is done.
  await Promise.all(
    Array.from({ length: Number(options.concurrency) }, async () => {
      while (next < taskIds.length) {
        const taskId = taskIds[next++]!;
        await runtime.completeTask({
          taskId,
          output: { ready: true, summary: '开学准备就绪' },
          submissionId: null,
          completedBy: 'u1',
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = store.writeStats();
  await store.close();
  report({
    rate: count / seconds,
    maxRssMb: maxRssMb(),
    perCommit: (after.writes - before.writes) / (after.commits - before.commits),
  });
}

/** bare bpmn-engine, in memory, one thread, no persistence: the baseline. */
async function childBaseline(mode: 'naive' | 'tuned' | 'complete'): Promise<void> {
  const program = await kaixueProgram();
  const count = Number(options.count);
  const variables = (i: number) => ({
    school: { id: `s${i}`, inspectorId: 'u9' },
    campaign: { id: 'c' },
    params: { selfCheckPeriod: 'P7D', reviewPeriod: 'P5D' },
  });
  const typeResolver = TypeResolver(Elements);
  const sourceContext = Serializer(await new BpmnModdle({ zeebe }).fromXML(program.bpmn), typeResolver);
  const expressions = {
    resolveExpression: (expression: unknown) => expression,
    isExpression: () => false,
    hasExpression: () => false,
  };
  const launch = async (i: number) => {
    const engine =
      mode === 'naive'
        ? new Engine({ source: program.bpmn, moddleOptions: { zeebe } } as never)
        : new Engine({ sourceContext, Logger: silent, expressions } as never);
    const execution = await engine.execute({ variables: variables(i) });
    if (execution.getPostponed().length !== 1) throw new Error('not waiting');
    return engine;
  };
  if (mode !== 'complete') {
    for (let i = 0; i < 200; i++) await launch(i);
    const started = performance.now();
    for (let i = 0; i < count; i++) await launch(i);
    report({ rate: count / ((performance.now() - started) / 1000), maxRssMb: maxRssMb() });
    return;
  }
  const states: unknown[] = [];
  for (let i = 0; i < count + 200; i++) states.push(await (await launch(i)).getState());
  const complete = async (state: unknown) => {
    const engine = new Engine({ sourceContext, Logger: silent, expressions } as never).recover(
      state as never,
    );
    const execution = await engine.resume();
    execution.getPostponed()[0]!.signal({ ready: true });
    if (execution.getPostponed()[0]?.id !== 'review') throw new Error('not at review');
  };
  for (const state of states.slice(0, 200)) await complete(state);
  const started = performance.now();
  for (const state of states.slice(200)) await complete(state);
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

async function parent(): Promise<void> {
  const runs = Number(options.runs);
  const sizes = options.sizes!.split(',').map(Number);
  const completions = Number(options.completions);
  const concurrency = Number(options.concurrency);
  const baselineCount = 2000;
  console.log(
    '督导通 engine benchmark — 开学督导 (definitions/kaixue): launch to first wait, then complete the first task',
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; store: SQLite file (WAL), synchronous=${options.sync}`,
  );
  console.log(
    `runs: ${runs} (medians below); bulk launch on ${availableParallelism()} worker threads; baseline: bare bpmn-engine 25, one thread, in memory, no persistence, ${baselineCount} instances`,
  );
  const rows = new Map<string, Figure[]>();
  const add = (name: string, figure: Figure) => rows.set(name, [...(rows.get(name) ?? []), figure]);

  for (let run = 1; run <= runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'ddt-bench-'));
    try {
      add(
        'baseline: bare bpmn-engine launch (XML per instance)',
        measure(['--child', 'naive', '--count', String(baselineCount)]),
      );
      add(
        'baseline: bare bpmn-engine launch (cached sourceContext, no logger)',
        measure(['--child', 'tuned', '--count', String(baselineCount)]),
      );
      add(
        'baseline: bare bpmn-engine complete (recover, resume, signal)',
        measure(['--child', 'bare-complete', '--count', String(baselineCount)]),
      );
      for (const size of sizes) {
        add(
          `ours: launch ${size} persisted`,
          measure([
            '--child',
            'launch',
            '--db',
            join(dir, `launch-${size}.sqlite`),
            '--campaign',
            `c${size}`,
            '--count',
            String(size),
          ]),
        );
      }
      const first = sizes[0]!;
      add(
        `ours: launch ${first} persisted, engine per instance (templates off)`,
        measure([
          '--child',
          'launch',
          '--db',
          join(dir, 'launch-off.sqlite'),
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
        `ours: complete ${completions} tasks persisted (one thread, ${concurrency} in flight)`,
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
        'ours: complete 2000 tasks persisted (one thread, one at a time)',
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
        `ours: complete 2000 tasks persisted, engine per step (templates off, ${concurrency} in flight)`,
        measure([
          '--child',
          'complete',
          '--db',
          join(dir, 'launch-off.sqlite'),
          '--campaign',
          'coff',
          '--count',
          '2000',
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
  const tuned = rate('baseline: bare bpmn-engine launch (cached sourceContext, no logger)');
  const naive = rate('baseline: bare bpmn-engine launch (XML per instance)');
  const bareComplete = rate('baseline: bare bpmn-engine complete (recover, resume, signal)');
  console.log('');
  for (const size of sizes) {
    const ours = rate(`ours: launch ${size} persisted`);
    console.log(
      `launch ${size}: ${ours.toFixed(0)}/s persisted = ${(ours / tuned).toFixed(1)}× bare tuned, ${(ours / naive).toFixed(1)}× bare naive`,
    );
  }
  const completed = rate(
    `ours: complete ${completions} tasks persisted (one thread, ${concurrency} in flight)`,
  );
  const oneAtATime = rate('ours: complete 2000 tasks persisted (one thread, one at a time)');
  console.log(
    `complete ${completions}: ${completed.toFixed(0)}/s persisted with ${concurrency} in flight = ${(completed / bareComplete).toFixed(1)}× bare in-memory completions (target ≥ 600/s); one at a time ${oneAtATime.toFixed(0)}/s = ${(oneAtATime / bareComplete).toFixed(1)}×`,
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
  case 'naive':
  case 'tuned':
    await childBaseline(options.child);
    break;
  case 'bare-complete':
    await childBaseline('complete');
    break;
  default:
    throw new Error(`unknown child ${options.child}`);
}
