import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Campaign, Instance, ProgramVersion, School, Store } from '@ddt/store';
import { compileDefinition, processOfScope } from '../definition/compile-definition.js';
import { WorkflowError } from '../errors.js';
import { launchInstance } from '../runtime/launch-instance.js';
import { buildChunk } from './build-chunk.js';
import type { LaunchChunk, LaunchFailure, LaunchWorkerData, LaunchWorkerReply } from './launch-messages.js';

export interface BulkLauncherOptions {
  store: Store;
  now?: () => Date;
  /** Worker threads. Default: one per core. A launch of fewer than `inProcessBelow` schools uses none. */
  workers?: number;
  /** Launches smaller than this run on the calling thread (starting workers costs more). Default 200. */
  inProcessBelow?: number;
  /** Schools per chunk handed to a worker. Default 250. */
  chunkSize?: number;
  /** The worker script; tests substitute one. Default: `launch-worker` next to this file. */
  workerUrl?: URL;
  /** Young-generation size of each worker (MB): bigger means fewer scavenges per instance. Default 64. */
  workerYoungGenerationMb?: number;
  /** Launch from launch templates when they fit (see `engine/launch-template.ts`). Default true. */
  launchTemplates?: boolean;
}

export interface BulkLaunchArgs {
  program: ProgramVersion;
  campaign: Campaign;
  schools: School[];
  params: Record<string, unknown>;
  /** Called after every write with the counts so far (schools only; see `campaignInstance`). */
  onProgress?: (progress: BulkLaunchProgress) => void;
}

export interface BulkLaunchProgress {
  total: number;
  /** Schools whose instance exists now (created in this run, or found from an earlier one). */
  done: number;
  created: number;
  /** Found already created (a resumed launch). */
  existing: number;
  failed: number;
}

export interface BulkLaunchResult extends BulkLaunchProgress {
  failures: LaunchFailure[];
  /** The campaign-scope instance, if the program has a campaign-scope process. */
  campaignInstance: { id: string; created: boolean } | null;
  workers: number;
  /** Worker threads that died and were replaced (their chunks were redone). */
  workerRestarts: number;
}

const MAX_RESTARTS = 3;
const CHUNKS_IN_FLIGHT_PER_WORKER = 2;

/**
 * Launches a program to many schools: one instance per school (`${campaignId}:${schoolId}`), run to its
 * first wait on a pool of worker threads and written in batches. Re-running a launch after a crash
 * skips the schools that already have an instance, so no school is launched twice; memory stays flat
 * because workers keep no engines and the main thread keeps no records once written.
 */
export class BulkLauncher {
  readonly #options: Required<Omit<BulkLauncherOptions, 'workerUrl'>> & { workerUrl: URL };

