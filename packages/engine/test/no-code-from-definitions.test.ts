import { readFileSync } from 'node:fs';
import { createSqliteStore } from '@ddt/store';
import { isWorkflowError, WorkflowRuntime } from '../src/index.js';
import { campaign, program, school, seedRecords } from './fixtures/records.js';

async function start(fixture: string) {
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const version = program(readFileSync(new URL(`./fixtures/${fixture}`, import.meta.url), 'utf8'));
  await seedRecords(store, version);
  const runtime = new WorkflowRuntime({ store });
  const outcome = await runtime
    .startInstance({ instanceId: 'c1:s1', program: version, campaign, school, params: {} })
    .catch((error: unknown) => error);
  return { store, outcome };
}

afterEach(() => {
  delete (globalThis as { pwned?: unknown }).pwned;
});

test.each([
  ['a dollar-brace expression reaching Function through constructor', 'code-in-expression.bpmn'],
  ['a JavaScript script task', 'script-task.bpmn'],
  ['a JavaScript sequence-flow condition', 'javascript-condition.bpmn'],
])('%s does not run and the launch fails with a coded error', async (_name, fixture) => {
  const { store, outcome } = await start(fixture);
  expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  expect(isWorkflowError(outcome)).toBe(true);
  expect((outcome as { code: string }).code).toMatch(/^WF_ERR_(SCRIPT_FORBIDDEN|RUN)$/);
  expect(await store.getInstance('c1:s1')).toBeNull();
});
