import type { Campaign, Instance, ProgramVersion, School } from '@ddt/store';

/** What a launch worker is started with (`workerData`). */
export interface LaunchWorkerData {
  program: Pick<ProgramVersion, 'id' | 'key' | 'version' | 'bpmn'>;
  campaign: Campaign;
  params: Record<string, unknown>;
  useTemplates: boolean;
}

/** Main thread → worker: build the instances of these schools, as of `now`. */
export interface LaunchChunk {
  chunkId: number;
  schools: School[];
  now: string;
}

export interface LaunchFailure {
  schoolId: string;
  code: string;
  message: string;
}

/** Worker → main thread. */
export type LaunchWorkerReply =
  | { kind: 'ready' }
  | { kind: 'chunk'; chunkId: number; instances: Instance[]; failures: LaunchFailure[] }
  | { kind: 'fatal'; message: string };
