import { parentPort, workerData } from 'node:worker_threads';
import { compileDefinition } from '../definition/compile-definition.js';
import { buildChunk } from './build-chunk.js';
import type { LaunchChunk, LaunchWorkerData, LaunchWorkerReply } from './launch-messages.js';

// A worker thread of a bulk launch: compiles the program once, then turns chunks of schools into
// instance records for the main thread to write. It holds no engine between instances.
const port = parentPort;
if (!port) throw new Error('launch-worker 只能作为工作线程运行');
const data = workerData as LaunchWorkerData;
const reply = (message: LaunchWorkerReply) => port.postMessage(message);

try {
  const definition = await compileDefinition(data.program.bpmn);
  port.on('message', (chunk: LaunchChunk) => {
    buildChunk(definition, data, chunk).then(
      (built) => reply({ kind: 'chunk', chunkId: chunk.chunkId, ...built }),
      (error: Error) => reply({ kind: 'fatal', message: error.message }),
    );
  });
  reply({ kind: 'ready' });
} catch (error) {
  reply({ kind: 'fatal', message: (error as Error).message });
}
