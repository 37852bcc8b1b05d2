import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgramFolder } from '@ddt/program';
import { simulateProgram } from '../src/index.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/steering');

test('the simulator steers through a radio and a score together, a timer, a handler and its BPMN error, and names the flow it could not take', async () => {
  const report = await simulateProgram(await loadProgramFolder(fixture), { timeLimitMs: 30_000 });
  expect(report.problems).toEqual([]);
  expect(report.missed).toEqual([{ id: 'Flow_Never', name: '不可能的分支', sourceId: 'Gateway_Result' }]);
  expect(report.taken).toBe(report.total - 1);
  expect(report.processes).toEqual([
    expect.objectContaining({ id: 'Process_School', scope: 'school', total: 9, taken: 8 }),
  ]);
});