  constructor(options: BulkLauncherOptions) {
    this.#options = {
      now: () => new Date(),
      workers: availableParallelism(),
      inProcessBelow: 200,
      chunkSize: 250,
      workerYoungGenerationMb: 64,
      launchTemplates: true,
      workerUrl: defaultWorkerUrl(),
      ...options,
    };
  }

  async launch(args: BulkLaunchArgs): Promise<BulkLaunchResult> {
    const { store } = this.#options;
    const definition = await compileDefinition(args.program.bpmn);
    if (!processOfScope(definition, 'school')) {
      throw new WorkflowError('WF_ERR_NO_PROCESS', '督导项目没有学校级流程');
    }
    const existingIds = await this.#existingInstanceIds(args.campaign.id);
    const pending = uniqueSchools(args.schools).filter(
      (school) => !existingIds.has(`${args.campaign.id}:${school.id}`),
    );
    const progress: BulkLaunchProgress = {
      total: uniqueSchools(args.schools).length,
      done: 0,
      created: 0,
      existing: 0,
      failed: 0,
    };
    progress.existing = progress.total - pending.length;
    progress.done = progress.existing;
    const failures: LaunchFailure[] = [];
    const data: LaunchWorkerData = {
      program: {
        id: args.program.id,
        key: args.program.key,
        version: args.program.version,
        bpmn: args.program.bpmn,
      },
      campaign: args.campaign,
      params: args.params,
      useTemplates: this.#options.launchTemplates,
    };
    const write = async (instances: Instance[], chunkFailures: LaunchFailure[]) => {
      if (instances.length > 0) {
        const result = await store.createInstances(instances);
        progress.created += result.created;
        progress.existing += result.existingIds.length;
        progress.done += instances.length;
      }
      progress.failed += chunkFailures.length;
      failures.push(...chunkFailures);
      args.onProgress?.({ ...progress });
    };

    const chunks = chunksOf(pending, this.#options.chunkSize);
    let workers = 0;
    let workerRestarts = 0;
    if (pending.length < this.#options.inProcessBelow || this.#options.workers < 1) {
      for (const [chunkId, schools] of chunks.entries()) {
        const built = await buildChunk(definition, data, {
          chunkId,
          schools,
          now: this.#options.now().toISOString(),
        });
        await write(built.instances, built.failures);
      }
    } else {
      workers = Math.min(this.#options.workers, chunks.length);
      workerRestarts = await this.#runPool(data, chunks, workers, write);
    }

    let campaignInstance: BulkLaunchResult['campaignInstance'] = null;
    if (processOfScope(definition, 'campaign')) {
      const instance = await launchInstance(
        definition,
        args.program,
        {
          instanceId: `${args.campaign.id}:campaign`,
          scope: 'campaign',
          campaign: args.campaign,
          school: null,
          params: args.params,
        },
        this.#options.now(),
        { useTemplates: this.#options.launchTemplates },
      );
      const created = await store.createInstance(instance);
      campaignInstance = { id: instance.id, created: created.created };
    }
    return { ...progress, failures, campaignInstance, workers, workerRestarts };
  }

  async #existingInstanceIds(campaignId: string): Promise<Set<string>> {
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await this.#options.store.findInstances({
        campaignId,
        scope: 'school',
        limit: 1000,
        cursor,
      });
      for (const instance of page.items) ids.add(instance.id);
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  /**
   * Hands chunks to `count` workers (two in flight each, so a worker builds one while the main thread
   * writes the other) and writes each reply as it comes. A worker that dies is replaced and its chunks
   * are redone.
   */
  #runPool(
    data: LaunchWorkerData,
    chunks: School[][],
    count: number,
    write: (instances: Instance[], failures: LaunchFailure[]) => Promise<void>,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      const queue = chunks.map((schools, chunkId) => ({ chunkId, schools }));
      const inFlight = new Map<Worker, Set<number>>();
      const byId = new Map(queue.map((chunk) => [chunk.chunkId, chunk]));
      let remaining = chunks.length;
      let restarts = 0;
      let failed = false;
      let writing = Promise.resolve();

      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        for (const worker of inFlight.keys()) void worker.terminate();
        reject(error);
      };
      const feed = (worker: Worker) => {
        const mine = inFlight.get(worker);
        while (mine && mine.size < CHUNKS_IN_FLIGHT_PER_WORKER && queue.length > 0) {
          const chunk = queue.shift()!;
          mine.add(chunk.chunkId);
          const message: LaunchChunk = { ...chunk, now: this.#options.now().toISOString() };
          worker.postMessage(message);
        }
      };
      const finishIfDone = () => {
        if (remaining > 0 || failed) return;
        for (const worker of inFlight.keys()) void worker.terminate();
        inFlight.clear();
        writing.then(() => resolve(restarts), fail);
      };
      const spawn = () => {
        const worker = startWorker(this.#options.workerUrl, data, this.#options.workerYoungGenerationMb);
        inFlight.set(worker, new Set());
        worker.on('message', (reply: LaunchWorkerReply) => {
          if (reply.kind === 'ready') return feed(worker);
          if (reply.kind === 'fatal')
            return fail(new WorkflowError('WF_ERR_BULK_LAUNCH', `批量下发的工作线程出错：${reply.message}`));
          inFlight.get(worker)?.delete(reply.chunkId);
          if (!byId.delete(reply.chunkId)) return; // a chunk redone after a restart, answered twice
          writing = writing.then(() => write(reply.instances, reply.failures));
          // The worker gets its next chunk once this one is written (it is busy with its other chunk
          // meanwhile): built instances never pile up waiting for the store, so memory stays flat
          // however slow the writes are.
          writing.then(() => feed(worker), fail);
          remaining -= 1;
          finishIfDone();
        });
        worker.on('error', () => {}); // an error ends the worker: 'exit' redoes its chunks
        worker.on('exit', () => {
          const lost = inFlight.get(worker);
          if (!lost || failed) return;
          inFlight.delete(worker);
          if (remaining === 0) return;
          // The worker died with chunks in flight: redo them on a new worker.
          for (const chunkId of lost) {
            const chunk = byId.get(chunkId);
            if (chunk) queue.unshift(chunk);
          }
          if (++restarts > MAX_RESTARTS) {
            fail(new WorkflowError('WF_ERR_BULK_LAUNCH', `批量下发的工作线程反复退出（${restarts} 次）`));
            return;
          }
          spawn();
        });
      };
      for (let i = 0; i < count; i++) spawn();
    });
  }
}

function defaultWorkerUrl(): URL {
  // Tests run the TypeScript sources: next to this file is launch-worker.ts; a build has launch-worker.js.
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./launch-worker${extension}`, import.meta.url);
}

/**
 * A worker on the built `.js`, or — under tests, which run the TypeScript sources — on the `.ts` through
 * tsx. Node 20 does not apply `--import tsx` from a worker's execArgv before loading its entry, so a
 * small bootstrap registers tsx and then imports the entry.
 */
function startWorker(url: URL, workerData: LaunchWorkerData, youngGenerationMb: number): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: youngGenerationMb };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, resourceLimits });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits, execArgv: ['--conditions=source'] });
}

function uniqueSchools(schools: School[]): School[] {
  const seen = new Set<string>();
  return schools.filter((school) => !seen.has(school.id) && Boolean(seen.add(school.id)));
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
